/**
 * Whole-process figures: `quarry search` and `quarry import` as a researcher runs them (Node
 * start, module loading, opening the project, the work, closing), each beside the floor done
 * by a bare better-sqlite3 process (bench/floor-process.ts). Runs alternate between the two
 * sides so a change in the machine's load falls on both alike.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.js';
import { measureProcess, type ProcessFigure } from './process.js';
import { median } from './stats.js';

export interface ProcessSide {
  command: string;
  wallMs: number;
  /** Median user + system CPU time (GNU time); null where it is not available. */
  cpuMs: number | null;
}

export interface ProcessPair {
  what: string;
  quarry: ProcessSide;
  floor: ProcessSide;
  /** Quarry / floor, by CPU time where measured, else by wall time. */
  ratio: number;
  ratioBy: 'cpu' | 'wall';
}

export type ProcessesFigure =
  | { runs: number; node: ProcessSide; search: ProcessPair[]; import: ProcessPair | null }
  | { skipped: string };

function side(command: string, figures: ProcessFigure[]): ProcessSide {
  const cpu = figures.map((f) => f.cpuMs).filter((v): v is number => v !== undefined);
  return {
    command,
    wallMs: median(figures.map((f) => f.wallMs)),
    cpuMs: cpu.length === figures.length ? median(cpu) : null,
  };
}

function pair(what: string, quarry: ProcessSide, floor: ProcessSide): ProcessPair {
  const byCpu = quarry.cpuMs !== null && floor.cpuMs !== null;
  const ratio = byCpu ? (quarry.cpuMs as number) / (floor.cpuMs as number) : quarry.wallMs / floor.wallMs;
  return { what, quarry, floor, ratio, ratioBy: byCpu ? 'cpu' : 'wall' };
}

export interface ProcessesInput {
  root: string;
  dir: string;
  projectPath: string;
  corpus: Corpus;
  searches: { query: string; index: string; match: string; limit: number }[];
  runs: number;
  /** Also import the whole corpus once per side as whole processes. */
  importToo: boolean;
}

export function measureProcesses(input: ProcessesInput): ProcessesFigure {
  const { root, dir, projectPath, runs } = input;
  if (runs === 0) return { skipped: 'not requested (--cli-runs 0)' };
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    return { skipped: 'the CLI is not built (dist/cli/main.js missing); run "npm run build:node"' };
  }
  const node = process.execPath;
  const quarry = join(root, 'bin', 'quarry.js');
  const floorScript = join(root, 'dist', 'bench', 'floor-process.js');
  const env = { ...process.env, QUARRY_CONFIG_DIR: join(dir, 'config') };

  const bare: ProcessFigure[] = [];
  for (let i = 0; i < runs; i++) bare.push(measureProcess(node, ['-e', '0']));

  const search: ProcessPair[] = [];
  for (const q of input.searches) {
    const a: ProcessFigure[] = [];
    const b: ProcessFigure[] = [];
    for (let i = 0; i < runs; i++) {
      const run = measureProcess(node, [quarry, 'search', projectPath, q.query, '--limit', String(q.limit), '--json'], {
        env,
      });
      if ((JSON.parse(run.stdout) as unknown[]).length === 0)
        throw new Error(`quarry search ${q.query} found nothing.`);
      a.push(run);
      b.push(measureProcess(node, [floorScript, 'search', projectPath, q.index, q.match, String(q.limit)]));
    }
    search.push(
      pair(
        `search ${q.query}`,
        side(`quarry search <project> ${q.query} --limit ${q.limit} --json`, a),
        side(`floor-process search (SearchRepo.matchDocuments on better-sqlite3)`, b),
      ),
    );
  }

  let imported: ProcessPair | null = null;
  if (input.importToo) {
    const target = join(dir, 'process-import.quarry');
    const floorTarget = join(dir, 'process-floor.sqlite');
    for (const path of [target, floorTarget]) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    }
    measureProcess(node, [quarry, 'new', target, '--name', 'Process import'], { env });
    const files = input.corpus.files.map((f) => f.path);
    const a = measureProcess(node, [quarry, 'import', target, join(dir, 'corpus'), '--json'], { env });
    const b = measureProcess(node, [floorScript, 'import', floorTarget, ...files]);
    imported = pair(
      `import ${files.length} transcripts`,
      side('quarry import <project> <corpus folder> --json', [a]),
      side('floor-process import (text row + per paragraph a segment and two FTS5 rows)', [b]),
    );
  }
  return { runs, node: side('node -e 0', bare), search, import: imported };
}
