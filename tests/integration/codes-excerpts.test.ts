import { afterEach, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId, ExcerptId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const TEXT =
  'Anna: I never trust checkout pages 🙃 that hide fees.\nBen: Same here, fees are the worst.\nAnna: Exactly.';

async function setup() {
  t = await newTestApp();
  const r = await t.call('documents.import', { files: [file('i.txt', TEXT)] });
  return r.imported[0]?.documentIds[0] as DocumentId;
}

const names = async () => (await t.call('codes.list', {})).map((c) => `${c.parent ?? '-'}/${c.name}@${c.position}`);

describe('codes', () => {
  it('adds with a palette colour, lists depth-first, and refuses duplicate sibling names', async () => {
    await setup();
    const trust = await t.call('codes.add', { name: 'Trust', description: 'Feeling safe' });
    const fees = await t.call('codes.add', { name: 'Fees', parentId: trust.id, color: '#aabbcc' });
    await t.call('codes.add', { name: 'Speed' });
    expect(fees).toMatchObject({ parent: 'Trust', parentId: trust.id, color: '#AABBCC', excerpts: 0 });
    expect(await names()).toEqual(['-/Trust@0', 'Trust/Fees@0', '-/Speed@1']);
    await expect(t.call('codes.add', { name: 'trust' })).rejects.toMatchObject({
      kind: 'Conflict',
      message: 'A code named "trust" already exists at the top level. Choose another name.',
    });
    await expect(t.call('codes.add', { name: 'Fees', parentId: trust.id })).rejects.toMatchObject({
      kind: 'Conflict',
      message: expect.stringContaining('under "Trust"'),
    });
    // same name under a different parent is fine
    await t.call('codes.add', { name: 'Fees' });
    await expect(t.call('codes.add', { name: 'X', parentId: 999 as CodeId })).rejects.toMatchObject({
      kind: 'NotFound',
    });
    await expect(t.call('codes.add', { name: '   ' })).rejects.toMatchObject({ kind: 'BadInput' });
  });

  it('renames and updates, refusing a sibling clash', async () => {
    await setup();
    const a = await t.call('codes.add', { name: 'A' });
    await t.call('codes.add', { name: 'B' });
    expect((await t.call('codes.rename', { id: a.id, name: 'Alpha' })).name).toBe('Alpha');
    await expect(t.call('codes.rename', { id: a.id, name: 'b' })).rejects.toMatchObject({ kind: 'Conflict' });
    expect((await t.call('codes.rename', { id: a.id, name: 'ALPHA' })).name).toBe('ALPHA');
    const updated = await t.call('codes.update', { id: a.id, color: '#123456', description: 'new' });
    expect(updated).toMatchObject({ color: '#123456', description: 'new', name: 'ALPHA' });
  });

  it('moves codes within and between parents, and refuses cycles', async () => {
    await setup();
    const a = await t.call('codes.add', { name: 'A' });
    const b = await t.call('codes.add', { name: 'B' });
    const c = await t.call('codes.add', { name: 'C' });
    await t.call('codes.move', { id: c.id, parentId: null, position: 0 });
    expect(await names()).toEqual(['-/C@0', '-/A@1', '-/B@2']);
    await t.call('codes.move', { id: b.id, parentId: a.id });
    await t.call('codes.move', { id: c.id, parentId: b.id });
    expect(await names()).toEqual(['-/A@0', 'A/B@0', 'B/C@0']);
    await expect(t.call('codes.move', { id: a.id, parentId: c.id })).rejects.toMatchObject({
      kind: 'BadInput',
      message: expect.stringContaining('cannot sit inside itself'),
    });
    await expect(t.call('codes.move', { id: a.id, parentId: a.id })).rejects.toMatchObject({ kind: 'BadInput' });
    expect(await names()).toEqual(['-/A@0', 'A/B@0', 'B/C@0']);
  });

  it('deletes a code, either deleting its codings or moving them to the parent', async () => {
    const doc = await setup();
    const parent = await t.call('codes.add', { name: 'Money' });
    const child = await t.call('codes.add', { name: 'Fees', parentId: parent.id });
    const grandchild = await t.call('codes.add', { name: 'Hidden fees', parentId: child.id });
    const s = TEXT.indexOf('hide fees');
    const one = await t.call('excerpts.tag', { documentId: doc, start: s, end: s + 9, codeIds: [child.id] });
    const s2 = TEXT.indexOf('fees are');
    await t.call('excerpts.tag', { documentId: doc, start: s2, end: s2 + 4, codeIds: [child.id, parent.id] });

    const moved = await t.call('codes.delete', { id: child.id, codings: 'moveToParent' });
    expect(moved).toEqual({ movedCodings: 1, deletedCodings: 1 });
    const codes = await t.call('codes.list', {});
    expect(codes.map((c) => [c.name, c.parent, c.excerpts])).toEqual([
      ['Money', null, 2],
      ['Hidden fees', 'Money', 0],
    ]);
    expect((await t.call('excerpts.list', { codeId: parent.id })).map((e) => e.id)).toContain(one.excerptId);

    const deleted = await t.call('codes.delete', { id: parent.id });
    expect(deleted).toEqual({ deletedCodings: 2, movedCodings: 0 });
    expect(await t.call('excerpts.list', {})).toEqual([]);
    expect((await t.call('codes.list', {})).map((c) => [c.name, c.parentId])).toEqual([['Hidden fees', null]]);
    expect(grandchild.id).toBeGreaterThan(0);
  });

  it('refuses moving a top-level code’s codings to a parent it does not have', async () => {
    const doc = await setup();
    const top = await t.call('codes.add', { name: 'Top' });
    await t.call('excerpts.tag', { documentId: doc, start: 0, end: 4, codeIds: [top.id] });
    await expect(t.call('codes.delete', { id: top.id, codings: 'moveToParent' })).rejects.toMatchObject({
      kind: 'BadInput',
    });
    expect((await t.call('project.info', {})).counts).toMatchObject({ codes: 1, codings: 1 });
  });
});

describe('excerpts', () => {
  it('validates offsets against the document length and names it', async () => {
    const doc = await setup();
    const code = await t.call('codes.add', { name: 'X' });
    for (const [start, end] of [
      [5, 5],
      [6, 5],
      [0, TEXT.length + 1],
    ] as const) {
      await expect(t.call('excerpts.tag', { documentId: doc, start, end, codeIds: [code.id] })).rejects.toMatchObject({
        kind: 'BadInput',
        message: expect.stringContaining(`${TEXT.length} characters long`),
      });
    }
    await expect(
      t.call('excerpts.tag', { documentId: doc, start: -1, end: 3, codeIds: [code.id] }),
    ).rejects.toMatchObject({
      kind: 'BadInput',
    });
    await expect(
      t.call('excerpts.tag', { documentId: 42 as DocumentId, start: 0, end: 3, codeIds: [code.id] }),
    ).rejects.toMatchObject({ kind: 'NotFound' });
    await expect(
      t.call('excerpts.tag', { documentId: doc, start: 0, end: 3, codeIds: [code.id, 77 as CodeId] }),
    ).rejects.toMatchObject({ kind: 'NotFound', message: expect.stringContaining('77') });
    expect((await t.call('project.info', {})).counts).toMatchObject({ excerpts: 0, codings: 0 });
    // the whole text is a valid span
    const all = await t.call('excerpts.tag', { documentId: doc, start: 0, end: TEXT.length, codeIds: [code.id] });
    expect(all.text).toBe(TEXT);
  });

  it('reuses the excerpt for the same span, stores the memo, and derives text (with emoji) from the document', async () => {
    const doc = await setup();
    const a = await t.call('codes.add', { name: 'A' });
    const b = await t.call('codes.add', { name: 'B' });
    const start = TEXT.indexOf('checkout');
    const end = TEXT.indexOf(' that');
    const first = await t.call('excerpts.tag', { documentId: doc, start, end, codeIds: [a.id], memo: 'first thought' });
    const again = await t.call('excerpts.tag', { documentId: doc, start, end, codeIds: [b.id, a.id] });
    expect(again.excerptId).toBe(first.excerptId);
    expect(first.text).toBe('checkout pages 🙃');
    const [excerpt] = await t.call('excerpts.list', {});
    expect(excerpt).toMatchObject({
      id: first.excerptId,
      documentTitle: 'i',
      text: 'checkout pages 🙃',
      memo: 'first thought',
      participant: null,
    });
    expect(excerpt?.codes.map((c) => c.name)).toEqual(['A', 'B']);
    expect((await t.call('project.info', {})).counts).toMatchObject({ excerpts: 1, codings: 2, memos: 1 });
  });

  it('lists by code and by document', async () => {
    const doc = await setup();
    const other = (await t.call('documents.import', { files: [file('j.txt', 'another text here')] })).imported[0]
      ?.documentIds[0] as DocumentId;
    const a = await t.call('codes.add', { name: 'A' });
    const b = await t.call('codes.add', { name: 'B' });
    await t.call('excerpts.tag', { documentId: doc, start: 0, end: 4, codeIds: [a.id] });
    await t.call('excerpts.tag', { documentId: doc, start: 6, end: 7, codeIds: [b.id] });
    await t.call('excerpts.tag', { documentId: other, start: 0, end: 7, codeIds: [a.id] });
    expect((await t.call('excerpts.list', { codeId: a.id })).map((e) => e.text)).toEqual(['Anna', 'another']);
    expect((await t.call('excerpts.list', { documentId: doc })).map((e) => e.text)).toEqual(['Anna', 'I']);
    expect((await t.call('excerpts.list', { documentId: doc, codeId: b.id })).map((e) => e.text)).toEqual(['I']);
    await expect(t.call('excerpts.list', { codeId: 99 as CodeId })).rejects.toMatchObject({ kind: 'NotFound' });
    const docs = await t.call('documents.list', {});
    expect(docs.map((d) => d.excerpts)).toEqual([2, 1]);
  });

  it('untags, keeping the excerpt (uncoded) when its last code goes, and undo brings the code back', async () => {
    const doc = await setup();
    const a = await t.call('codes.add', { name: 'A' });
    const b = await t.call('codes.add', { name: 'B' });
    const { excerptId } = await t.call('excerpts.tag', {
      documentId: doc,
      start: 0,
      end: 4,
      codeIds: [a.id, b.id],
      memo: 'm',
    });
    expect(await t.call('excerpts.untag', { excerptId, codeId: a.id })).toEqual({ codesLeft: 1 });
    await expect(t.call('excerpts.untag', { excerptId, codeId: a.id })).rejects.toMatchObject({ kind: 'NotFound' });
    expect(await t.call('excerpts.untag', { excerptId, codeId: b.id })).toEqual({ codesLeft: 0 });
    // The selected text, and its memo, survive the correction as an uncoded excerpt.
    expect((await t.call('project.info', {})).counts).toMatchObject({ excerpts: 1, codings: 0, memos: 1 });
    const [kept] = await t.call('excerpts.list', { documentId: doc });
    expect(kept).toMatchObject({ id: excerptId, text: 'Anna', codes: [], memo: 'm' });
    // Retrieval by code no longer finds it; the code counts drop.
    expect(await t.call('excerpts.list', { codeId: b.id })).toEqual([]);
    expect((await t.call('codes.list', {})).map((c) => c.excerpts)).toEqual([0, 0]);

    await t.call('history.undo', {});
    expect((await t.call('excerpts.list', { documentId: doc }))[0]?.codes.map((c) => c.name)).toEqual(['B']);

    await expect(t.call('excerpts.untag', { excerptId: 999 as ExcerptId, codeId: a.id })).rejects.toMatchObject({
      kind: 'NotFound',
    });
  });

  it('deletes an excerpt with its cards', async () => {
    const doc = await setup();
    const a = await t.call('codes.add', { name: 'A' });
    const { excerptId } = await t.call('excerpts.tag', { documentId: doc, start: 0, end: 4, codeIds: [a.id] });
    const board = await t.call('boards.create', { name: 'B' });
    await t.call('boards.addCard', { boardId: board.id, excerptId });
    expect(await t.call('excerpts.delete', { id: excerptId })).toEqual({ deleted: true });
    expect((await t.call('project.info', {})).counts).toMatchObject({ excerpts: 0, codings: 0, cards: 0 });
    await expect(t.call('excerpts.delete', { id: excerptId })).rejects.toMatchObject({ kind: 'NotFound' });
  });
});
