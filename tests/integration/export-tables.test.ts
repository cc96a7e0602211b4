import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';
import { multilingualStudy, NAMES, QUOTES, type Study } from './export-fixture.js';

let s: Study;
afterEach(() => s?.t.dispose());

function parseCsv(data: string): Record<string, string>[] {
  expect(data.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(data.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV tables', () => {
  it('excerpts: one row per excerpt, quotes/newlines/emoji intact, formulas guarded, codes as 0/1 and joined', async () => {
    s = await multilingualStudy();
    const r = await s.t.call('export.report', { format: 'csv' });
    expect(r).toMatchObject({ fileName: 'checkout-结账-study-excerpts.csv', encoding: 'utf8' });
    expect(r.data).toContain('\r\n');
    const rows = parseCsv(r.data);
    expect(rows).toHaveLength(4);
    const header = Object.keys(rows[0] ?? {});
    expect(header.slice(0, 4)).toEqual(['excerpt_id', 'document_id', 'document', 'participant']);
    expect(header).toEqual(
      expect.arrayContaining([
        'segment',
        'age',
        'pro_user',
        'codes',
        'code_money',
        'code_money_hidden_fees',
        'code_价格',
      ]),
    );
    for (const name of header) expect(name).toMatch(/^\p{L}[\p{L}\p{N}_]*$/u);
    const fees = rows.find((row) => row.text === QUOTES.fees);
    expect(fees).toMatchObject({
      participant: 'P01',
      segment: 'new',
      age: '34',
      pro_user: 'TRUE',
      code_money: '1',
      code_money_hidden_fees: '1',
      code_价格: '0',
      code_unused: '0',
    });
    expect(fees?.codes?.split('; ').sort()).toEqual(['Money', 'Money › Hidden fees']);
    const formula = rows.find((row) => row.text?.includes('SUM'));
    expect(formula?.text).toBe(`'${QUOTES.formula}`);
    expect(rows.find((row) => row.participant === 'P02')?.text).toBe(QUOTES.price);
    expect(rows.find((row) => row.participant === 'P03')?.text).toBe(QUOTES.arabic);
  });

  it('codebook and the long code × participant table, zeros included', async () => {
    s = await multilingualStudy();
    const book = parseCsv((await s.t.call('export.report', { format: 'csv', table: 'codebook' })).data);
    expect(book.map((r) => r.path)).toEqual(['Money', 'Money › Hidden fees', '价格', 'Unused']);
    expect(book[1]).toMatchObject({ name: 'Hidden fees', parent: 'Money', depth: '1' });
    expect(book[0]).toMatchObject({ description: 'Anything about cost', excerpts: '3' });
    const matrix = parseCsv((await s.t.call('export.report', { format: 'csv', table: 'matrix' })).data);
    expect(matrix).toHaveLength(4 * 3);
    expect(matrix.find((r) => r.code === 'Money' && r.participant === 'P01')).toMatchObject({
      excerpts: '2',
      segment: 'new',
    });
    expect(matrix.find((r) => r.code === 'Unused' && r.participant === 'P03')?.excerpts).toBe('0');
  });

  it('redacts participant labels and Latin, Chinese and Arabic names', async () => {
    s = await multilingualStudy();
    for (const table of ['excerpts', 'matrix'] as const) {
      const { data } = await s.t.call('export.report', { format: 'csv', table, redact: true });
      for (const name of [...Object.values(NAMES), 'Anna', 'P01', 'P02', 'P03']) expect(data).not.toContain(name);
      expect(data).toContain('Alpha');
    }
    const rows = parseCsv((await s.t.call('export.report', { format: 'csv', redact: true })).data);
    expect(rows.find((r) => r.text?.startsWith('The fees'))?.participant).toBe('Alpha');
    expect(rows.find((r) => r.text === QUOTES.price)?.participant).toBe('Beta');
  });
});

describe('XLSX tables', () => {
  it('one sheet per table, frozen header, typed cells, guarded formulas', async () => {
    s = await multilingualStudy();
    const r = await s.t.call('export.report', { format: 'xlsx' });
    expect(r.encoding).toBe('base64');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(r.data, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['excerpts', 'codebook', 'matrix']);
    const sheet = book.getWorksheet('excerpts');
    if (!sheet) throw new Error('no excerpts sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = [] as ExcelJS.Row[];
    sheet.eachRow((row, n) => n > 1 && rows.push(row));
    expect(rows).toHaveLength(4);
    const fees = rows.find((row) => row.getCell(col('text')).value === QUOTES.fees);
    if (!fees) throw new Error('fees row missing');
    expect(fees.getCell(col('excerpt_id')).value).toEqual(expect.any(Number));
    expect(fees.getCell(col('age')).value).toBe(34);
    expect(fees.getCell(col('pro_user')).value).toBe(true);
    expect(fees.getCell(col('code_money')).value).toBe(1);
    expect(fees.getCell(col('participant')).value).toBe('P01');
    const formula = rows.find((row) => String(row.getCell(col('text')).value).includes('SUM'));
    expect(formula?.getCell(col('text')).value).toBe(`'${QUOTES.formula}`);
    expect(formula?.getCell(col('text')).formula).toBeUndefined();
    const wang = rows.find((row) => row.getCell(col('participant')).value === 'P02');
    expect(wang?.getCell(col('pro_user')).value).toBe(false);
    const matrix = book.getWorksheet('matrix');
    expect(matrix?.getRow(2).getCell(4).value).toBeDefined();
  });
});

describe('quarry export --format csv|xlsx', () => {
  let config: string;
  beforeAll(() => {
    ensureBuilt();
    config = makeTempDir();
  }, 300_000);
  afterAll(() => removeDir(config));

  it('writes the chosen table, and refuses --table for other formats or unknown tables', async () => {
    s = await multilingualStudy();
    s.t.app.close();
    const out = join(s.t.dir, 'codebook.csv');
    const ok = quarry(config, ['export', s.t.path, '--format', 'csv', '--table', 'codebook', '--out', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFcode_id,path,name,parent/);
    const xlsx = join(s.t.dir, 't.xlsx');
    const wb = quarry(config, ['export', s.t.path, '--format', 'xlsx', '--out', xlsx, '--json']);
    expect(wb.code, wb.stderr).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const bad = quarry(config, ['export', s.t.path, '--format', 'xlsx', '--table', 'codebook', '--out', xlsx]);
    expect(bad.code).toBe(2);
    const unknown = quarry(config, ['export', s.t.path, '--format', 'csv', '--table', 'words', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--table must be one of excerpts, codebook, matrix');
  });

  it('writes a deck, printing a notice for each chart it could not draw, and still succeeds', async () => {
    s = await multilingualStudy();
    s.t.app.close();
    const out = join(s.t.dir, 'deck.pptx');
    process.env.QUARRY_CHROMIUM = 'none';
    try {
      const r = quarry(config, ['export', s.t.path, '--format', 'pptx', '--out', out, '--lang', 'de']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/Chart ".+" left out: no Chromium/);
      const slides = Object.keys(unzipSync(new Uint8Array(readFileSync(out)))).filter((f) =>
        /^ppt\/slides\/slide\d+\.xml$/.test(f),
      );
      expect(slides).toHaveLength(4); // title, method, two insights; no chart slides
    } finally {
      delete process.env.QUARRY_CHROMIUM;
    }
  });
});
