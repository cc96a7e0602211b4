/**
 * `npm run bench:reader` (node dist/bench/reader.js): how the reader copes with one long
 * transcript. Generates a 150,000-word interview, imports it into a temp project with a few
 * hundred coded excerpts, starts `quarry serve`, and drives Chromium (playwright) to time:
 * navigation → first turns visible, navigation → every turn rendered with its highlights
 * painted, and frame times (requestAnimationFrame deltas) while wheel-scrolling the whole
 * transcript. Prints figures; asserts nothing.
 *
 *   node dist/bench/reader.js [--words N] [--excerpts N] [--wheel PX] [--seed S] [--keep]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../core/app.js';
import type { CodeId, DocumentId } from '../core/contract/index.js';
import { checkBrowserBench, launchChromium, serve, tearDown } from './browser.js';
import { generateCorpus, prng } from './corpus.js';
import { median, percentile } from './stats.js';

interface ReaderOptions {
  words: number;
  excerpts: number;
  wheel: number;
  seed: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): ReaderOptions {
  const o: ReaderOptions = { words: 150_000, excerpts: 400, wheel: 400, seed: 20_240_601, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') o.keep = true;
    else if (arg === '--words' || arg === '--excerpts' || arg === '--wheel' || arg === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number.`);
      o[arg.slice(2) as 'words' | 'excerpts' | 'wheel' | 'seed'] = value;
    } else if (arg !== '--reader') throw new Error(`Unknown option ${arg}`);
  }
  return o;
}

/** A project with the transcript and `count` excerpts spread over it, under six codes. */
async function buildProject(dir: string, configDir: string, o: ReaderOptions) {
  const corpus = generateCorpus({ dir: join(dir, 'corpus'), docs: 1, wordsPerDoc: o.words, seed: o.seed });
  const file = corpus.files[0];
  if (!file) throw new Error('the generator wrote no transcript');
  const path = join(dir, 'reader.quarry');
  const app = createApp({ configDir, coderName: 'bench' });
  try {
    await app.dispatcher.call('project.create', { path, name: 'Reader bench' });
    const imported = await app.dispatcher.call('documents.import', {
      files: [{ name: file.name, dataBase64: readFileSync(file.path).toString('base64') }],
    });
    const documentId = imported.imported[0]?.documentIds[0] as DocumentId | undefined;
    if (documentId === undefined) throw new Error(`import failed: ${imported.rejected[0]?.error}`);
    const doc = await app.dispatcher.call('documents.get', { id: documentId });
    const codes: CodeId[] = [];
    for (const name of ['Price', 'Delivery', 'Trust', 'Checkout', 'Mobile', 'Support']) {
      codes.push((await app.dispatcher.call('codes.add', { name })).id);
    }
    const rand = prng(o.seed);
    for (let i = 0; i < o.excerpts; i++) {
      const turn = doc.turns[Math.floor(rand() * doc.turns.length)];
      if (!turn || turn.end - turn.start < 20) continue;
      const start = turn.start + Math.floor(rand() * (turn.end - turn.start - 10));
      const end = Math.min(turn.end, start + 10 + Math.floor(rand() * 300));
      const codeIds = [codes[Math.floor(rand() * codes.length)] as CodeId];
      if (rand() < 0.25) codeIds.push(codes[Math.floor(rand() * codes.length)] as CodeId);
      await app.dispatcher.call('excerpts.tag', { documentId, start, end, codeIds: [...new Set(codeIds)] });
    }
    const excerpts = (await app.dispatcher.call('excerpts.list', { documentId })).length;
    return { path, words: corpus.words, chars: doc.text.length, turns: doc.turns.length, excerpts };
  } finally {
    app.close();
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  checkBrowserBench();
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-reader-'));
  const configDir = join(dir, 'config');
  let server: ChildProcess | null = null;
  const browser = await launchChromium();
  try {
    const t0 = performance.now();
    const project = await buildProject(dir, configDir, o);
    const buildMs = performance.now() - t0;
    const started = await serve(configDir, project.path);
    server = started.child;
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });

    const nav = performance.now();
    await page.goto(started.url);
    await page.locator('.reader-text .block').first().waitFor({ state: 'visible', timeout: 60_000 });
    const firstTurnsMs = performance.now() - nav;
    // Browser-side code is passed as text: this program is compiled without the DOM library.
    const blocks = await page.waitForFunction(
      `(() => {
        const n = document.querySelectorAll('.reader-text .block').length;
        const painted = 'highlights' in CSS ? [...CSS.highlights.keys()].some((k) => k.startsWith('qc-')) : true;
        return n > 0 && painted && (${project.excerpts} === 0 || document.querySelectorAll('.stripe').length > 0) ? n : false;
      })()`,
      undefined,
      { timeout: 120_000 },
    );
    // Two frames later the full reader has been laid out and painted.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const fullMs = performance.now() - nav;
    const blockCount = (await blocks.jsonValue()) as number;
    const domNodes = (await page.evaluate("document.querySelectorAll('*').length")) as number;
    const highlightRanges = (await page.evaluate(
      "'highlights' in CSS ? [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) : 0",
    )) as number;

    // Wheel through the transcript while recording every frame's delta.
    const box = await page.locator('.reader-scroll').boundingBox();
    if (!box) throw new Error('no reader');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__stop = false;
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const scrollStart = performance.now();
    let wheels = 0;
    for (;;) {
      await page.mouse.wheel(0, o.wheel);
      wheels++;
      const done = await page.evaluate(
        "(() => { const el = document.querySelector('.reader-scroll'); return el.scrollTop + el.clientHeight >= el.scrollHeight - 2; })()",
      );
      if (done || wheels > 20_000) break;
    }
    const scrollMs = performance.now() - scrollStart;
    const { frames, scrollHeight } = (await page.evaluate(`(() => {
      window.__stop = true;
      return { frames: window.__frames.slice(1), scrollHeight: document.querySelector('.reader-scroll').scrollHeight };
    })()`)) as { frames: number[]; scrollHeight: number };
    const f = (n: number) => n.toFixed(1);
    const lines = [
      `Reader bench — Chromium ${browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
      `transcript: ${project.words.toLocaleString('en')} words, ${project.chars.toLocaleString('en')} chars, ${project.turns} turns, ${project.excerpts} excerpts (project built in ${f(buildMs / 1000)} s)`,
      `highlight API: ${highlightRanges > 0 ? `yes, ${highlightRanges} ranges` : 'no (spans)'}; ${blockCount} turn blocks; ${domNodes.toLocaleString('en')} DOM elements`,
      `navigation → first turns visible: ${f(firstTurnsMs)} ms`,
      `navigation → full reader rendered and painted: ${f(fullMs)} ms`,
      `wheel scroll through ${scrollHeight.toLocaleString('en')} px: ${wheels} wheel events of ${o.wheel} px in ${f(scrollMs / 1000)} s`,
      `frame times over ${frames.length} frames: median ${f(median(frames))} ms, p95 ${f(percentile(frames, 95))} ms, longest ${f(Math.max(...frames))} ms`,
    ];
    console.log(lines.join('\n'));
    console.log(
      JSON.stringify({
        chromium: browser.version(),
        transcript: project,
        highlightRanges,
        blocks: blockCount,
        domNodes,
        firstTurnsMs,
        fullMs,
        scroll: {
          px: scrollHeight,
          wheels,
          ms: scrollMs,
          frames: frames.length,
          medianMs: median(frames),
          p95Ms: percentile(frames, 95),
          maxMs: Math.max(...frames),
        },
      }),
    );
  } finally {
    await tearDown(browser, server, dir, o.keep);
  }
}

main().catch((err: unknown) => {
  console.error(`bench:reader: ${(err as Error).message}`);
  process.exit(1);
});
