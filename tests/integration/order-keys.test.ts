/**
 * Order keys: a move writes one row, undo records only the changed columns, and the undo
 * history is bounded by size. Migration 005 turns integer positions into keys.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../core/app.js';
import type { ChangeEvent } from '../../core/contract/methods.js';
import type { BoardId, CardId, CodeId, GroupId } from '../../core/contract/types.js';
import { addCard, addGroup, createBoard, getBoard, moveCard } from '../../core/services/boards.js';
import { addCode, listCodes, moveCode, renameCode } from '../../core/services/codes.js';
import { createProject, type ProjectSession } from '../../core/services/projects.js';
import { History } from '../../core/undo/history.js';
import { migration001 } from '../../db/migrations/001-initial.js';
import { migration002 } from '../../db/migrations/002-segmented-search.js';
import { migration003 } from '../../db/migrations/003-segment-byte-offsets.js';
import { tempDir } from './helpers.js';

let session: ProjectSession | null = null;
afterEach(() => {
  session?.repos.close();
  session = null;
});

/** Every row of a table as text, to count the rows a command changed. */
function rowsOf(s: ProjectSession, table: 'cards' | 'codes'): Map<number, string> {
  const db = (s.repos as unknown as { sql: { db: Database.Database } }).sql.db;
  const rows = db.prepare(`SELECT * FROM ${table}`).all() as { id: number }[];
  return new Map(rows.map((r) => [r.id, JSON.stringify(r)]));
}

function changedRows(before: Map<number, string>, after: Map<number, string>): number {
  let n = 0;
  for (const [id, row] of after) if (before.get(id) !== row) n++;
  return n + [...before.keys()].filter((id) => !after.has(id)).length;
}

function newSession(): ProjectSession {
  session = createProject(join(tempDir(), 'p.quarry'), 'Order', {
    name: 'Tester',
    guid: '00000000-0000-4000-8000-000000000001',
  });
  return session;
}

/** A board with one group of `n` note cards. */
function board(s: ProjectSession, n: number) {
  const b = createBoard(s, 'B');
  const g = addGroup(s, { boardId: b.id, name: 'G' });
  const cards: CardId[] = [];
  s.repos.tx(() => {
    for (let i = 0; i < n; i++) cards.push(addCard(s, { boardId: b.id, groupId: g.id, text: `note ${i}` }).id);
  });
  return { boardId: b.id as BoardId, groupId: g.id as GroupId, cards };
}

const order = (s: ProjectSession, boardId: BoardId) =>
  getBoard(s, boardId)
    .cards.sort((a, b) => a.order - b.order)
    .map((c) => c.id);

