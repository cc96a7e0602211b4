/**
 * The analysis views behind the Analysis screen on a real project file: frequency across
 * rounds, keywords in context in Chinese, Japanese, Thai and English (a word from the word
 * frequency list is found in context), drill-down to the excerpts behind each cell, the
 * segment filter, and the table export; plus `quarry frequency` and `quarry kwic`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { ensureBuilt, quarryJson } from './cli-harness.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
const codes = new Map<string, CodeId>();
const docs = new Map<string, DocumentId>();

const ZH =
  '访谈者：你觉得价格怎么样？\n\n小王：价格太贵了，配送也很慢。\n\n访谈者：还有吗？\n\n小王：价格是最大的问题。\n';
const JA = '司会：支払いはどうでしたか？\n\n由紀：コンビニ払いが便利です。送料が高いので、送料無料がいいです。\n';
const TH = 'ผู้สัมภาษณ์: การจัดส่งเป็นอย่างไร\n\nสมชาย: ค่าจัดส่งแพงมาก ผมไม่ชอบค่าจัดส่ง\n';
const EN = 'Interviewer: How was checkout?\n\nAnna: The delivery fee was a surprise 🙂🙂🙂 Delivery is free there.\n';
const EN2 = 'Interviewer: And this time?\n\nBen: Delivery was quick, and the coupon worked.\n';

async function tag(doc: string, phrase: string, ...names: string[]) {
  const id = docs.get(doc) as DocumentId;
  const { text } = await t.call('documents.get', { id });
  const start = text.indexOf(phrase);
  expect(start, `${phrase} in ${doc}`).toBeGreaterThanOrEqual(0);
  return t.call('excerpts.tag', {
    documentId: id,
    start,
    end: start + phrase.length,
    codeIds: names.map((n) => codes.get(n) as CodeId),
  });
}

beforeAll(async () => {
  t = await newTestApp({ name: 'Analysis views' });
  const { call } = t;
  for (const [name, text, participant, round] of [
    ['zh.txt', ZH, '小王', 'Round 1'],
    ['ja.txt', JA, '由紀', 'Round 1'],
    ['th.txt', TH, 'สมชาย', 'Round 1'],
    ['en.txt', EN, 'Anna', 'Round 1'],
    ['en2.txt', EN2, 'Ben', 'Round 2'],
  ] as const) {
    await call('documents.import', { files: [file(name, text)], participant, study: 'Checkout', round });
  }
  for (const d of await call('documents.list', {})) docs.set(d.title, d.id);
  await call('attributes.add', { name: 'market', type: 'choice', choices: ['CN', 'JP', 'TH', 'UK'] });
  const people = await call('participants.list', {});
  const market: Record<string, string> = { 小王: 'CN', 由紀: 'JP', สมชาย: 'TH', Anna: 'UK', Ben: 'UK' };
  for (const p of people) {
    const value = market[p.label];
    if (value) await call('participants.setAttributes', { id: p.id, attributes: { market: value } });
  }
  for (const name of ['Cost', 'Delivery', 'Payment']) codes.set(name, (await call('codes.add', { name })).id);
  await tag('zh', '价格太贵了', 'Cost');
  await tag('zh', '配送也很慢', 'Delivery');
  await tag('ja', '送料が高い', 'Cost', 'Delivery');
  await tag('ja', 'コンビニ払い', 'Payment');
  await tag('th', 'ค่าจัดส่งแพงมาก', 'Cost');
  await tag('en', 'The delivery fee was a surprise', 'Cost', 'Delivery');
  await tag('en2', 'Delivery was quick', 'Delivery');
}, 60_000);

afterAll(() => t?.dispose());

describe('frequency across rounds', () => {
  it('counts excerpts and participants per code and round, with each round’s participants', async () => {
    const f = await t.call('analysis.frequency', {});
    expect(f.rounds).toEqual(['Round 1', 'Round 2']);
    expect(f.totals).toEqual([4, 1]);
    const row = (code: string) => f.rows.find((r) => r.code === code);
    expect(row('Cost')?.excerpts).toEqual([4, 0]);
    expect(row('Cost')?.participants).toEqual([4, 0]);
    expect(row('Delivery')?.excerpts).toEqual([3, 1]);
    expect(row('Payment')?.excerpts).toEqual([1, 0]);
  });

  it('narrows to a segment (a participant attribute value), totals included', async () => {
    const f = await t.call('analysis.frequency', { filters: { attributes: { market: 'UK' } } });
    expect(f.totals).toEqual([1, 1]);
    expect(f.rows.find((r) => r.code === 'Delivery')?.excerpts).toEqual([1, 1]);
    expect(f.rows.find((r) => r.code === 'Cost')?.excerpts).toEqual([1, 0]);
  });

  it('drills down to the excerpts of one code in one round', async () => {
    const drill = await t.call('analysis.drill', {
      cell: { kind: 'round', codeId: codes.get('Delivery') as CodeId, round: 'Round 2' },
    });
    expect(drill.total).toBe(1);
    expect(drill.excerpts[0]).toMatchObject({ document: 'en2', participant: 'Ben', text: 'Delivery was quick' });
  });
});

describe('keywords in context', () => {
  it('finds every Chinese, Japanese and Thai word that word frequency counts, at its offsets', async () => {
    const words = await t.call('analysis.words', { limit: 1000 });
    for (const [word, doc] of [
      ['价格', 'zh'],
      ['送料', 'ja'],
      ['แพง', 'th'],
    ] as const) {
      const counted = words.find((w) => w.word === word);
      expect(counted, word).toBeDefined();
      const kwic = await t.call('analysis.kwic', { word });
      expect(kwic.total).toBe(counted?.count);
      const { text } = await t.call('documents.get', { id: docs.get(doc) as DocumentId });
      for (const hit of kwic.hits) {
        expect(hit.document).toBe(doc);
        expect(text.slice(hit.start, hit.end)).toBe(word);
        expect(hit.keyword).toBe(word);
      }
    }
  });

  it('folds case like word frequency and gives the context either side', async () => {
    const kwic = await t.call('analysis.kwic', { word: 'DELIVERY', context: 12 });
    expect(kwic.word).toBe('delivery');
    expect(kwic.total).toBe(3);
    const first = kwic.hits.find((h) => h.document === 'en');
    // Twelve characters either side, the blank line folded to one space.
    expect(first).toMatchObject({ left: ' Anna: The ', keyword: 'delivery', right: ' fee was a s' });
    expect(first?.participant).toBe('Anna');
  });

  it('never cuts an emoji in two at the edge of the context', async () => {
    // Six code units before "Delivery" fall on the second half of an emoji: the cut moves back one.
    const kwic = await t.call('analysis.kwic', { word: 'delivery', context: 6, filters: { round: 'Round 1' } });
    expect(kwic.hits[1]?.left).toBe('🙂🙂🙂 ');
  });

  it('honours the limit, the round and the segment, and says how many there are in all', async () => {
    const limited = await t.call('analysis.kwic', { word: 'delivery', limit: 1 });
    expect(limited.hits).toHaveLength(1);
    expect(limited.total).toBe(3);
    const round2 = await t.call('analysis.kwic', { word: 'delivery', filters: { round: 'Round 2' } });
    expect(round2.hits.map((h) => h.document)).toEqual(['en2']);
    const cn = await t.call('analysis.kwic', { word: '价格', filters: { attributes: { market: 'JP' } } });
    expect(cn.total).toBe(0);
  });

  it('refuses an empty word', async () => {
    await expect(t.call('analysis.kwic', { word: '  ' })).rejects.toThrow(/Type a word/);
  });
});

describe('drill-down', () => {
  it('lists as many excerpts as the matrix cell counts, in the segment asked for', async () => {
    const m = await t.call('analysis.matrix', { attribute: 'market' });
    const cost = m.rows.find((r) => r.code === 'Cost');
    for (const [i, value] of m.columns.entries()) {
      const drill = await t.call('analysis.drill', {
        cell: { kind: 'matrix', codeId: codes.get('Cost') as CodeId, attribute: 'market', value },
      });
      expect(drill.total, value).toBe(cost?.counts[i]);
      expect(drill.excerpts).toHaveLength(drill.total);
    }
    const jp = await t.call('analysis.drill', {
      cell: { kind: 'matrix', codeId: codes.get('Cost') as CodeId, attribute: 'market', value: 'JP' },
    });
    expect(jp.excerpts.map((e) => e.text)).toEqual(['送料が高い']);
  });

  it('lists the pairs behind a co-occurrence count', async () => {
    const pairs = await t.call('analysis.cooccurrence', {});
    const pair = pairs.find((p) => [p.a, p.b].sort().join() === 'Cost,Delivery');
    expect(pair?.excerpts).toBe(2);
    const drill = await t.call('analysis.drill', {
      cell: { kind: 'pair', a: codes.get('Delivery') as CodeId, b: codes.get('Cost') as CodeId },
    });
    expect(drill.total).toBe(2);
    expect(drill.excerpts.map((e) => e.document).sort()).toEqual(['en', 'ja']);
  });

  it('honours the coder filter and refuses an unknown code', async () => {
    const none = await t.call('analysis.drill', {
      cell: { kind: 'code', codeId: codes.get('Cost') as CodeId },
      filters: { coder: 'Somebody else' },
    });
    expect(none.total).toBe(0);
    await expect(t.call('analysis.drill', { cell: { kind: 'code', codeId: 9999 as CodeId } })).rejects.toThrow(
      /no code with id 9999/,
    );
  });
});

describe('table export', () => {
  it('writes the matrix as a tidy CSV with shares', async () => {
    const out = await t.call('analysis.export', { view: 'matrix', format: 'csv', attribute: 'market' });
    expect(out.fileName).toBe('analysis-views-matrix.csv');
    const lines = out.data
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('code,market,excerpts,participants,participants_total,share');
    expect(lines).toContain('Cost,JP,1,1,1,1');
  });

  it('writes keywords in context as XLSX bytes', async () => {
    const out = await t.call('analysis.export', { view: 'kwic', format: 'xlsx', word: '价格' });
    expect(out.encoding).toBe('base64');
    expect(Buffer.from(out.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a matrix export without its attribute', async () => {
    await expect(t.call('analysis.export', { view: 'matrix', format: 'csv' })).rejects.toThrow(/needs the attribute/);
  });
});

describe('CLI', () => {
  // Builds dist/ first when the sources changed: minutes on a loaded machine.
  it('prints frequency across rounds and keywords in context as JSON', { timeout: 300_000 }, () => {
    ensureBuilt();
    t.app.close();
    const dir = t.dir;
    const f = quarryJson<{ rounds: string[]; rows: { code: string; excerpts: number[] }[] }>(dir, [
      'frequency',
      t.path,
      '--json',
    ]);
    expect(f.rounds).toEqual(['Round 1', 'Round 2']);
    expect(f.rows.find((r) => r.code === 'Delivery')?.excerpts).toEqual([3, 1]);
    const words = quarryJson<{ word: string; count: number }[]>(dir, ['words', t.path, '--json']);
    const k = quarryJson<{ total: number; hits: { keyword: string; title: string }[] }>(dir, [
      'kwic',
      t.path,
      '送料',
      '--limit',
      '1',
      '--json',
    ]);
    expect(k.total).toBe(words.find((w) => w.word === '送料')?.count);
    expect(k.hits).toEqual([expect.objectContaining({ keyword: '送料', title: 'ja' })]);
  });
});

describe('survey answers', () => {
  it('counts and finds the answers, not the question labels they are stored under', async () => {
    const s = await newTestApp({ name: 'Survey words' });
    try {
      await s.call('documents.import', {
        files: [
          file(
            'survey.csv',
            'id,why,other\nR1,送料が高い,Delivery was slow\nR2,Delivery fee,\nR3,,"Slow delivery\n\nterrible"\n',
          ),
        ],
        csv: { idColumn: 'id', textColumns: ['why', 'other'], attributeColumns: [] },
      });
      const words = await s.call('analysis.words', { limit: 100 });
      const count = (w: string) => words.find((x) => x.word === w)?.count ?? 0;
      expect(count('why')).toBe(0);
      expect(count('other')).toBe(0);
      expect(count('delivery')).toBe(3);
      expect(count('terrible')).toBe(1);
      const kwic = await s.call('analysis.kwic', { word: 'slow' });
      expect(kwic.total).toBe(2);
      for (const hit of kwic.hits) {
        const { text } = await s.call('documents.get', { id: hit.documentId });
        expect(text.slice(hit.start, hit.end).toLowerCase()).toBe('slow');
      }
    } finally {
      s.dispose();
    }
  });
});

describe('right-to-left text', () => {
  it('finds a Hebrew or Arabic word with its context in logical order', async () => {
    const r = await newTestApp({ name: 'RTL' });
    try {
      await r.call('documents.import', {
        files: [file('he.txt', 'המשלוח היה יקר מאוד, אבל המשלוח הגיע מהר.\nالتوصيل كان سريعا جدا.\n')],
      });
      const words = await r.call('analysis.words', { limit: 50 });
      expect(words.find((w) => w.word === 'המשלוח')?.count).toBe(2);
      const kwic = await r.call('analysis.kwic', { word: 'המשלוח', context: 8 });
      expect(kwic.total).toBe(2);
      expect(kwic.hits[1]).toMatchObject({ left: 'וד, אבל ', keyword: 'המשלוח', right: ' הגיע מה' });
      const arabic = await r.call('analysis.kwic', { word: 'التوصيل' });
      expect(arabic.hits[0]?.right.startsWith(' كان')).toBe(true);
    } finally {
      r.dispose();
    }
  });
});
