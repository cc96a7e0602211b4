/**
 * `npm run bench`: prints Quarry's import throughput, search latency and CLI start-up, each
 * beside a floor — the same work done minimally with raw better-sqlite3 — and the ratio.
 * It reports figures and never asserts times; a JSON line at the end carries them all.
 *
 *   node dist/bench/run.js [--quick] [--docs N] [--words M] [--runs R] [--cli-runs R]
 *                          [--seed S] [--dir PATH] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp } from '../core/app.js';
import { planSearch } from '../core/services/search.js';
import { type Corpus, generateCorpus } from './corpus.js';
import { type FloorDb, openFloor } from './floor.js';
import { measureProcesses, type ProcessesFigure } from './processes.js';
import { report } from './report.js';
import { median, percentile } from './stats.js';

export interface BenchOptions {
  docs: number;
  /** Words per document. */
  wordsPerDoc: number;
  /** Repetitions of each search query. */
  runs: number;
  /** Repetitions of the CLI start-up. */
  cliRuns: number;
  seed: number;
  /** Working folder (corpus and databases); a fresh temp folder by default. */
  dir?: string;
  /** Keep the working folder afterwards (it is removed by default). */
  keep: boolean;
  quick: boolean;
}

export const DEFAULTS: BenchOptions = {
  docs: 200,
  wordsPerDoc: 10_000,
  runs: 50,
  cliRuns: 5,
  seed: 20_240_601,
  keep: false,
  quick: false,
};
export const QUICK: Partial<BenchOptions> = { docs: 8, wordsPerDoc: 1_500, runs: 5, cliRuns: 1, quick: true };

export const USAGE =
  'Usage: node dist/bench/run.js [--quick] [--docs N] [--words M] [--runs R] [--cli-runs R] [--seed S] [--dir PATH] [--keep]';

export class UsageError extends Error {}

/** Parses argv; --quick sets small sizes that explicit options then override. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const numeric: Record<string, keyof BenchOptions> = {
    '--docs': 'docs',
    '--words': 'wordsPerDoc',
    '--runs': 'runs',
    '--cli-runs': 'cliRuns',
    '--seed': 'seed',
  };
  const explicit: Partial<BenchOptions> = {};
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') quick = true;
    else if (arg === '--keep') explicit.keep = true;
    else if (arg === '--dir') {
      const value = argv[++i];
      if (!value) throw new UsageError('--dir needs a folder.');
      explicit.dir = resolve(value);
    } else if (arg in numeric) {
      const value = Number(argv[++i]);
      const key = numeric[arg] as keyof BenchOptions;
      const min = key === 'cliRuns' || key === 'seed' ? 0 : 1;
      if (!Number.isInteger(value) || value < min) throw new UsageError(`${arg} needs a whole number ≥ ${min}.`);
      (explicit as Record<string, number>)[key] = value;
    } else throw new UsageError(`Unknown option ${arg}.`);
  }
  return { ...DEFAULTS, ...(quick ? QUICK : {}), ...explicit };
}

export interface Throughput {
  seconds: number;
  mbPerSec: number;
  wordsPerSec: number;
  filesPerSec: number;
}

export interface Latency {
  medianMs: number;
  p95Ms: number;
  hits: number;
}

export interface SearchFigure {
  kind: 'word' | 'phrase' | 'prefix' | 'diacritics' | 'cjk' | 'cjk2';
  query: string;
  /** The FTS5 expression both sides run. */
  match: string;
  quarry: Latency;
  direct: Latency;
  /** Quarry median / direct median: how many times the floor's time Quarry takes. */
  ratio: number;
}

export type CliFigure =
  | { command: string; runs: number; medianMs: number; minMs: number }
  | { command: string; skipped: string };

export interface BenchResult {
  /** `load` is the 1-minute load average when the run began: other work skews the figures. */
  machine: { node: string; platform: string; cpus: number; cpu: string; load: number };
  options: { docs: number; wordsPerDoc: number; runs: number; cliRuns: number; seed: number; quick: boolean };
  corpus: { files: number; words: number; bytes: number; seconds: number };
  import: { quarry: Throughput; floor: Throughput; documents: number; ratio: number };
  search: SearchFigure[];
  cli: CliFigure;
  /** `quarry search` and `quarry import` as whole processes beside bare better-sqlite3 ones. */
  processes: ProcessesFigure;
}

