/**
 * Smoke test of bench/: the corpus generator is deterministic and realistic enough to
 * exercise every index, and a --quick run produces complete, positive figures. Times are
 * reported, never asserted.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { type BenchResult, ftsFor, parseArgs, QUERIES, repoRoot, runBench, UsageError } from '../../bench/run.js';
import { median, percentile, renderTable } from '../../bench/stats.js';

const work = mkdtempSync(join(tmpdir(), 'quarry-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the corpus generator', () => {
  it('writes the same transcripts for the same seed, and others for another seed', () => {
    const a = generateCorpus({ dir: join(work, 'a'), docs: 3, wordsPerDoc: 2_000, seed: 7 });
    const b = generateCorpus({ dir: join(work, 'b'), docs: 3, wordsPerDoc: 2_000, seed: 7 });
    const c = generateCorpus({ dir: join(work, 'c'), docs: 3, wordsPerDoc: 2_000, seed: 8 });
    expect(readdirSync(join(work, 'a'))).toEqual(['interview-0001.txt', 'interview-0002.txt', 'interview-0003.txt']);
    for (const [i, file] of a.files.entries()) {
      expect(readFileSync(file.path)).toEqual(readFileSync(b.files[i]?.path as string));
      expect(readFileSync(file.path)).not.toEqual(readFileSync(c.files[i]?.path as string));
    }
    expect(a.bytes).toBe(b.bytes);
    expect(a.words).toBeGreaterThanOrEqual(6_000);
  });

  it('writes speaker turns with a mix of scripts and the phrases the bench searches for', () => {
    const corpus = generateCorpus({ dir: join(work, 'mix'), docs: 4, wordsPerDoc: 5_000, seed: 3, cjkShare: 0.2 });
    const text = corpus.files.map((f) => readFileSync(f.path, 'utf8')).join('\n');
    const lines = text.split('\n').filter((l) => l.length > 0);
    expect(lines.every((l) => /^(Interviewer|\p{L}+ \(P\d{3}\)): \S/u.test(l))).toBe(true);
    expect(text).toMatch(/[\u3040-\u30ff]/u); // Japanese kana
    expect(text).toMatch(/[\u4e00-\u9fff]/u); // Han
    expect(text).toMatch(/Rücksendung|Versandkosten|livraison|déjà/u);
    expect(text).toContain('guest checkout');
    const cjkLines = lines.filter((l) => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(l)).length;
    expect(cjkLines / lines.length).toBeGreaterThan(0.02);
    expect(cjkLines / lines.length).toBeLessThan(0.3);
  });
});

describe('bench options and statistics', () => {
  it('parses --quick and explicit sizes, and refuses unknown options', () => {
    expect(parseArgs([])).toMatchObject({ docs: 200, wordsPerDoc: 10_000, quick: false });
    expect(parseArgs(['--quick'])).toMatchObject({ quick: true, docs: 8 });
    expect(parseArgs(['--quick', '--docs', '3'])).toMatchObject({ quick: true, docs: 3 });
    expect(() => parseArgs(['--fast'])).toThrow(UsageError);
    expect(() => parseArgs(['--docs', 'many'])).toThrow(/whole number/);
  });

  it('runs the direct search on the index and with the expression that Quarry uses', () => {
    expect(ftsFor('delivery')).toEqual({ index: 'words', match: '"delivery"' });
    expect(ftsFor('"guest checkout"')).toEqual({ index: 'words', match: '"guest checkout"' });
    expect(ftsFor('deliv*')).toEqual({ index: 'words', match: '"deliv"*' });
    expect(ftsFor('コンビニ払い')).toEqual({ index: 'trigrams', match: '"コンビニ払い"' });
  });

  it('computes medians and nearest-rank percentiles, and aligns tables', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    const table = renderTable(
      ['q', 'ms'],
      [
        ['配送料', '1.25'],
        ['delivery', '12.50'],
      ],
    );
    expect(table[2]).toBe('配送料     1.25');
    expect(table[3]).toBe('delivery  12.50');
  });
});

describe('a --quick bench run', () => {
  it('prints every figure beside its floor, with ratios, and a JSON line at the end', async () => {
    const lines: string[] = [];
    const options = {
      ...parseArgs(['--quick', '--docs', '4', '--words', '1200', '--runs', '2', '--cli-runs', '1']),
      dir: join(work, 'run'),
    };
    const result: BenchResult = await runBench(options, (line) => lines.push(line));

    expect(result.corpus.files).toBe(4);
    expect(result.import.documents).toBe(4);
    for (const side of [result.import.quarry, result.import.floor]) {
      expect(side.seconds).toBeGreaterThan(0);
      expect(side.mbPerSec).toBeGreaterThan(0);
      expect(side.wordsPerSec).toBeGreaterThan(0);
      expect(side.filesPerSec).toBeGreaterThan(0);
    }
    expect(result.import.ratio).toBeCloseTo(result.import.quarry.mbPerSec / result.import.floor.mbPerSec, 6);

    expect(result.search.map((s) => s.query)).toEqual(QUERIES.map((q) => q.query));
    for (const s of result.search) {
      expect(s.match).toBe(ftsFor(s.query).match);
      expect(s.quarry.medianMs).toBeGreaterThan(0);
      expect(s.quarry.p95Ms).toBeGreaterThanOrEqual(s.quarry.medianMs);
      expect(s.direct.medianMs).toBeGreaterThan(0);
      expect(s.ratio).toBeCloseTo(s.quarry.medianMs / s.direct.medianMs, 6);
    }
    const delivery = result.search.find((s) => s.query === 'delivery');
    expect(delivery?.quarry.hits).toBeGreaterThan(0);
    expect(delivery?.direct.hits).toBeGreaterThan(0);

    if (existsSync(join(repoRoot(), 'dist', 'cli', 'main.js'))) {
      expect('medianMs' in result.cli && result.cli.medianMs > 0).toBe(true);
      // Whole processes: quarry search and import beside bare better-sqlite3 processes.
      if ('skipped' in result.processes) throw new Error(result.processes.skipped);
      expect(result.processes.search.map((p) => p.what)).toEqual(['search delivery', 'search 配送料']);
      for (const p of [...result.processes.search, result.processes.import]) {
        expect(p?.quarry.wallMs).toBeGreaterThan(0);
        expect(p?.floor.wallMs).toBeGreaterThan(0);
        expect(p?.ratio).toBeGreaterThan(0);
      }
      expect(lines.some((l) => l.startsWith('search delivery: Quarry/floor'))).toBe(true);
    } else {
      expect('skipped' in result.cli && result.cli.skipped).toMatch(/not built/);
    }

    expect(lines.some((l) => l.startsWith('Quarry/floor throughput:'))).toBe(true);
    expect(lines.some((l) => l.includes('Quarry/direct'))).toBe(true);
    expect(JSON.parse(lines[lines.length - 1] as string)).toEqual(result);
    // The working folder is removed unless --keep is given.
    expect(existsSync(join(work, 'run'))).toBe(false);
  }, 120_000);
});
