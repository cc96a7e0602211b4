/**
 * `npm run build:node && node dist/bench/vtt-memory.js [--cues N] [--keep]`: peak memory of
 * importing one WebVTT file with a million cues (issue 8: it must stay under 500 MB). Writes
 * the file in a temp folder (speaker voice tags, a new speaker every few cues, CJK in some
 * cues), then runs the real `quarry import` as a child process under GNU time and prints its
 * peak resident set size, CPU and wall time, and the turns it made. Prints; asserts nothing.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasGnuTime, measureProcess } from './process.js';
import { repoRoot } from './run.js';

const SPEAKERS = ['Interviewer', 'Ada', 'Bruno', 'Chen Wei'];
const WORDS = 'the delivery was late again and the card was declined at checkout so I called support'.split(' ');

function stamp(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Writes `cues` cues of 2 s each; returns the file's size in bytes. */
export function writeVtt(path: string, cues: number): number {
  const fd = openSync(path, 'w');
  try {
    let chunk = 'WEBVTT\n\n';
    for (let i = 0; i < cues; i++) {
      const speaker = SPEAKERS[Math.floor(i / 5) % SPEAKERS.length];
      const start = i * 2000;
      const words = Array.from({ length: 6 + (i % 7) }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' ');
      const text = i % 50 === 7 ? `配送料が高すぎます ${words}` : words;
      chunk += `${stamp(start)} --> ${stamp(start + 1900)}\n<v ${speaker}>${text}\n\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return statSync(path).size;
}

function parse(argv: readonly string[]): { cues: number; keep: boolean } {
  const o = { cues: 1_000_000, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cues') o.cues = Number(argv[++i]);
    else if (a === '--keep') o.keep = true;
    else throw new Error(`Unknown option ${a}`);
  }
  if (!Number.isInteger(o.cues) || o.cues < 1) throw new Error('--cues needs a whole number ≥ 1.');
  return o;
}

function main(): void {
  const options = parse(process.argv.slice(2));
  if (!hasGnuTime()) throw new Error('This bench reads peak memory from GNU time (/usr/bin/time), not found.');
  const root = repoRoot();
  const dir = mkdtempSync(join(tmpdir(), 'quarry-vtt-'));
  try {
    console.log(
      `VTT memory — ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load ${loadavg()[0]?.toFixed(2)}`,
    );
    const file = join(dir, 'long-call.vtt');
    const bytes = writeVtt(file, options.cues);
    console.log(`${options.cues.toLocaleString('en')} cues, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    const project = join(dir, 'vtt.quarry');
    const env = { ...process.env, QUARRY_CONFIG_DIR: join(dir, 'config') };
    const bin = join(root, 'bin', 'quarry.js');
    measureProcess(process.execPath, [bin, 'new', project, '--json'], { env });
    const run = measureProcess(process.execPath, [bin, 'import', project, file, '--json'], { env });
    const result = JSON.parse(run.stdout) as { imported: { documentIds: number[] }[]; rejected: { error: string }[] };
    if (result.rejected.length > 0) throw new Error(`quarry import refused the file: ${result.rejected[0]?.error}`);
    const docs = JSON.parse(measureProcess(process.execPath, [bin, 'docs', project, '--json'], { env }).stdout) as {
      turns?: number;
    }[];
    console.log(
      `quarry import: peak RSS ${run.maxRssMb?.toFixed(0)} MB (target < 500 MB), CPU ${((run.cpuMs ?? 0) / 1000).toFixed(1)} s, ` +
        `wall ${(run.wallMs / 1000).toFixed(1)} s, ${docs.length} document, ${docs[0]?.turns ?? '?'} turns`,
    );
    console.log(
      JSON.stringify({ cues: options.cues, bytes, maxRssMb: run.maxRssMb, cpuMs: run.cpuMs, wallMs: run.wallMs }),
    );
  } finally {
    if (options.keep) console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main();