/** What a researcher types into Quarry's search box, one or two of each kind. */
export const QUERIES: { kind: SearchFigure['kind']; query: string }[] = [
  { kind: 'word', query: 'delivery' },
  { kind: 'word', query: 'Klarna' },
  { kind: 'phrase', query: '"guest checkout"' },
  { kind: 'phrase', query: '"card declined"' },
  { kind: 'prefix', query: 'deliv*' },
  { kind: 'prefix', query: 'vouch*' },
  { kind: 'diacritics', query: 'Rücksendung' },
  { kind: 'cjk', query: '配送料' },
  { kind: 'cjk', query: '支付宝' },
  { kind: 'cjk', query: 'コンビニ払い' },
  { kind: 'cjk2', query: '运费' },
  { kind: 'cjk2', query: '送料' },
  { kind: 'cjk2', query: '付款' },
];

/**
 * The FTS5 MATCH Quarry's search runs for `query` (core/services/search.ts), derived with
 * the same parser so the direct run does exactly the same index work.
 */
export function ftsFor(query: string): { index: 'words' | 'trigrams' | 'cjk'; match: string } {
  const plan = planSearch(query);
  return { index: plan.table, match: plan.expression };
}

export const SEARCH_LIMIT = 50;

const MB = 1024 * 1024;

function throughput(seconds: number, corpus: Corpus): Throughput {
  const s = Math.max(seconds, 1e-9);
  return {
    seconds,
    mbPerSec: corpus.bytes / MB / s,
    wordsPerSec: corpus.words / s,
    filesPerSec: corpus.files.length / s,
  };
}

