import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../core/app.js';
import type { DocumentId } from '../../core/contract/types.js';
import { migrate } from '../../db/connection.js';
import { migration001 } from '../../db/migrations/001-initial.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { file, newTestApp, type TestApp, tempDir } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const ZH = [
  '采访者：你觉得价格怎么样？',
  '王芳：价格太贵了，配送也很慢。我觉得低价格的产品更好。',
  '采访者：配送费呢？',
  '王芳：配送费还可以。',
].join('\n');
const JA = '田中：配送料が高すぎると思います。\n佐藤：価格は普通です。';
const EN = 'Anna: The price is too high for me.\nBen: Delivery was slow, and the price hurt.\nAnna: I would pay less.';

async function setup() {
  t = await newTestApp();
  const r = await t.call('documents.import', {
    files: [file('zh.txt', ZH), file('ja.txt', JA), file('en.txt', EN)],
  });
  return r.imported.map((i) => i.documentIds[0]) as [DocumentId, DocumentId, DocumentId];
}

const all = (text: string, needle: string) => {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
};

describe('CJK search', () => {
  it('finds two-character words (价格, 配送) with exact UTF-16 offsets, one hit per segment', async () => {
    const [zh] = await setup();
    const text = (await t.call('documents.get', { id: zh })).text;
    for (const word of ['价格', '配送', '价']) {
      const hits = await t.call('search.query', { query: word, filters: { documentId: zh }, every: true });
      expect(
        hits.map((h) => h.start).sort((a, b) => a - b),
        word,
      ).toEqual(all(text, word));
      for (const h of hits) {
        expect(h.documentId).toBe(zh);
        expect(text.slice(h.start, h.end)).toBe(word);
        expect(all(text, word)).toContain(h.start);
      }
    }
    // 价格 occurs in two turns (once inside 低价格): one hit per passage, or every occurrence.
    expect((await t.call('search.query', { query: '价格' })).length).toBe(2);
    expect((await t.call('search.query', { query: '价格', every: true })).length).toBe(3);
    // Japanese: 配送 spans the segmenter's cut (配|送料) and is still found.
    const ja = await t.call('search.query', { query: '配送' });
    expect(ja.some((h) => h.documentTitle.startsWith('ja'))).toBe(true);
    // Boolean operators work on the segmented index too.
    const not = await t.call('search.query', { query: '配送 NOT 价格' });
    const lineAt = (h: { start: number }) => text.slice(text.lastIndexOf('\n', h.start) + 1).split('\n')[0] ?? '';
    expect(not.filter((h) => h.documentId === zh).every((h) => !lineAt(h).includes('价格'))).toBe(true);
    expect(not.length).toBeGreaterThan(0);
    // Longer CJK queries still go through the trigram index.
    expect((await t.call('search.query', { query: '配送费' })).length).toBe(2);
  });

  it('filters by document, code, participant attribute; ranks; and codes all hits after review (one undo step)', async () => {
    const [zh, , en] = await setup();
    const p = await t.call('participants.add', { label: 'P1', attributes: { market: 'CN' } });
    await t.call('documents.setParticipant', { documentId: zh, participantId: p.id });
    expect((await t.call('search.query', { query: '价格', filters: { attributes: { market: 'CN' } } })).length).toBe(2);
    expect(await t.call('search.query', { query: '价格', filters: { attributes: { market: 'DE' } } })).toEqual([]);
    expect(await t.call('search.query', { query: 'price', filters: { documentId: zh } })).toEqual([]);
    const price = await t.call('codes.add', { name: '价格' });
    const hits = await t.call('search.query', { query: '价格', every: true });
    expect(hits[0]?.rank).toBeTypeOf('number');
    expect(hits[0]?.participant).toBe('P1');
    const reviewed = hits.slice(0, 2).map(({ documentId, start, end }) => ({ documentId, start, end }));
    const result = await t.call('search.codeAll', { query: '价格', codeId: price.id, hits: reviewed });
    expect(result.coded).toBe(2);
    const excerpts = await t.call('excerpts.list', { codeId: price.id });
    expect(excerpts.map((e) => e.text)).toEqual(['价格', '价格']);
    expect((await t.call('search.query', { query: '价格', filters: { codeId: price.id }, every: true })).length).toBe(
      2,
    );
    // Hits carry the codes of the excerpts they fall in: the top hit is now coded 价格.
    expect((await t.call('search.query', { query: '价格' }))[0]?.codes?.map((c) => c.name)).toEqual(['价格']);
    // Stale reviewed hits are refused, nothing written.
    await expect(
      t.call('search.codeAll', { query: '价格', codeId: price.id, hits: [{ documentId: en, start: 0, end: 4 }] }),
    ).rejects.toMatchObject({ kind: 'BadInput' });
    expect(await t.call('history.status', {})).toMatchObject({ undoLabel: 'Undo: code 2 hits of "价格" with 价格' });
    await t.call('history.undo', {});
    expect(await t.call('excerpts.list', { codeId: price.id })).toEqual([]);
    // Without a review: every hit.
    expect((await t.call('search.codeAll', { query: '价格', codeId: price.id })).coded).toBe(3);
  });

  it('keeps word, phrase, prefix and boolean search for alphabetic text', async () => {
    await setup();
    expect((await t.call('search.query', { query: 'price' })).length).toBe(2);
    const phrase = await t.call('search.query', { query: '"price hurt"' });
    expect(phrase.length).toBe(1);
    expect(EN.slice(phrase[0]?.start, phrase[0]?.end)).toBe('price hurt');
    expect((await t.call('search.query', { query: 'deliv*' })).length).toBe(1);
    expect((await t.call('search.query', { query: 'price NOT delivery' })).length).toBe(1);
    expect((await t.call('search.query', { query: 'pay OR slow' })).length).toBe(2);
  });
});

