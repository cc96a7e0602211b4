import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../core/app.js';
import type { DocumentId, ExcerptId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const TEXT =
  'Anna: The price is too high.\nBen: Delivery was slow, and the price hurt.\nAnna: I would pay less elsewhere.';

async function setup() {
  t = await newTestApp();
  const r = await t.call('documents.import', { files: [file('i.txt', TEXT)], participant: 'P1' });
  const r2 = await t.call('documents.import', {
    files: [file('j.txt', 'Cara: Price matters most.')],
    participant: 'P2',
  });
  return [r.imported[0]?.documentIds[0], r2.imported[0]?.documentIds[0]] as [DocumentId, DocumentId];
}

describe('coders', () => {
  it('records the coder of every coding, lists coders on excerpts, filters by coder, and keeps the identity in preferences', async () => {
    const [doc] = await setup();
    const code = await t.call('codes.add', { name: 'Price' });
    const first = await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [code.id] });
    const set = await t.call('app.setCoder', { name: 'Mia' });
    expect(set.name).toBe('Mia');
    expect((await t.call('app.status', {})).coder?.name).toBe('Mia');
    await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [code.id] });
    await t.call('excerpts.tag', { documentId: doc, start: 35, end: 53, codeIds: [code.id] });
    const excerpts = await t.call('excerpts.list', {});
    expect(excerpts.map((e) => e.coders)).toEqual([['Mia', 'Tester'], ['Mia']]);
    const coders = await t.call('coders.list', {});
    expect(coders.map((c) => [c.name, c.current, c.codings])).toEqual([
      ['Mia', true, 2],
      ['Tester', false, 1],
    ]);
    const tester = coders.find((c) => c.name === 'Tester');
    const byTester = await t.call('excerpts.list', { coderId: tester?.id });
    expect(byTester.map((e) => e.id)).toEqual([first.excerptId]);
    // Saved in preferences: a new app on the same config dir codes as Mia.
    const prefs = JSON.parse(readFileSync(join(t.dir, 'config', 'preferences.json'), 'utf8'));
    expect(prefs).toEqual({ coderName: 'Mia', coderGuid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Mia's row carries the GUID of her preferences: the same person in every project she codes.
    const mia = await t.call('coders.list', {});
    expect(mia.find((c) => c.name === 'Mia')).toBeTruthy();
    const again = createApp({ configDir: join(t.dir, 'config'), coderName: 'Tester' });
    t.app.close();
    await again.dispatcher.call('project.open', { path: t.path });
    expect(((await again.dispatcher.call('app.status', {})) as { coder: { name: string } }).coder.name).toBe('Mia');
    again.close();
  });
});

