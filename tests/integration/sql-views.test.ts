/**
 * The SQL views for R, SPSS and Python users (schema v8, docs/sql.md) on a real project file:
 * the SELECT statements of the docs' R and Python examples are taken from docs/sql.md and run
 * as written, so the documentation stays true.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

const DOC = readFileSync(join(resolve(import.meta.dirname, '../..'), 'docs', 'sql.md'), 'utf8');
const FENCE = '```';
const block = (lang: string) => DOC.match(new RegExp(`${FENCE}${lang}\\n([\\s\\S]*?)${FENCE}`))?.[1] ?? '';
const R_SQL = [...block('r').matchAll(/dbGetQuery\(con, "([\s\S]*?)"\)/g)].map((m) => m[1] as string);
const PY_SQL = [...block('python').matchAll(/read_sql_query\(\s*"([\s\S]*?)"/g)].map((m) => m[1] as string);

let t: TestApp;
let db: Database.Database;

beforeAll(async () => {
  t = await newTestApp();
  const text = 'Maria: The coupon field was hidden. 价格太贵了 😕';
  const imported = await t.call('documents.import', {
    files: [file('p01.txt', text)],
    participant: 'P01',
    study: 'Checkout',
    round: 'R1',
  });
  const documentId = imported.imported[0]?.documentIds[0] as DocumentId;
  const { id: parent } = await t.call('codes.add', { name: 'Friction' });
  const { id: coupon } = await t.call('codes.add', { name: 'Coupon', parentId: parent });
  const start = text.indexOf('The coupon');
  await t.call('excerpts.tag', { documentId, start, end: start + 27, codeIds: [coupon, parent] as CodeId[] });
  const zh = text.indexOf('价格');
  await t.call('excerpts.tag', { documentId, start: zh, end: zh + 5, codeIds: [parent] as CodeId[] });
  await t.call('attributes.add', { name: 'market', type: 'text' });
  const [p01] = await t.call('participants.list', {});
  await t.call('participants.setAttributes', { id: p01?.id as never, attributes: { market: 'DE' } });
  await t.call('metrics.add', { name: 'NPS', kind: 'nps' });
  await t.call('metrics.add', { name: 'Task success', kind: 'proportion' });
  const nps = (round: string, rows: string) =>
    t.call('metrics.import', {
      metric: 'NPS',
      round,
      study: 'Checkout',
      file: file('n.csv', `p,m,s\n${rows}`),
      columns: ['s'],
      participantColumn: 'p',
      segmentColumn: 'm',
    });
  await nps('R1', 'P01,DE,9\nP02,DE,3\nP03,JP,7\nP04,JP,10\n'); // 2 promoters, 1 detractor of 4: +25
  await nps('R2', 'P01,DE,10\nP02,DE,9\n'); // +100
  await t.call('metrics.import', {
    metric: 'Task success',
    round: 'R1',
    study: 'Checkout',
    file: file('t.csv', 'p,task,ok\nP01,Pay,1\nP02,Pay,0\nP01,Find,1\n'),
    columns: ['ok'],
    participantColumn: 'p',
    taskColumn: 'task',
  });
  t.app.close();
  db = new Database(t.path, { readonly: true });
});

afterAll(() => {
  db?.close();
  t?.dispose();
});

describe('SQL views', () => {
  it('the docs hold the R and Python examples this test runs', () => {
    expect(R_SQL).toHaveLength(2);
    expect(PY_SQL).toHaveLength(3);
  });

  it('runs the R example: excerpts with their codes, and NPS per round from the raw answers', () => {
    const [excerpts, nps] = R_SQL.map((sql) => db.prepare(sql).all());
    expect(excerpts).toEqual([
      { participant: 'P01', round: 'R1', codes: 'Coupon; Friction', text: 'The coupon field was hidden' },
      { participant: 'P01', round: 'R1', codes: 'Friction', text: '价格太贵了' },
    ]);
    expect(nps).toEqual([
      { study: 'Checkout', round: 'R1', round_position: 0, n: 4, nps: 25 },
      { study: 'Checkout', round: 'R2', round_position: 1, n: 2, nps: 100 },
    ]);
  });

  it('runs the Python example: codings in long form, measure values with tasks, attributes', () => {
    const [codings, values, attributes] = PY_SQL.map((sql) => db.prepare(sql).all());
    expect(codings).toHaveLength(3);
    expect(codings).toContainEqual({ code: 'Coupon', round: 'R1', participant: 'P01' });
    const success = (values as { metric: string; task: string | null; value: number }[]).filter(
      (v) => v.metric === 'Task success',
    );
    expect(success.map((v) => [v.task, v.value])).toEqual([
      ['Pay', 1],
      ['Pay', 0],
      ['Find', 1],
    ]);
    expect(attributes).toEqual([{ participant: 'P01', attribute: 'market', value: 'DE' }]);
  });

  it('gives each coding its parent code, coder and excerpt text', () => {
    const row = db.prepare(`SELECT code, parent_code, coder, text FROM v_codings WHERE code = 'Coupon'`).get();
    expect(row).toEqual({
      code: 'Coupon',
      parent_code: 'Friction',
      coder: 'Tester',
      text: 'The coupon field was hidden',
    });
  });
});
