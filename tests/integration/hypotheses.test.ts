/**
 * The hypothesis register through the real CLI and the contract: statements, evidence with a
 * stance, status changes kept as history, refusals that change nothing, and undo.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir, sha256 } from './cli-harness.js';
import { file, newTestApp } from './helpers.js';

interface HypothesisJson {
  id: number;
  statement: string;
  status: string;
  supporting: number[];
  contradicting: number[];
  history: { status: string; note: string }[];
}

let dir: string;
let project: string;

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
  project = join(dir, 'h.quarry');
  const transcript = join(dir, 'p1.txt');
  writeFileSync(
    transcript,
    'Anna: The delivery fee was a surprise.\n\nBob: Why?\n\nAnna: I liked the free returns.\n\nBob: OK.\n',
  );
  expect(quarry(dir, ['new', project]).code).toBe(0);
  expect(quarry(dir, ['import', project, transcript]).code).toBe(0);
  expect(quarry(dir, ['code', 'add', project, 'Cost']).code).toBe(0);
}, 60_000);

afterAll(() => removeDir(dir));

describe('quarry hypothesis', () => {
  it('states a hypothesis, links evidence both ways and keeps the status history', { timeout: 120_000 }, () => {
    const text = quarryJson<{ text: string }>(dir, ['show', project, '1', '--json']).text;
    const span = (s: string) => [String(text.indexOf(s)), String(text.indexOf(s) + s.length)];
    const fee = quarryJson<{ excerptId: number }>(dir, [
      'tag',
      project,
      '1',
      ...span('The delivery fee was a surprise.'),
      'Cost',
      '--json',
    ]);
    const free = quarryJson<{ excerptId: number }>(dir, [
      'tag',
      project,
      '1',
      ...span('I liked the free returns.'),
      'Cost',
      '--json',
    ]);
    const { hypothesisId } = quarryJson<{ hypothesisId: number }>(dir, [
      'hypothesis',
      'add',
      project,
      '--statement',
      'Late fees cause abandonment',
      '--json',
    ]);
    expect(
      quarry(dir, ['hypothesis', 'evidence', project, String(hypothesisId), String(fee.excerptId), '--supports']).code,
    ).toBe(0);
    expect(
      quarry(dir, ['hypothesis', 'evidence', project, String(hypothesisId), String(free.excerptId), '--contradicts'])
        .code,
    ).toBe(0);
    expect(
      quarry(dir, ['hypothesis', 'status', project, String(hypothesisId), 'supported', '--note', 'two interviews'])
        .code,
    ).toBe(0);
    const [h] = quarryJson<HypothesisJson[]>(dir, ['hypotheses', project, '--json']);
    expect(h).toMatchObject({
      id: hypothesisId,
      statement: 'Late fees cause abandonment',
      status: 'supported',
      supporting: [fee.excerptId],
      contradicting: [free.excerptId],
    });
    expect(h?.history.map((c) => c.status)).toEqual(['open', 'supported']);
    expect(h?.history[1]?.note).toBe('two interviews');
  });

  it('refuses a missing excerpt, a missing stance and an unknown status, changing nothing', { timeout: 60_000 }, () => {
    const before = sha256(project);
    const missing = quarry(dir, ['hypothesis', 'evidence', project, '1', '999', '--supports']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no excerpt with id 999/);
    expect(quarry(dir, ['hypothesis', 'evidence', project, '1', '1']).code).toBe(2);
    expect(quarry(dir, ['hypothesis', 'status', project, '1', 'proven']).code).toBe(2);
    expect(sha256(project)).toBe(before);
  });
});

describe('hypotheses in the app', () => {
  it('undoes a status change and evidence links step by step', async () => {
    const t = await newTestApp();
    try {
      const { call } = t;
      await call('documents.import', { files: [file('a.txt', 'Coupons never work on mobile.')] });
      const code = await call('codes.add', { name: 'Coupons' });
      const { excerptId } = await call('excerpts.tag', {
        documentId: 1 as never,
        start: 0,
        end: 7,
        codeIds: [code.id],
      });
      const { hypothesisId } = await call('hypotheses.add', { statement: 'Mobile coupons fail' });
      await call('hypotheses.linkEvidence', { id: hypothesisId, excerptIds: [excerptId], stance: 'supports' });
      await call('hypotheses.setStatus', { id: hypothesisId, status: 'refuted', note: 'wrong' });
      expect((await call('hypotheses.list', {}))[0]?.status).toBe('refuted');
      const undone = await call('history.undo', {});
      expect(undone).toBeTruthy();
      const [after] = await call('hypotheses.list', {});
      expect(after?.status).toBe('open');
      expect(after?.history.map((c) => c.status)).toEqual(['open']);
      expect(after?.evidence[0]?.text).toBe('Coupons');
      await call('history.undo', {});
      expect((await call('hypotheses.list', {}))[0]?.supporting).toEqual([]);
    } finally {
      t.dispose();
    }
  });
});
