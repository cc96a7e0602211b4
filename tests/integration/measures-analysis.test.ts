/**
 * Measures and analysis through the real CLI on a real project file: `metric add/import`,
 * `metrics`, `words`, `matrix` and `cooccurrence`, with values worked out by hand.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir, sha256 } from './cli-harness.js';
import { file, newTestApp } from './helpers.js';

let dir: string;
let project: string;
const csv = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
  project = join(dir, 'measures.quarry');
  expect(quarry(dir, ['new', project]).code).toBe(0);
}, 60_000);

afterAll(() => removeDir(dir));

interface MetricJson {
  name: string;
  kind: string;
  rounds: {
    round: string;
    n: number;
    value: number;
    ci95: [number, number] | null;
    change: { p: number | null } | null;
  }[];
}

describe('measures', () => {
  it('scores SUS from ten item columns per round, skipping incomplete rows', () => {
    quarryJson(dir, ['metric', 'add', project, '--name', 'SUS', '--kind', 'sus', '--json']);
    const items = Array.from({ length: 10 }, (_, i) => `Q${i + 1}`);
    const file = csv(
      'sus-r1.csv',
      [
        `respondent;${items.join(';')}`,
        'P01;5;1;5;1;5;1;5;1;5;1', // 100
        'P02;3;3;3;3;3;3;3;3;3;3', // 50
        'P03;4;2;4;1;5;2;4;2;4;1', // 82.5
        'P04;4;2;4;;5;2;4;2;4;1', // incomplete: skipped
      ].join('\n'),
    );
    const result = quarryJson<{ imported: number; skipped: number }>(dir, [
      'metric',
      'import',
      project,
      file,
      '--metric',
      'SUS',
      '--round',
      'Round 1',
      '--columns',
      items.join(','),
      '--participant-column',
      'respondent',
      '--json',
    ]);
    expect(result).toMatchObject({ imported: 3, skipped: 1 });
    const [sus] = quarryJson<MetricJson[]>(dir, ['metrics', project, '--json']);
    expect(sus?.kind).toBe('sus');
    expect(sus?.rounds[0]?.n).toBe(3);
    expect(sus?.rounds[0]?.value).toBeCloseTo((100 + 50 + 82.5) / 3, 10);
  });

  it('rejects a file with an out-of-range value by row, writing nothing (exit 3)', () => {
    quarryJson(dir, ['metric', 'add', project, '--name', 'Checkout NPS', '--kind', 'nps', '--json']);
    const before = sha256(project);
    const bad = csv('nps-bad.csv', 'id,score\na,9\nb,10\nc,11\nd,3\n');
    const run = quarry(dir, [
      'metric',
      'import',
      project,
      bad,
      '--metric',
      'Checkout NPS',
      '--round',
      'Round 9',
      '--column',
      'score',
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/row 4, column "score": "11" must be a whole number from 0 to 10/);
    expect(sha256(project)).toBe(before);
    const rounds = quarryJson<{ name: string }[]>(dir, ['metrics', project, '--json']);
    expect(JSON.stringify(rounds)).not.toContain('Round 9');
  });

  it('scores NPS per round with the change and its p-value', () => {
    const r1 = csv(
      'nps-r1.csv',
      `id,score\n${[10, 10, 9, 9, 8, 7, 6, 5, 3, 10].map((s, i) => `r${i},${s}`).join('\n')}`,
    );
    const r2 = csv(
      'nps-r2.csv',
      `id,score\n${[10, 10, 9, 9, 9, 10, 8, 7, 9, 10].map((s, i) => `s${i},${s}`).join('\n')}`,
    );
    for (const [file, round] of [
      [r1, 'Round 1'],
      [r2, 'Round 2'],
    ] as const) {
      expect(
        quarry(dir, [
          'metric',
          'import',
          project,
          file,
          '--metric',
          'Checkout NPS',
          '--round',
          round,
          '--column',
          'score',
        ]).code,
      ).toBe(0);
    }
    const nps = quarryJson<MetricJson[]>(dir, ['metrics', project, '--json']).find((m) => m.name === 'Checkout NPS');
    expect(nps?.rounds.map((r) => r.round)).toEqual(['Round 1', 'Round 2']);
    expect(nps?.rounds[0]?.value).toBeCloseTo(20, 10);
    expect(nps?.rounds[0]?.ci95?.[0]).toBeCloseTo(-45.737, 2);
    // Round 2: 8 promoters, 2 passives, 0 detractors.
    expect(nps?.rounds[1]?.value).toBeCloseTo(80, 10);
    const p = nps?.rounds[1]?.change?.p ?? Number.NaN;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.1);
  });

  it('re-importing a round replaces its values instead of doubling them', () => {
    const r2 = join(dir, 'nps-r2.csv');
    const again = quarryJson<{ imported: number; replaced: number }>(dir, [
      'metric',
      'import',
      project,
      r2,
      '--metric',
      'Checkout NPS',
      '--round',
      'Round 2',
      '--column',
      'score',
      '--json',
    ]);
    expect(again).toMatchObject({ imported: 10, replaced: 10 });
    const nps = quarryJson<MetricJson[]>(dir, ['metrics', project, '--json']).find((m) => m.name === 'Checkout NPS');
    expect(nps?.rounds[1]?.n).toBe(10);
  });

  it('imports an Excel workbook per task, links an insight to the measure and lists both in --json', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Tasks');
    sheet.addRows([
      ['who', 'task', 'done'],
      ['P01', 'Coupon', 1],
      ['P02', 'Coupon', 0],
      ['P01', 'Pay', 1],
    ]);
    const xlsx = join(dir, 'tasks.xlsx');
    writeFileSync(xlsx, Buffer.from(await book.xlsx.writeBuffer()));
    quarryJson(dir, ['metric', 'add', project, '--name', 'Task success', '--kind', 'task-success', '--json']);
    const imported = quarryJson(dir, [
      'metric',
      'import',
      project,
      xlsx,
      '--metric',
      'Task success',
      '--round',
      'Round 1',
      '--column',
      'done',
      '--participant-column',
      'who',
      '--task-column',
      'task',
      '--sheet',
      'Tasks',
      '--json',
    ]);
    expect(imported).toMatchObject({ imported: 3, skipped: 0 });
    const app = await newTestApp({ create: false });
    await app.call('project.open', { path: project });
    const { insightId } = await app.call('insights.add', { title: 'Coupons hide', statement: 'S' });
    app.dispose();
    expect(
      quarryJson(dir, ['metric', 'link', project, 'task success', '--insight', String(insightId), '--json']),
    ).toEqual({
      metric: 'Task success',
      linked: true,
    });
    expect(quarry(dir, ['metric', 'link', project, 'Nope', '--insight', '1']).code).toBe(1);
    expect(quarry(dir, ['metric', 'link', project, 'Task success']).code).toBe(2);
    const listed = quarryJson<
      (MetricJson & { tasks: { task: string; n: number; value: number }[]; links: { kind: string; id: number }[] })[]
    >(dir, ['metrics', project, '--json']);
    const success = listed.find((m) => m.name === 'Task success');
    expect(success?.kind).toBe('proportion');
    expect(success?.tasks.map((t) => [t.task, t.n, t.value])).toEqual([
      ['Coupon', 2, 0.5],
      ['Pay', 1, 1],
    ]);
    expect(success?.links).toEqual([
      expect.objectContaining({ kind: 'insight', id: insightId, title: 'Coupons hide' }),
    ]);
  });

  it('refuses an unknown kind as a usage error', () => {
    expect(quarry(dir, ['metric', 'add', project, '--name', 'X', '--kind', 'median']).code).toBe(2);
  });
});

describe('analysis', () => {
  let analysis: string;
  beforeAll(() => {
    analysis = join(dir, 'analysis.quarry');
    expect(quarry(dir, ['new', analysis]).code).toBe(0);
    const zh = csv(
      'zh.txt',
      '访谈者：你觉得价格怎么样？\n\n小王：价格太贵了，配送也很慢。\n\n访谈者：还有吗？\n\n小王：价格是最大的问题。\n',
    );
    const en = csv(
      'en.txt',
      'Interviewer: How was checkout?\n\nAnna: The delivery fee was a surprise.\n\nInterviewer: And then?\n\nAnna: Delivery should be free.\n',
    );
    expect(quarry(dir, ['import', analysis, zh, en, '--participant-from-speaker']).code).toBe(0);
  }, 60_000);

  it('counts words per language, Chinese segmented into words, stop words and speaker labels left out', () => {
    const words = quarryJson<{ word: string; count: number; documents: number }[]>(dir, ['words', analysis, '--json']);
    const count = (w: string) => words.find((x) => x.word === w)?.count ?? 0;
    expect(count('价格')).toBe(3);
    expect(count('delivery')).toBe(2);
    expect(count('the')).toBe(0);
    expect(count('了')).toBe(0);
    expect(count('interviewer')).toBe(0);
    expect(words.find((x) => x.word === '配送')?.documents).toBe(1);
  });

  it('counts co-occurring codes on the same and on overlapping excerpts', { timeout: 120_000 }, () => {
    const docs = quarryJson<{ id: number; title: string }[]>(dir, ['docs', analysis, '--json']);
    const en = docs.find((d) => d.title === 'en');
    const zh = docs.find((d) => d.title === 'zh');
    const show = quarryJson<{ text: string }>(dir, ['show', analysis, String(en?.id), '--json']);
    const at = (s: string) => show.text.indexOf(s);
    for (const code of ['Cost', 'Delivery', 'Surprise'])
      expect(quarry(dir, ['code', 'add', analysis, code]).code).toBe(0);
    // Excerpt A "delivery fee" coded Cost + Delivery; excerpt B overlapping it coded Surprise.
    quarryJson(dir, [
      'tag',
      analysis,
      String(en?.id),
      String(at('delivery fee')),
      String(at('delivery fee') + 12),
      'Cost',
      'Delivery',
      '--json',
    ]);
    quarryJson(dir, [
      'tag',
      analysis,
      String(en?.id),
      String(at('fee was')),
      String(at('fee was') + 20),
      'Surprise',
      '--json',
    ]);
    const zhText = quarryJson<{ text: string }>(dir, ['show', analysis, String(zh?.id), '--json']).text;
    quarryJson(dir, [
      'tag',
      analysis,
      String(zh?.id),
      String(zhText.indexOf('价格太贵')),
      String(zhText.indexOf('价格太贵') + 4),
      'Cost',
      '--json',
    ]);

    const pairs = quarryJson<{ a: string; b: string; excerpts: number }[]>(dir, ['cooccurrence', analysis, '--json']);
    const pair = (a: string, b: string) =>
      pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.excerpts ?? 0;
    expect(pair('Cost', 'Delivery')).toBe(1);
    expect(pair('Cost', 'Surprise')).toBe(1);
    expect(pair('Delivery', 'Surprise')).toBe(1);
    expect(pairs).toHaveLength(3);
  });

  it('refuses a matrix by an attribute that does not exist', () => {
    const run = quarry(dir, ['matrix', analysis, '--by', 'market', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no participant attribute "market"/);
  });
});

describe('code × attribute matrix', () => {
  it('counts excerpts and distinct participants per code and attribute value, with a column for no value', async () => {
    const t = await newTestApp();
    try {
      const { call } = t;
      await call('attributes.add', { name: 'market', type: 'choice', choices: ['JP', 'DE', 'US'] });
      const imported = await call('documents.import', {
        files: [
          file('a.txt', 'Shipping was slow. The coupon failed.'),
          file('b.txt', 'Shipping cost too much.'),
          file('c.txt', 'The coupon failed twice.'),
          file('d.txt', 'Shipping again.'),
        ],
      });
      const ids = imported.imported.flatMap((i) => i.documentIds);
      const docs = await call('documents.list', {});
      const doc = (title: string) => docs.find((d) => d.title === title)?.id as number;
      for (const [label, title, market] of [
        ['Aiko', 'a', 'JP'],
        ['Bea', 'b', 'DE'],
        ['Cem', 'c', 'JP'],
        ['Dan', 'd', null],
      ] as const) {
        const person = await call('participants.add', { label, ...(market ? { attributes: { market } } : {}) });
        await call('documents.setParticipant', { documentId: doc(title) as never, participantId: person.id });
      }
      const textOf = async (docId: number) => (await call('documents.get', { id: docId as never })).text;
      const codeIds = new Map<string, number>();
      for (const name of ['Shipping', 'Coupon']) codeIds.set(name, (await call('codes.add', { name })).id);
      const tag = async (docId: number, phrase: string, code: string) => {
        const text = await textOf(docId);
        const start = text.indexOf(phrase);
        expect(start).toBeGreaterThanOrEqual(0);
        await call('excerpts.tag', {
          documentId: docId as never,
          start,
          end: start + phrase.length,
          codeIds: [codeIds.get(code) as never],
        });
      };
      expect(ids).toHaveLength(4);
      await tag(doc('a'), 'Shipping was slow', 'Shipping');
      await tag(doc('a'), 'The coupon failed', 'Coupon');
      await tag(doc('b'), 'Shipping cost', 'Shipping');
      await tag(doc('c'), 'coupon failed', 'Coupon');
      await tag(doc('c'), 'twice', 'Coupon');
      await tag(doc('d'), 'Shipping again', 'Shipping');
      const m = await call('analysis.matrix', { attribute: 'market' });
      // Choice order, values nobody holds (US) left out, then participants without a value.
      expect(m.columns).toEqual(['JP', 'DE', '(no value)']);
      expect(m.totals).toEqual([2, 1, 1]);
      const row = (code: string) => m.rows.find((r) => r.code === code);
      expect(row('Shipping')?.counts).toEqual([1, 1, 1]);
      expect(row('Coupon')?.counts).toEqual([3, 0, 0]);
      expect(row('Coupon')?.participants).toEqual([2, 0, 0]);
      const jpOnly = await call('analysis.matrix', { attribute: 'market', filters: { attributes: { market: 'JP' } } });
      expect(jpOnly.rows.find((r) => r.code === 'Shipping')?.counts).toEqual([1, 0]);
    } finally {
      t.dispose();
    }
  });
});