describe('codebook', () => {
  it('merges codes: codings follow with their coders, duplicates collapse, children re-parent, memos follow', async () => {
    const [doc, doc2] = await setup();
    const cost = await t.call('codes.add', { name: 'Cost' });
    const price = await t.call('codes.add', { name: 'Price' });
    const high = await t.call('codes.add', { name: 'High', parentId: price.id });
    const both = await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [cost.id, price.id] });
    await t.call('excerpts.tag', { documentId: doc2, start: 6, end: 11, codeIds: [price.id] });
    await t.call('memos.add', { targetKind: 'code', targetId: price.id, body: 'about price' });
    await expect(t.call('codes.merge', { sourceId: price.id, targetId: high.id })).rejects.toMatchObject({
      kind: 'BadInput',
    });
    await expect(t.call('codes.merge', { sourceId: price.id, targetId: price.id })).rejects.toMatchObject({
      kind: 'BadInput',
    });
    const merged = await t.call('codes.merge', { sourceId: price.id, targetId: cost.id });
    expect(merged).toMatchObject({ name: 'Cost', excerpts: 2, documents: 2, participants: 2 });
    const codes = await t.call('codes.list', {});
    expect(codes.map((c) => `${c.parent ?? '-'}/${c.name}`)).toEqual(['-/Cost', 'Cost/High']);
    const excerpt = (await t.call('excerpts.list', {})).find((e) => e.id === both.excerptId);
    expect(excerpt?.codes.map((c) => c.name)).toEqual(['Cost']);
    expect(excerpt?.coders).toEqual(['Tester']);
    expect((await t.call('memos.list', { targetKind: 'code', targetId: cost.id })).map((m) => m.body)).toEqual([
      'about price',
    ]);
  });

  it('splits selected excerpts into a new code, and validates them', async () => {
    const [doc, doc2] = await setup();
    const price = await t.call('codes.add', { name: 'Price' });
    const a = await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [price.id] });
    const b = await t.call('excerpts.tag', { documentId: doc2, start: 6, end: 11, codeIds: [price.id] });
    await expect(
      t.call('codes.split', { id: price.id, name: 'Too high', excerptIds: [999 as ExcerptId] }),
    ).rejects.toMatchObject({ kind: 'BadInput', message: expect.stringContaining('999') });
    expect((await t.call('codes.list', {})).length).toBe(1);
    const split = await t.call('codes.split', { id: price.id, name: 'Too high', excerptIds: [a.excerptId] });
    expect(split).toMatchObject({ name: 'Too high', parentId: null, excerpts: 1 });
    expect((await t.call('excerpts.list', { codeId: price.id })).map((e) => e.id)).toEqual([b.excerptId]);
    expect(await t.call('history.status', {})).toMatchObject({ undoLabel: 'Undo: split Too high from Price' });
    await t.call('history.undo', {});
    expect((await t.call('excerpts.list', { codeId: price.id })).length).toBe(2);
  });

  it('edits inclusion, exclusion and example, and counts excerpts, documents and participants', async () => {
    const [doc] = await setup();
    const price = await t.call('codes.add', { name: 'Price' });
    const updated = await t.call('codes.update', {
      id: price.id,
      inclusion: 'Mentions of cost',
      exclusion: 'Shipping fees',
      example: '"too expensive"',
    });
    expect(updated).toMatchObject({
      inclusion: 'Mentions of cost',
      exclusion: 'Shipping fees',
      example: '"too expensive"',
    });
    await t.call('excerpts.tag', { documentId: doc, start: 10, end: 27, codeIds: [price.id] });
    await t.call('excerpts.tag', { documentId: doc, start: 35, end: 53, codeIds: [price.id] });
    expect((await t.call('codes.list', {}))[0]).toMatchObject({ excerpts: 2, documents: 1, participants: 1 });
  });

  it('codes whole turns by index or by speaker, and resizes excerpts with validation', async () => {
    const [doc] = await setup();
    const price = await t.call('codes.add', { name: 'Price' });
    const detail = await t.call('documents.get', { id: doc });
    const { excerptIds } = await t.call('excerpts.tagTurns', { documentId: doc, codeIds: [price.id], speaker: 'anna' });
    expect(excerptIds.length).toBe(2);
    const listed = await t.call('excerpts.list', {});
    expect(listed.map((e) => [e.start, e.end])).toEqual(
      detail.turns.filter((x) => x.speaker === 'Anna').map((x) => [x.start, x.end]),
    );
    await expect(
      t.call('excerpts.tagTurns', { documentId: doc, codeIds: [price.id], turns: [99] }),
    ).rejects.toMatchObject({ kind: 'BadInput' });
    const id = excerptIds[0] as ExcerptId;
    const resized = await t.call('excerpts.resize', { id, start: 10, end: 15 });
    expect(resized.text).toBe(TEXT.slice(10, 15));
    await expect(t.call('excerpts.resize', { id, start: 15, end: 10 })).rejects.toMatchObject({ kind: 'BadInput' });
    await expect(t.call('excerpts.resize', { id, start: 0, end: 10_000 })).rejects.toMatchObject({ kind: 'BadInput' });
    await t.call('history.undo', {});
    expect((await t.call('excerpts.list', {})).find((e) => e.id === id)?.start).toBe(detail.turns[0]?.start);
  });
});
