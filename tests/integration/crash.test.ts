/**
 * Crash harness: imports and board sessions are killed with SIGKILL at random points (22 kills
 * in all); after each kill the file opens, SQLite's integrity_check and every FTS5 index's
 * integrity-check pass, and only whole documents and whole operations are there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, makeTempDir, quarry, ROOT, removeDir } from './cli-harness.js';

const IMPORT_KILLS = 12;
const BOARD_KILLS = 10;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir('quarry-crash-');
});
afterAll(() => removeDir(dir));

/** A repeatable sequence of waits, so a failure can be replayed. */
function waits(seed: number, n: number, from: number, to: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return from + Math.round((s / 2 ** 31) * (to - from));
  });
}

function start(args: string[], configDir: string): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, QUARRY_CONFIG_DIR: configDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits `ms` (or for the process to end by itself), then kills it with SIGKILL. */
function killAfter(child: ChildProcess, ms: number, ready?: RegExp): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready?.test(output)) arm();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    if (!ready) arm();
    child.once('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', output });
    });
  });
}

/** What must hold after any crash: the file is sound and every index agrees with itself. */
function assertSound(path: string): void {
  const db = new Database(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const fts = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'`).all() as {
      name: string;
    }[];
    expect(fts.length).toBeGreaterThanOrEqual(2);
    for (const { name } of fts) db.prepare(`INSERT INTO "${name}"("${name}") VALUES ('integrity-check')`).run();
  } finally {
    db.close();
  }
}

describe('SIGKILL at random points', () => {
  it(`leaves whole documents after ${IMPORT_KILLS} killed imports`, { timeout: 240_000 }, async () => {
    const project = join(dir, 'import.quarry');
    const folder = join(dir, 'interviews');
    mkdirSync(folder);
    const sentence =
      'Interviewer: How was checkout?\n\nAnna: The coupon field was hidden, so I gave up. 配送很快。\n\n';
    // Enough files that most of the kills land mid-import: the CLI now starts in well under a
    // second and imports a file in a few tens of milliseconds.
    const FILES = 240;
    for (let i = 0; i < FILES; i++)
      writeFileSync(join(folder, `p${String(i).padStart(3, '0')}.txt`), `${i}\n${sentence.repeat(150)}`);
    expect(quarry(dir, ['new', project]).code).toBe(0);
    let killedMidway = 0;
    for (const wait of waits(11, IMPORT_KILLS, 150, 1500)) {
      const child = start([BIN, 'import', project, folder, '--json'], join(dir, 'cfg'));
      const { killed } = await killAfter(child, wait);
      if (killed) killedMidway++;
      assertSound(project);
      const db = new Database(project, { readonly: true });
      try {
        // Only whole documents: each one has its text, its source file and its search segments.
        const broken = db
          .prepare(
            `SELECT d.id FROM documents d
              WHERE length(d.text) = 0 OR d.source_id IS NULL
                 OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = d.source_id AND length(s.bytes) > 0)
                 OR NOT EXISTS (SELECT 1 FROM search_segments g WHERE g.owner_kind = 'document' AND g.owner_id = d.id)`,
          )
          .all();
        expect(broken).toEqual([]);
        const titles = db.prepare(`SELECT count(*) AS n, count(DISTINCT title) AS d FROM documents`).get() as {
          n: number;
          d: number;
        };
        expect(titles.n).toBe(titles.d); // a re-run after a kill never doubles a document
      } finally {
        db.close();
      }
    }
    expect(killedMidway).toBeGreaterThanOrEqual(IMPORT_KILLS / 2);
    // And the app opens it and can finish the import.
    const finish = quarry(dir, ['import', project, folder, '--json']);
    expect([0, 3]).toContain(finish.code);
    const info = JSON.parse(quarry(dir, ['info', project, '--json']).stdout);
    expect(info.counts.documents).toBe(FILES);
  });

  it(`keeps the board whole after ${BOARD_KILLS} killed board sessions`, { timeout: 240_000 }, async () => {
    const project = join(dir, 'board.quarry');
    expect(quarry(dir, ['new', project]).code).toBe(0);
    const text = join(dir, 'board-source.txt');
    writeFileSync(
      text,
      Array.from({ length: 40 }, (_, i) => `Speaker ${i % 3}: remark number ${i} about prices.`).join('\n\n'),
    );
    expect(quarry(dir, ['import', project, text]).code).toBe(0);
    for (const code of ['Price', 'Trust', 'Delivery']) expect(quarry(dir, ['code', 'add', project, code]).code).toBe(0);
    for (let i = 0; i < 20; i++)
      expect(quarry(dir, ['tag', project, '1', String(i * 30), String(i * 30 + 20), 'Price']).code).toBe(0);
    const script = join(ROOT, 'tests', 'integration', 'crash-board-session.mjs');
    const seeds = waits(23, BOARD_KILLS, 1, 1_000_000);
    const delays = waits(29, BOARD_KILLS, 50, 900);
    let killed = 0;
    for (let k = 0; k < BOARD_KILLS; k++) {
      const child = start([script, ROOT, project, String(seeds[k])], join(dir, 'cfg'));
      const result = await killAfter(child, delays[k] as number, /ready/);
      expect(result.output, 'the session ended by itself').not.toMatch(/Error/);
      if (result.killed) killed++;
      assertSound(project);
      const db = new Database(project, { readonly: true });
      try {
        // Whole operations: no card in a group of another board, no coding applied by a group
        // that does not hold a card of its excerpt, no group nested in itself.
        expect(
          db
            .prepare(`SELECT c.id FROM cards c JOIN board_groups g ON g.id = c.group_id WHERE g.board_id != c.board_id`)
            .all(),
        ).toEqual([]);
        expect(
          db
            .prepare(
              `SELECT k.id FROM codings k WHERE k.group_id IS NOT NULL AND NOT EXISTS (
                 SELECT 1 FROM cards c WHERE c.group_id = k.group_id AND c.excerpt_id = k.excerpt_id)`,
            )
            .all(),
        ).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(killed).toBe(BOARD_KILLS);
    expect(quarry(dir, ['board', 'show', project, '1', '--json']).code).toBe(0);
  });
});