describe('order keys', () => {
  it('moving one card in a 2,000-card group writes one row, and its undo step is one small entry', () => {
    const s = newSession();
    const { boardId, groupId, cards } = board(s, 2000);
    const last = cards.at(-1) as CardId;
    const before = order(s, boardId);
    const rows = rowsOf(s, 'cards');
    s.history.record('move card', () => moveCard(s, { id: last, groupId, x: 5, y: 6, order: 0 }));
    expect(changedRows(rows, rowsOf(s, 'cards'))).toBe(1);
    const size = s.history.size().lastUndo;
    expect(size?.rows).toBe(1);
    expect(size?.bytes).toBeLessThan(200);
    const moved = order(s, boardId);
    expect(moved[0]).toBe(last);
    expect(moved.slice(1)).toEqual(before.slice(0, -1));
    const card = getBoard(s, boardId).cards.find((c) => c.id === last);
    expect(card).toMatchObject({ order: 0, x: 5, y: 6 });

    s.history.undo();
    expect(order(s, boardId)).toEqual(before);
    s.history.redo();
    expect(order(s, boardId)).toEqual(moved);
  });

  it('places a card between any two neighbours, across groups, and keeps every order', () => {
    const s = newSession();
    const { boardId, groupId, cards } = board(s, 30);
    const other = addGroup(s, { boardId, name: 'Other' });
    const expected = [...cards];
    let seed = 3;
    for (let i = 0; i < 60; i++) {
      seed = (seed * 7919 + 13) % 10007;
      const id = expected[seed % expected.length] as CardId;
      const at = (seed >> 3) % expected.length;
      expected.splice(expected.indexOf(id), 1);
      expected.splice(at, 0, id);
      moveCard(s, { id, groupId, x: 0, y: 0, order: at });
    }
    expect(order(s, boardId)).toEqual(expected);
    const first = expected[0] as CardId;
    moveCard(s, { id: first, groupId: other.id, x: 0, y: 0 });
    const detail = getBoard(s, boardId);
    expect(detail.cards.filter((c) => c.groupId === other.id).map((c) => [c.id, c.order])).toEqual([[first, 0]]);
    expect(
      detail.cards
        .filter((c) => c.groupId === groupId)
        .sort((a, b) => a.order - b.order)
        .map((c) => c.id),
    ).toEqual(expected.slice(1));
  });

  it('moving a code writes one row; undo of a rename records only the name', () => {
    const s = newSession();
    const ids = ['A', 'B', 'C', 'D'].map((name) => addCode(s, { name }).id as CodeId);
    const rows = rowsOf(s, 'codes');
    s.history.record('move code', () => moveCode(s, { id: ids[3] as CodeId, parentId: null, position: 1 }));
    expect(changedRows(rows, rowsOf(s, 'codes'))).toBe(1);
    expect(listCodes(s).map((c) => [c.name, c.position])).toEqual([
      ['A', 0],
      ['D', 1],
      ['B', 2],
      ['C', 3],
    ]);
    s.history.record('rename', () => renameCode(s, { id: ids[0] as CodeId, name: 'Alpha' }));
    const step = (s.history as unknown as { undoSteps: { entries: { inverse: string }[] }[] }).undoSteps.at(-1);
    expect(step?.entries).toHaveLength(1);
    expect(step?.entries[0]?.inverse).toMatch(/^UPDATE main\."codes" SET "name" = 'A' WHERE "id" = \d+$/);
    s.history.undo();
    s.history.undo();
    expect(listCodes(s).map((c) => c.name)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('the undo history is bounded by size: the oldest steps go, the newest stay undoable', () => {
    const s = newSession();
    const history = new History(s.repos, () => {}, 1_000);
    for (let i = 0; i < 60; i++)
      history.record(`add ${i}`, () => addCode(s, { name: `Code ${i}`, description: 'x'.repeat(40) }));
    const size = history.size();
    expect(size.bytes).toBeLessThanOrEqual(1_000);
    expect(size.undo).toBeGreaterThan(5);
    expect(size.undo).toBeLessThan(60);
    // The newest steps undo, newest first (undoing grows the redo side, which counts too).
    history.undo();
    expect(listCodes(s).map((c) => c.name)).not.toContain('Code 59');
    let undone = 1;
    while (history.status().canUndo) {
      history.undo();
      undone++;
    }
    expect(undone).toBeLessThanOrEqual(size.undo);
    expect(listCodes(s)).toHaveLength(60 - undone);
    expect(history.size().bytes).toBeLessThanOrEqual(1_000);
  });

  it('a card move through the contract announces one card row', async () => {
    const dir = tempDir();
    const app = createApp({ configDir: join(dir, 'cfg'), coderName: 'T' });
    try {
      await app.dispatcher.call('project.create', { path: join(dir, 'e.quarry') });
      const b = await app.dispatcher.call('boards.create', { name: 'B' });
      const cards: CardId[] = [];
      for (let i = 0; i < 20; i++)
        cards.push((await app.dispatcher.call('boards.addCard', { boardId: b.id, text: `n${i}` })).id);
      const seen: ChangeEvent[] = [];
      app.dispatcher.onChange((_m, e) => seen.push(e));
      await app.dispatcher.call('boards.moveCard', { id: cards[19] as CardId, groupId: null, x: 1, y: 1, order: 3 });
      expect(seen).toEqual([{ method: 'boards.moveCard', tables: { cards: [cards[19]] } }]);
    } finally {
      app.close();
    }
  });

  it('a v3 file migrates: positions become order keys in the same order, position is gone', () => {
    const dir = tempDir();
    const path = join(dir, 'v3.quarry');
    const db = new Database(path);
    migration001.up(db);
    migration002.up(db);
    migration003.up(db);
    db.pragma('user_version = 3');
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO boards (id, guid, name, created_at) VALUES (1, 'b', 'B', ?)`).run(now);
    db.prepare(
      `INSERT INTO board_groups (id, guid, board_id, name, position) VALUES (1, 'g1', 1, 'G1', 1), (2, 'g2', 1, 'G2', 0)`,
    ).run();
    // 70 cards in group 1 in reverse id order (positions count down), more than one key digit holds.
    for (let i = 1; i <= 70; i++) {
      db.prepare(
        `INSERT INTO cards (id, guid, board_id, group_id, kind, text, position, created_at) VALUES (?, ?, 1, 1, 'note', 'n', ?, ?)`,
      ).run(i, `c${i}`, 70 - i, now);
    }
    db.prepare(
      `INSERT INTO codes (id, guid, name, color, position, created_at) VALUES (1, 'k1', 'One', '#000000', 2, ?), (2, 'k2', 'Two', '#000000', 0, ?), (3, 'k3', 'Three', '#000000', 1, ?)`,
    ).run(now, now, now);
    db.close();

    const app = createApp({ configDir: join(dir, 'cfg'), coderName: 'T' });
    return (async () => {
      try {
        await app.dispatcher.call('project.open', { path });
        const detail = await app.dispatcher.call('boards.get', { id: 1 as BoardId });
        expect(detail.groups.map((g) => g.name)).toEqual(['G2', 'G1']);
        const cards = detail.cards.sort((a, b) => a.order - b.order).map((c) => c.id as number);
        expect(cards).toEqual(Array.from({ length: 70 }, (_, i) => 70 - i));
        expect((await app.dispatcher.call('codes.list', {})).map((c) => c.name)).toEqual(['Two', 'Three', 'One']);
        await app.dispatcher.call('boards.moveCard', {
          id: 70 as CardId,
          groupId: 1 as GroupId,
          x: 0,
          y: 0,
          order: 69,
        });
        const again = await app.dispatcher.call('boards.get', { id: 1 as BoardId });
        expect(again.cards.sort((a, b) => a.order - b.order).at(-1)?.id).toBe(70);
      } finally {
        app.close();
      }
      const check = new Database(path, { readonly: true });
      const columns = (t: string) => (check.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name);
      expect(columns('cards')).toContain('order_key');
      expect(columns('cards')).not.toContain('position');
      expect(columns('codes')).not.toContain('position');
      expect(columns('board_groups')).not.toContain('position');
      check.close();
    })();
  });
});