/** The repository root (where bin/quarry.js lives), from either bench/ or dist/bench/. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'quarry.js'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('Cannot find the Quarry folder (package.json and bin/quarry.js) above bench/.');
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function importWithQuarry(projectPath: string, configDir: string, corpus: Corpus) {
  const app = createApp({ configDir, coderName: 'bench' });
  try {
    await app.dispatcher.call('project.create', { path: projectPath, name: 'Bench corpus' });
    let documents = 0;
    // One file per call, as `quarry import` does; reading the file is part of the work.
    const { ms } = await time(async () => {
      for (const file of corpus.files) {
        const data = readFileSync(file.path).toString('base64');
        const result = await app.dispatcher.call('documents.import', {
          files: [{ name: file.name, dataBase64: data }],
        });
        const rejected = result.rejected[0];
        if (rejected) throw new Error(`Quarry rejected ${file.name}: ${rejected.error}`);
        documents += result.imported.reduce((n, i) => n + i.documentIds.length, 0);
      }
    });
    return { ms, documents };
  } finally {
    app.close();
  }
}

function importFloor(floor: FloorDb, corpus: Corpus): number {
  const start = performance.now();
  for (const file of corpus.files) floor.importFile(file.path, file.name);
  return performance.now() - start;
}

async function measureSearch(projectPath: string, configDir: string, runs: number): Promise<SearchFigure[]> {
  const app = createApp({ configDir, coderName: 'bench' });
  const direct = openFloor(projectPath, { readonly: true });
  try {
    await app.dispatcher.call('project.open', { path: projectPath });
    const figures: SearchFigure[] = [];
    for (const q of QUERIES) {
      const fts = ftsFor(q.query);
      const quarryTimes: number[] = [];
      const directTimes: number[] = [];
      let quarryHits = 0;
      let directHits = 0;
      // One warm-up each, so both sides are measured with a hot page cache and prepared statements.
      await app.dispatcher.call('search.query', { query: q.query, limit: SEARCH_LIMIT });
      direct.match(fts.index, fts.match, SEARCH_LIMIT);
      for (let i = 0; i < runs; i++) {
        const a = await time(() => app.dispatcher.call('search.query', { query: q.query, limit: SEARCH_LIMIT }));
        quarryTimes.push(a.ms);
        quarryHits = a.value.length;
        const b = await time(() => direct.match(fts.index, fts.match, SEARCH_LIMIT));
        directTimes.push(b.ms);
        directHits = b.value;
      }
      const quarry = { medianMs: median(quarryTimes), p95Ms: percentile(quarryTimes, 95), hits: quarryHits };
      const floor = { medianMs: median(directTimes), p95Ms: percentile(directTimes, 95), hits: directHits };
      figures.push({
        kind: q.kind,
        query: q.query,
        match: fts.match,
        quarry,
        direct: floor,
        ratio: quarry.medianMs / Math.max(floor.medianMs, 1e-6),
      });
    }
    return figures;
  } finally {
    direct.close();
    app.close();
  }
}

function measureCli(projectPath: string, runs: number): CliFigure {
  const root = repoRoot();
  const bin = join(root, 'bin', 'quarry.js');
  const command = 'quarry info <project> --json';
  if (runs === 0) return { command, skipped: 'not requested (--cli-runs 0)' };
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    return { command, skipped: 'the CLI is not built (dist/cli/main.js missing); run "npm run build:node"' };
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [bin, 'info', projectPath, '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const ms = performance.now() - start;
    if (run.status !== 0) throw new Error(`"${command}" failed (exit ${run.status}): ${run.stderr || run.error}`);
    const info = JSON.parse(run.stdout) as { counts?: { documents?: number } };
    if (typeof info.counts?.documents !== 'number') throw new Error(`"${command}" printed no document count.`);
    times.push(ms);
  }
  return { command, runs, medianMs: median(times), minMs: Math.min(...times) };
}

export type Log = (line: string) => void;

export async function runBench(options: BenchOptions, log: Log = (line) => console.log(line)): Promise<BenchResult> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'quarry-bench-'));
  mkdirSync(dir, { recursive: true });
  const corpusDir = join(dir, 'corpus');
  const projectPath = join(dir, 'bench.quarry');
  const floorPath = join(dir, 'floor.sqlite');
  const configDir = join(dir, 'config');
  for (const path of [corpusDir, projectPath, floorPath, configDir]) rmSync(path, { recursive: true, force: true });
  for (const suffix of ['-wal', '-shm']) {
    rmSync(`${projectPath}${suffix}`, { force: true });
    rmSync(`${floorPath}${suffix}`, { force: true });
  }

  try {
    const cpuList = cpus();
    const machine = {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpuList.length,
      cpu: cpuList[0]?.model.trim() ?? 'unknown',
      load: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    };
    log(`Quarry bench — ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, load average ${machine.load}`);

    const generated = await time(() =>
      generateCorpus({ dir: corpusDir, docs: options.docs, wordsPerDoc: options.wordsPerDoc, seed: options.seed }),
    );
    const corpus = generated.value;
    log(
      `Corpus: ${corpus.files.length} transcripts, ${corpus.words.toLocaleString('en')} words, ` +
        `${(corpus.bytes / MB).toFixed(1)} MB (seed ${corpus.seed}, generated in ${(generated.ms / 1000).toFixed(1)} s)`,
    );

    log('Importing with Quarry (documents.import, one file per call)…');
    const quarryImport = await importWithQuarry(projectPath, configDir, corpus);
    log('Importing with the floor (raw better-sqlite3: text row + FTS5 word and trigram rows per paragraph)…');
    const floor = openFloor(floorPath, { create: true });
    let floorMs: number;
    try {
      floorMs = importFloor(floor, corpus);
    } finally {
      floor.close();
    }
    const quarryThroughput = throughput(quarryImport.ms / 1000, corpus);
    const floorThroughput = throughput(floorMs / 1000, corpus);
    const importFigure = {
      quarry: quarryThroughput,
      floor: floorThroughput,
      documents: quarryImport.documents,
      ratio: quarryThroughput.mbPerSec / Math.max(floorThroughput.mbPerSec, 1e-9),
    };

    log(`Searching (${options.runs} runs per query, limit ${SEARCH_LIMIT})…`);
    const search = await measureSearch(projectPath, configDir, options.runs);

    log(`CLI start-up (${options.cliRuns} runs)…`);
    const cli = measureCli(projectPath, options.cliRuns);

    log(`Whole processes (${options.cliRuns} runs per search, one import per side)…`);
    const processes = measureProcesses({
      root: repoRoot(),
      dir,
      projectPath,
      corpus,
      searches: ['delivery', '配送料'].map((query) => {
        const fts = ftsFor(query);
        return { query, index: fts.index, match: fts.match, limit: SEARCH_LIMIT };
      }),
      runs: options.cliRuns,
      importToo: true,
    });

    const result: BenchResult = {
      machine,
      options: {
        docs: options.docs,
        wordsPerDoc: options.wordsPerDoc,
        runs: options.runs,
        cliRuns: options.cliRuns,
        seed: options.seed,
        quick: options.quick,
      },
      corpus: { files: corpus.files.length, words: corpus.words, bytes: corpus.bytes, seconds: generated.ms / 1000 },
      import: importFigure,
      search,
      cli,
      processes,
    };
    for (const line of report(result)) log(line);
    if (options.keep) log(`Kept the working folder ${dir}`);
    log(JSON.stringify(result));
    return result;
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  try {
    await runBench(options);
    return 0;
  } catch (err) {
    console.error(`The benchmark failed: ${(err as Error)?.message ?? err}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