describe('memos', () => {
  it('adds, lists, updates and deletes memos on each target, and searches their bodies (CJK too)', async () => {
    const [zh] = await setup();
    const code = await t.call('codes.add', { name: 'Price' });
    const tag = await t.call('excerpts.tag', { documentId: zh, start: 20, end: 22, codeIds: [code.id] });
    const p = await t.call('participants.add', { label: 'P9' });
    const project = await t.call('memos.add', {
      targetKind: 'project',
      title: 'Plan',
      body: 'Look at delivery themes',
    });
    await t.call('memos.add', { targetKind: 'document', targetId: zh, body: '这位用户很在意配送' });
    await t.call('memos.add', { targetKind: 'code', targetId: code.id, body: 'Price sensitivity' });
    await t.call('memos.add', { targetKind: 'excerpt', targetId: tag.excerptId, body: 'strong quote' });
    await t.call('memos.add', { targetKind: 'participant', targetId: p.id, body: 'Recruited late' });
    await expect(t.call('memos.add', { targetKind: 'code', targetId: 999, body: 'x' })).rejects.toMatchObject({
      kind: 'NotFound',
    });
    await expect(t.call('memos.add', { targetKind: 'code', body: 'x' })).rejects.toMatchObject({ kind: 'BadInput' });
    expect((await t.call('memos.list', {})).length).toBe(5);
    const onCode = await t.call('memos.list', { targetKind: 'code', targetId: code.id });
    expect(onCode.map((m) => [m.targetLabel, m.author])).toEqual([['Code Price', 'Tester']]);
    expect((await t.call('memos.list', { targetKind: 'project' })).map((m) => m.title)).toEqual(['Plan']);
    // The excerpt's memo shows on the excerpt too.
    expect((await t.call('excerpts.list', {}))[0]?.memo).toBe('strong quote');

    const zhHits = await t.call('search.memos', { query: '配送' });
    expect(zhHits.map((h) => [h.targetKind, h.snippet])).toEqual([['document', '这位用户很在意«配送»']]);
    const updated = await t.call('memos.update', { id: project.id, body: 'Look at pricing themes' });
    expect(updated.body).toBe('Look at pricing themes');
    expect(await t.call('search.memos', { query: 'delivery' })).toEqual([]);
    expect((await t.call('search.memos', { query: 'pricing' })).map((h) => h.memoId)).toEqual([project.id]);
    await t.call('memos.delete', { id: project.id });
    expect(await t.call('search.memos', { query: 'pricing' })).toEqual([]);
    await expect(t.call('memos.get', { id: project.id })).rejects.toMatchObject({ kind: 'NotFound' });
  });
});

describe('participants and attributes', () => {
  it('types attributes, checks values, filters participants, links documents', async () => {
    const [zh, ja] = await setup();
    const age = await t.call('attributes.add', { name: 'Age', type: 'number' });
    await t.call('attributes.add', { name: 'Joined', type: 'date' });
    const market = await t.call('attributes.add', { name: 'Market', type: 'choice', choices: ['CN', 'JP'] });
    await expect(t.call('attributes.add', { name: 'market', type: 'text' })).rejects.toMatchObject({
      kind: 'Conflict',
    });
    await expect(t.call('attributes.add', { name: 'Tier', type: 'choice' })).rejects.toMatchObject({
      kind: 'BadInput',
    });
    const p1 = await t.call('participants.add', {
      label: 'P1',
      attributes: { Age: '34', Market: 'cn', Joined: '2024-02-29' },
    });
    expect(p1.attributes).toEqual({ Age: '34', Market: 'CN', Joined: '2024-02-29' });
    await expect(t.call('participants.add', { label: 'P2', attributes: { Age: 'old' } })).rejects.toMatchObject({
      kind: 'BadInput',
      message: '"Age" takes a number; "old" is not one.',
    });
    expect((await t.call('participants.list', {})).map((p) => p.label)).toEqual(['P1']);
    await expect(
      t.call('participants.setAttributes', { id: p1.id, attributes: { Joined: '2023-02-30' } }),
    ).rejects.toMatchObject({ kind: 'BadInput' });
    await expect(
      t.call('participants.setAttributes', { id: p1.id, attributes: { Market: 'DE' } }),
    ).rejects.toMatchObject({
      kind: 'BadInput',
    });
    const p2 = await t.call('participants.add', { label: 'P2', attributes: { Market: 'JP' } });
    expect((await t.call('participants.list', { attributes: { Market: 'jp' } })).map((p) => p.label)).toEqual(['P2']);
    await t.call('documents.setParticipant', { documentId: zh, participantId: p1.id });
    await t.call('documents.setParticipant', { documentId: ja, participantId: p2.id });
    expect((await t.call('participants.list', {})).map((p) => p.documents)).toEqual([[zh], [ja]]);
    const renamed = await t.call('participants.update', { id: p2.id, label: 'P02', displayName: 'Sato' });
    expect(renamed).toMatchObject({ label: 'P02', displayName: 'Sato' });
    await expect(t.call('participants.update', { id: p2.id, label: 'P1' })).rejects.toMatchObject({ kind: 'Conflict' });
    await expect(t.call('attributes.update', { id: age.id, type: 'date' })).rejects.toMatchObject({ kind: 'BadInput' });
    const retyped = await t.call('attributes.update', { id: market.id, choices: ['CN', 'JP', 'DE'] });
    expect(retyped.choices).toEqual(['CN', 'JP', 'DE']);
    expect((await t.call('attributes.list', {})).map((a) => `${a.name}:${a.type}`)).toEqual([
      'Age:number',
      'Joined:date',
      'Market:choice',
    ]);
  });
});

