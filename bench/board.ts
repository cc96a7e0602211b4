/**
 * `npm run build && node dist/bench/board.js [--cards N] [--runs R]`: what the affinity wall's
 * bulk calls cost at 2,000 cards, beside the raw SQLite work they cannot avoid (the floor):
 *
 * - `boards.get` of an N-card board vs. one SELECT of the same card rows joined to their
 *   excerpts' text;
 * - `boards.addCards` of N excerpts to an empty board vs. N prepared INSERTs in one transaction;
 * - `boards.moveCards` of N cards into a group bound to a code (each coded by the move) and back
 *   out (each coding removed) vs. N prepared UPDATEs in one transaction.
 *
 * In process, so the figures are the core's work (validation, undo log, DTOs) without a
 * transport. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createApp } from '../core/app.js';
import { median } from './stats.js';

function parse(argv: readonly string[]): { cards: number; runs: number } {
  const o = { cards: 2000, runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => Number(argv[++i] ?? '');
    if (a === '--cards') o.cards = next();
    else if (a === '--runs') o.runs = next();
    else throw new Error(`Unknown option ${a}`);
  }
  return o;
}

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const out = await work();
  return [performance.now() - t, out];
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-board-'));
  const app = createApp({ configDir: join(dir, 'cfg'), coderName: 'Bench', rememberRecent: false });
  const call = app.dispatcher.call.bind(app.dispatcher) as (m: string, i: unknown) => Promise<unknown>;
  const path = join(dir, 'board.quarry');
  try {
    await call('project.create', { path, name: 'Board bench' });
    // One document of N lines, each line one excerpt (one batch call), mixed scripts.
    const lines = Array.from(
      { length: o.cards },
      (_, i) => `P${i % 40}: line ${i} the price 💶 送料が高い ${'x'.repeat(i % 90)}`,
    );
    const text = lines.join('\n');
    const imported = (await call('documents.import', {
      files: [{ name: 'big.txt', dataBase64: Buffer.from(text).toString('base64') }],
    })) as { imported: { documentIds: number[] }[] };
    const documentId = imported.imported[0]?.documentIds[0] as number;
    let at = 0;
    const items = lines.map((line) => {
      const item = { documentId, start: at, end: at + line.length, codes: ['Seed'] };
      at += line.length + 1;
      return item;
    });
    const { excerptIds } = (await call('excerpts.tagBatch', { items })) as { excerptIds: number[] };
    const code = (await call('codes.add', { name: 'Bound' })) as { id: number };
    const [load] = loadavg();
    console.log(
      `node ${process.version}, ${cpus().length} cpus, load ${load?.toFixed(1)}, ${o.cards} cards, runs ${o.runs}`,
    );

    const raw = new Database(path);
    raw.pragma('busy_timeout = 5000');
    const floorGet = raw.prepare(
      `SELECT c.id, c.group_id, c.kind, c.x, c.y, c.order_key, c.color, e.id AS excerpt_id, e.text, e.start, e."end"
         FROM cards c LEFT JOIN excerpts e ON e.id = c.excerpt_id WHERE c.board_id = ? ORDER BY c.group_id, c.order_key, c.id`,
    );
    const floorInsert = raw.prepare(
      `INSERT INTO cards (guid, board_id, group_id, kind, excerpt_id, x, y, order_key, created_at)
       VALUES (?, ?, NULL, 'excerpt', ?, ?, ?, ?, '2026-01-01')`,
    );
    const floorMove = raw.prepare(`UPDATE cards SET group_id = ?, x = ?, y = ? WHERE id = ?`);

    const add: number[] = [];
    const addFloor: number[] = [];
    const get: number[] = [];
    const getFloor: number[] = [];
    const moveIn: number[] = [];
    const moveOut: number[] = [];
    const moveFloor: number[] = [];
    let bytes = 0;
    for (let run = 0; run < o.runs; run++) {
      const board = (await call('boards.create', { name: `Run ${run}` })) as { id: number };
      const [tAdd, added] = await time(() => call('boards.addCards', { boardId: board.id, excerptIds }));
      add.push(tAdd);
      const cardIds = (added as { cardIds: number[] }).cardIds;

      const [tGet, detail] = await time(() => call('boards.get', { id: board.id }));
      get.push(tGet);
      bytes = JSON.stringify(detail).length;
      getFloor.push((await time(() => floorGet.all(board.id)))[0]);

      const group = (await call('boards.addGroup', { boardId: board.id, name: 'G', codeId: code.id })) as {
        id: number;
      };
      const [tIn, inResult] = await time(() =>
        call('boards.moveCards', { moves: cardIds.map((id, i) => ({ id, groupId: group.id, x: i, y: i })) }),
      );
      moveIn.push(tIn);
      const [tOut, outResult] = await time(() =>
        call('boards.moveCards', { moves: cardIds.map((id, i) => ({ id, groupId: null, x: i, y: -i })) }),
      );
      moveOut.push(tOut);
      if (run === 0) {
        const a = inResult as { applied: number };
        const r = outResult as { removed: number };
        console.log(`moveCards in applied ${a.applied} codings, out removed ${r.removed}`);
      }

      // Floors on a second board of the same file, through a plain connection.
      const floorBoard = (await call('boards.create', { name: `Floor ${run}` })) as { id: number };
      const inserted: number[] = [];
      addFloor.push(
        (
          await time(() =>
            raw.transaction(() => {
              excerptIds.forEach((e, i) => {
                inserted.push(
                  Number(
                    floorInsert.run(`f${run}-${i}`, floorBoard.id, e, (i % 8) * 256, Math.floor(i / 8) * 136, `a${i}`)
                      .lastInsertRowid,
                  ),
                );
              });
            })(),
          )
        )[0],
      );
      moveFloor.push(
        (
          await time(() =>
            raw.transaction(() => {
              inserted.forEach((id, i) => {
                floorMove.run(group.id, i, i, id);
              });
            })(),
          )
        )[0],
      );
    }
    raw.close();
    const row = (name: string, ms: number[], floor: number[]) => {
      const m = median(ms);
      const f = median(floor);
      console.log(
        `${name.padEnd(44)} ${m.toFixed(1).padStart(8)} ms   floor ${f.toFixed(1).padStart(7)} ms   ×${(m / f).toFixed(1)}`,
      );
    };
    row(`boards.addCards, ${o.cards} excerpts`, add, addFloor);
    row(`boards.get, ${o.cards} cards (${(bytes / 1e6).toFixed(2)} MB JSON)`, get, getFloor);
    row(`boards.moveCards into a bound group`, moveIn, moveFloor);
    row(`boards.moveCards out of it`, moveOut, moveFloor);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
