import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentId, SearchHit } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const DOCS: Record<string, string> = {
  'en.txt':
    'Interviewer: How was paying?\nAnna: 🙃🙃 The payment page was confusing, and the PRIVACY notice too.\nInterviewer: And shipping?\nAnna: Shipping was fine. Payments in general are a pain.',
  'de.txt':
    'Moderatorin: Wie war die Bestätigung?\nJonas: Die Bestätigung kam nie an. Ich war ärgerlich über die Gebühren.\nModeratorin: Und die Größe der Schrift?\nJonas: Zu klein.',
  'zh.txt': '主持人：付款流程怎么样？\n张伟：付款页面太慢了，我差点放弃。\n主持人：为什么？\n张伟：验证码一直收不到。',
  'ja.txt': '司会：決済はどうでしたか。\n佐藤：クレジットカードの入力が面倒でした。\n司会：なるほど。\n佐藤：はい。',
  'ar.txt': 'المحاور: كيف كان الدفع؟\nمريم: كانت صفحة الدفع بطيئة جدا.\nالمحاور: لماذا؟\nمريم: لا أعرف.',
};

let docs: Map<DocumentId, DocumentDetail>;

async function setup() {
  t = await newTestApp();
  const r = await t.call('documents.import', { files: Object.entries(DOCS).map(([name, text]) => file(name, text)) });
  expect(r.rejected).toEqual([]);
  docs = new Map();
  for (const d of await t.call('documents.list', {})) docs.set(d.id, await t.call('documents.get', { id: d.id }));
}

/** Every hit's offsets must slice the document text to the matched words. */
function sliced(hits: SearchHit[]): string[] {
  return hits.map((h) => {
    const doc = docs.get(h.documentId);
    expect(doc?.title).toBe(h.documentTitle);
    return doc?.text.slice(h.start, h.end) ?? '<missing>';
  });
}

describe('search.query', () => {
  it('finds words with exact offsets past emoji, case-insensitively, ranked by bm25', async () => {
    await setup();
    const hits = await t.call('search.query', { query: 'privacy' });
    expect(sliced(hits)).toEqual(['PRIVACY']);
    expect(hits[0]?.snippet).toContain('«PRIVACY»');
    expect(hits[0]?.snippet).toContain('🙃🙃 The payment page');
  });

  it('folds German umlauts both ways', async () => {
    await setup();
    expect(sliced(await t.call('search.query', { query: 'bestatigung' }))).toEqual(['Bestätigung', 'Bestätigung']);
    expect(sliced(await t.call('search.query', { query: 'Ärgerlich' }))).toEqual(['ärgerlich']);
    expect(sliced(await t.call('search.query', { query: 'grosse' }))).toEqual([]);
    expect(sliced(await t.call('search.query', { query: 'große' }))).toEqual(['Größe']);
  });

  it('supports phrases, prefixes and boolean operators', async () => {
    await setup();
    expect(sliced(await t.call('search.query', { query: '"payment page"' }))).toEqual(['payment page']);
    expect(sliced(await t.call('search.query', { query: 'pay*' })).sort()).toEqual(['Payments', 'paying', 'payment']);
    expect(sliced(await t.call('search.query', { query: 'shipping AND fine' }))).toEqual(['Shipping']);
    expect(sliced(await t.call('search.query', { query: 'payment* NOT privacy' }))).toEqual(['Payments']);
    expect(sliced(await t.call('search.query', { query: 'privacy OR gebühren' })).sort()).toEqual([
      'Gebühren',
      'PRIVACY',
    ]);
  });

  it('searches Chinese and Japanese through trigrams, and short terms by scanning', async () => {
    await setup();
    expect(sliced(await t.call('search.query', { query: '付款页面' }))).toEqual(['付款页面']);
    expect(sliced(await t.call('search.query', { query: 'クレジットカード' }))).toEqual(['クレジットカード']);
    const short = await t.call('search.query', { query: '付款' });
    expect(sliced(short)).toEqual(['付款', '付款']);
    expect(short.map((h) => h.start)).toEqual([DOCS['zh.txt']?.indexOf('付款'), DOCS['zh.txt']?.indexOf('付款页面')]);
    expect(sliced(await t.call('search.query', { query: '慢' }))).toEqual(['慢']);
    expect(await t.call('search.query', { query: '火车' })).toEqual([]);
  });

  it('finds Arabic words', async () => {
    await setup();
    expect(sliced(await t.call('search.query', { query: 'الدفع' }))).toEqual(['الدفع', 'الدفع']);
  });

  it('records a guessed language per document', async () => {
    await setup();
    const byTitle = new Map([...docs.values()].map((d) => [d.title, d.language]));
    expect(Object.fromEntries(byTitle)).toEqual({ en: 'en', de: 'de', zh: 'zh', ja: 'ja', ar: 'ar' });
  });

  it('respects the limit', async () => {
    await setup();
    expect(await t.call('search.query', { query: 'die', limit: 1 })).toHaveLength(1);
  });

  it('turns malformed queries into BadInput with help, not SQLite errors', async () => {
    await setup();
    for (const query of ['"unclosed', '(a OR b', 'NOT privacy', 'payment OR', 'AND', '***']) {
      await expect(t.call('search.query', { query })).rejects.toMatchObject({
        kind: 'BadInput',
        message: expect.stringMatching(/AND \/ OR \/ NOT|Type something/),
      });
    }
    await expect(t.call('search.query', { query: '   ' })).rejects.toMatchObject({ kind: 'BadInput' });
  });

  it('handles apostrophes and hyphens as phrases', async () => {
    t = await newTestApp();
    const text = "P1: I don't like e-mail receipts.\nP2: Me neither.\nP1: ok";
    await t.call('documents.import', { files: [file('a.txt', text)] });
    const [hit] = await t.call('search.query', { query: "don't" });
    expect(hit && text.slice(hit.start, hit.end)).toBe("don't");
    const [mail] = await t.call('search.query', { query: 'e-mail' });
    expect(mail && text.slice(mail.start, mail.end)).toBe('e-mail');
  });
});