describe('retrieval', () => {
  it('retrieves a code with children, context cut at the turn, speaker, participant attributes and filters', async () => {
    const [zh, ja, en] = await setup();
    const p = await t.call('participants.add', { label: 'P1', attributes: { market: 'UK' } });
    await t.call('documents.setParticipant', { documentId: en, participantId: p.id });
    const money = await t.call('codes.add', { name: 'Money' });
    const price = await t.call('codes.add', { name: 'Price', parentId: money.id });
    const enText = (await t.call('documents.get', { id: en })).text;
    const at = enText.indexOf('price hurt');
    await t.call('excerpts.tag', { documentId: en, start: at, end: at + 5, codeIds: [price.id] });
    const zhText = (await t.call('documents.get', { id: zh })).text;
    const z = zhText.indexOf('配送也');
    await t.call('excerpts.tag', { documentId: zh, start: z, end: z + 2, codeIds: [money.id] });
    expect((await t.call('excerpts.retrieve', { codeId: money.id })).length).toBe(1);
    const withChildren = await t.call('excerpts.retrieve', { codeId: money.id, includeChildren: true, context: 10 });
    expect(withChildren.map((e) => e.text)).toEqual(['配送', 'price']);
    const enHit = withChildren[1];
    expect(enHit).toMatchObject({
      speaker: 'Ben',
      participant: 'P1',
      attributes: { market: 'UK' },
      before: ', and the ',
      after: ' hurt.',
    });
    const zhHit = withChildren[0];
    // Context never leaves the turn.
    expect(zhHit?.before).toBe('价格太贵了，');
    expect(
      (
        await t.call('excerpts.retrieve', {
          codeId: money.id,
          includeChildren: true,
          filters: { attributes: { market: 'uk' } },
        })
      ).map((e) => e.text),
    ).toEqual(['price']);
    expect(
      await t.call('excerpts.retrieve', { codeId: money.id, includeChildren: true, filters: { documentId: ja } }),
    ).toEqual([]);
    expect(
      await t.call('excerpts.retrieve', { codeId: money.id, includeChildren: true, filters: { round: 'Round 9' } }),
    ).toEqual([]);
  });
});

describe('migration 002', () => {
  it('opens a v1 file, adds the segmented index, and indexes its documents and memos', async () => {
    const dir = tempDir();
    const path = join(dir, 'v1.quarry');
    // Build a real v1 file: schema 001 only, with a document, its segments, and a memo.
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    migration001.up(db);
    db.pragma('user_version = 1');
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO documents (id, guid, title, format, text, created_at, updated_at) VALUES (1, 'g1', 'zh', 'txt', ?, ?, ?)`,
    ).run('王芳：价格太贵了。', now, now);
    db.prepare(
      `INSERT INTO search_segments (id, owner_kind, owner_id, start, "end") VALUES (1, 'document', 1, 3, 9)`,
    ).run();
    db.prepare(`INSERT INTO search_words (rowid, text) VALUES (1, '价格太贵了。')`).run();
    db.prepare(`INSERT INTO search_trigrams (rowid, text) VALUES (1, '价格太贵了。')`).run();
    db.prepare(
      `INSERT INTO memos (guid, target_kind, target_id, body, created_at, updated_at) VALUES ('m1', 'project', NULL, 'remember pricing', ?, ?)`,
    ).run(now, now);
    db.close();

    const app = createApp({ configDir: join(dir, 'cfg'), coderName: 'T' });
    const info = await app.dispatcher.call('project.open', { path });
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    const hits = await app.dispatcher.call('search.query', { query: '价格' });
    expect(hits.map((h) => [h.start, h.end])).toEqual([[3, 5]]);
    expect((await app.dispatcher.call('search.memos', { query: 'pricing' })).length).toBe(1);
    app.close();
    // Migrating again is a no-op.
    const again = new Database(path);
    expect(migrate(again)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    again.close();
  });
});
