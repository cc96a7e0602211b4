/**
 * Intercoder agreement on constructed two- and three-coder projects, with values computed by
 * hand (see tests/unit/analysis-agreement.test.ts for the arithmetic alone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir } from './cli-harness.js';
import { file, newTestApp, type TestApp } from './helpers.js';

const TEXT = 'abcdefghijklmnopqrst'; // 20 characters
const apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
});

/** Ana and Ben code one 20-character document; Ana alone codes a second one. */
async function twoCoders(): Promise<TestApp> {
  const t = await newTestApp();
  apps.push(t);
  const { call } = t;
  const imported = await call('documents.import', {
    files: [file('shared.txt', TEXT), file('ana-only.txt', 'zzzzzzzzzz')],
  });
  const [shared, anaOnly] = imported.imported.map((i) => i.documentIds[0] as DocumentId);
  const price = (await call('codes.add', { name: 'Price' })).id as CodeId;
  const delivery = (await call('codes.add', { name: 'Delivery' })).id as CodeId;
  const tag = (documentId: DocumentId, start: number, end: number, code: CodeId) =>
    call('excerpts.tag', { documentId, start, end, codeIds: [code] });
  await call('app.setCoder', { name: 'Ana' });
  await tag(shared as DocumentId, 0, 10, price);
  await tag(shared as DocumentId, 0, 4, delivery);
  await tag(anaOnly as DocumentId, 0, 10, price);
  await call('app.setCoder', { name: 'Ben' });
  await tag(shared as DocumentId, 5, 15, price);
  await tag(shared as DocumentId, 0, 4, delivery);
  await tag(shared as DocumentId, 16, 20, delivery);
  return t;
}

describe('intercoder agreement', () => {
  beforeAll(() => ensureBuilt());

  it('compares two coders per code and pooled, over the documents both coded', async () => {
    const { call } = await twoCoders();
    const result = await call('analysis.agreement', { coders: ['Ana', 'Ben'] });
    expect(result.documents).toBe(1); // Ana's second document is not compared
    expect(result.characters).toBe(20);
    const price = result.codes.find((c) => c.code === 'Price');
    expect(price?.table).toEqual({ both: 5, firstOnly: 5, secondOnly: 5, neither: 5 });
    expect(price?.agreement).toBeCloseTo(0.5, 12);
    expect(price?.kappa).toBeCloseTo(0, 12);
    const delivery = result.codes.find((c) => c.code === 'Delivery');
    expect(delivery?.table).toEqual({ both: 4, firstOnly: 0, secondOnly: 4, neither: 12 });
    expect(delivery?.agreement).toBeCloseTo(0.8, 12);
    expect(delivery?.kappa).toBeCloseTo(0.24 / 0.44, 12);
    // Pooled: both 9, Ana only 5, Ben only 9, neither 17 of 40; po 0.65, pe 0.35·0.45 + 0.65·0.55.
    expect(result.overall.table).toEqual({ both: 9, firstOnly: 5, secondOnly: 9, neither: 17 });
    expect(result.overall.agreement).toBeCloseTo(0.65, 12);
    expect(result.overall.kappa).toBeCloseTo((0.65 - 0.515) / 0.485, 12);
    // Where they disagree: Price 0–5 (Ana), 10–15 (Ben); Delivery 16–20 (Ben).
    expect(result.disagreements.map((d) => [d.code, d.start, d.end, d.codedBy, d.text])).toEqual([
      ['Price', 0, 5, ['Ana'], 'abcde'],
      ['Price', 10, 15, ['Ben'], 'klmno'],
      ['Delivery', 16, 20, ['Ben'], 'qrst'],
    ]);
  });

  it('gives the spec JSON and a CSV from the CLI, and refuses unknown coders', async () => {
    const t = await twoCoders();
    t.app.close();
    const config = makeTempDir();
    try {
      const json = quarryJson<{
        overall: { agreement: number; kappa: number };
        codes: { code: string; agreement: number; kappa: number }[];
      }>(config, ['agreement', t.path, '--coders', 'Ana,Ben', '--code', 'Delivery', '--json']);
      expect(json.codes.map((c) => c.code)).toEqual(['Delivery']);
      expect(json.overall.agreement).toBeCloseTo(0.8, 12);
      expect(json.codes[0]?.kappa).toBeCloseTo(0.24 / 0.44, 12);

      const csv = join(config, 'agreement.csv');
      expect(quarry(config, ['agreement', t.path, '--coders', 'Ana,Ben', '--csv', csv]).code).toBe(0);
      const text = readFileSync(csv, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
      expect(rows.map((r) => r.code)).toEqual(['Price', 'Delivery', '(all codes)']);
      expect(Number(rows[0]?.agreement)).toBeCloseTo(0.5, 12);

      const unknown = quarry(config, ['agreement', t.path, '--coders', 'Ana,Zoe', '--json']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/no coder "Zoe".*"Ana"/s);
      expect(quarry(config, ['agreement', t.path, '--coders', 'Ana', '--json']).code).not.toBe(0);
    } finally {
      removeDir(config);
    }
  });

  it("gives Krippendorff's alpha for three coders and counts emoji as one character", async () => {
    const t = await newTestApp();
    apps.push(t);
    const { call } = t;
    const imported = await call('documents.import', { files: [file('e.txt', '😀b😀d')] }); // 4 characters, 6 units
    const doc = imported.imported[0]?.documentIds[0] as DocumentId;
    const code = (await call('codes.add', { name: 'Joy' })).id as CodeId;
    const other = (await call('codes.add', { name: 'Other' })).id as CodeId;
    // Character 1 (😀) coded by all three; character 3 (😀) by Cy alone; 2 and 4 by nobody.
    for (const name of ['Ana', 'Ben', 'Cy']) {
      await call('app.setCoder', { name });
      await call('excerpts.tag', { documentId: doc, start: 0, end: 2, codeIds: [code] });
    }
    await call('excerpts.tag', { documentId: doc, start: 3, end: 5, codeIds: [code] });
    await call('excerpts.tag', { documentId: doc, start: 2, end: 3, codeIds: [other] });
    const result = await call('analysis.agreement', { coders: ['Ana', 'Ben', 'Cy'], code: 'Joy' });
    expect(result.characters).toBe(4);
    const joy = result.codes[0];
    // Histogram: 2 characters coded by none, 1 by one coder, 1 by all three (m = 3, n = 12):
    // ones 4, zeros 8, disagreement 1·1·2/2 = 1 → alpha = 1 − 11·1/(8·4).
    expect(joy?.alpha).toBeCloseTo(1 - 11 / 32, 12);
    expect(joy?.table).toBeNull();
    // Pairs Ana–Ben agree on all 4; Ana–Cy and Ben–Cy on 3 of 4.
    expect(joy?.agreement).toBeCloseTo((1 + 0.75 + 0.75) / 3, 12);
  });
});
