import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const TEXT =
  'Anna: The price is too high.\nBen: Delivery was slow, and the price hurt.\nAnna: I would pay less elsewhere.';

async function setup() {
  t = await newTestApp();
  const r = await t.call('documents.import', { files: [file('i.txt', TEXT)] });
  return r.imported[0]?.documentIds[0] as DocumentId;
}

/** Every row of the undoable tables, to compare whole states. */
function snapshot(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of ['codes', 'excerpts', 'codings', 'memos', 'attributes', 'attribute_values', 'participants']) {
      out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
    }
    return out;
  } finally {
    db.close();
  }
}

describe('undo / redo', () => {
  it('undoes and redoes coding, restoring the same rows and ids; a new action clears redo', async () => {
    const doc = await setup();
    expect(await t.call('history.status', {})).toEqual({
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
    });
    const price = await t.call('codes.add', { name: 'Price' });
    const before = snapshot(t.path);
    const tagged = await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [price.id] });
    const after = snapshot(t.path);
    expect(await t.call('history.status', {})).toMatchObject({ canUndo: true, undoLabel: 'Undo: apply code Price' });

    const undone = await t.call('history.undo', {});
    expect(undone).toMatchObject({
      canRedo: true,
      redoLabel: 'Redo: apply code Price',
      undoLabel: 'Undo: add code Price',
    });
    expect(snapshot(t.path)).toEqual(before);
    expect(await t.call('excerpts.list', {})).toEqual([]);

    await t.call('history.redo', {});
    expect(snapshot(t.path)).toEqual(after);
    const [excerpt] = await t.call('excerpts.list', {});
    expect(excerpt?.id).toBe(tagged.excerptId);

    await t.call('history.undo', {});
    await t.call('codes.add', { name: 'Delivery' });
    expect(await t.call('history.status', {})).toMatchObject({ canRedo: false, undoLabel: 'Undo: add code Delivery' });
    await expect(t.call('history.redo', {})).rejects.toMatchObject({
      kind: 'Conflict',
      message: 'There is nothing to redo.',
    });
  });

  it('undoes a code delete with its codings and orphaned excerpts as one step', async () => {
    const doc = await setup();
    const parent = await t.call('codes.add', { name: 'Money' });
    const price = await t.call('codes.add', { name: 'Price', parentId: parent.id });
    const child = await t.call('codes.add', { name: 'Too high', parentId: price.id });
    await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [price.id, child.id] });
    await t.call('excerpts.tag', { documentId: doc, start: 35, end: 53, codeIds: [price.id] });
    await t.call('memos.add', { targetKind: 'code', targetId: price.id, body: 'Price memo' });
    const before = snapshot(t.path);
    const result = await t.call('codes.delete', { id: price.id, codings: 'delete' });
    expect(result.deletedCodings).toBe(2);
    expect((await t.call('excerpts.list', {})).length).toBe(1);
    expect(await t.call('history.status', {})).toMatchObject({ undoLabel: 'Undo: delete code Price' });
    await t.call('history.undo', {});
    expect(snapshot(t.path)).toEqual(before);
    // The memo is searchable again after the undo.
    expect((await t.call('search.memos', { query: 'memo' })).map((h) => h.snippet)).toEqual(['Price «memo»']);
  });

  it('undoes a merge, memo edits, attribute changes and board moves', async () => {
    const doc = await setup();
    const a = await t.call('codes.add', { name: 'A' });
    const b = await t.call('codes.add', { name: 'B' });
    await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [a.id, b.id] });
    const s0 = snapshot(t.path);
    await t.call('codes.merge', { sourceId: a.id, targetId: b.id });
    expect(await t.call('history.status', {})).toMatchObject({ undoLabel: 'Undo: merge A into B' });
    await t.call('history.undo', {});
    expect(snapshot(t.path)).toEqual(s0);

    const memo = await t.call('memos.add', { targetKind: 'project', body: 'first draft' });
    await t.call('memos.update', { id: memo.id, body: 'second draft' });
    await t.call('history.undo', {});
    expect((await t.call('memos.get', { id: memo.id })).body).toBe('first draft');
    expect(await t.call('search.memos', { query: 'second' })).toEqual([]);
    expect((await t.call('search.memos', { query: 'first' })).length).toBe(1);

    const p = await t.call('participants.add', { label: 'P1', attributes: { market: 'DE' } });
    await t.call('participants.setAttributes', { id: p.id, attributes: { market: 'FR' } });
    await t.call('history.undo', {});
    expect((await t.call('participants.list', {}))[0]?.attributes).toEqual({ market: 'DE' });

    const board = await t.call('boards.create', { name: 'Wall' });
    const card = await t.call('boards.addCard', { boardId: board.id, text: 'note', x: 0, y: 0 });
    await t.call('boards.moveCard', { id: card.id, groupId: null, x: 500, y: 300 });
    await t.call('history.undo', {});
    const detail = await t.call('boards.get', { id: board.id });
    expect(detail.cards[0]).toMatchObject({ x: 0, y: 0 });
  });

  it('does not record failed commands or imports, and forgets history when the project closes', async () => {
    const doc = await setup();
    await expect(
      t.call('excerpts.tag', { documentId: doc, start: 5, end: 2, codeIds: [1 as CodeId] }),
    ).rejects.toMatchObject({
      kind: 'BadInput',
    });
    await t.call('documents.import', { files: [file('j.txt', 'More text here.')] });
    expect((await t.call('history.status', {})).canUndo).toBe(false);
    await t.call('codes.add', { name: 'X' });
    await t.call('project.open', { path: t.path });
    expect((await t.call('history.status', {})).canUndo).toBe(false);
  });
});
