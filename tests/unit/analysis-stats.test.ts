/**
 * The distribution functions and standard scores behind the measures, against values computed
 * independently: R's qt/pt/pnorm, the SUS and NPS definitions worked by hand, and the Wilson
 * interval for 7 of 10 as tabulated in the literature (0.3968–0.8922).
 */
import { describe, expect, it } from 'vitest';
import {
  change,
  checkValue,
  estimate,
  npsPoints,
  susScore,
  twoProportion,
  welch,
  wilson,
} from '../../core/analysis/measures.js';
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../../core/analysis/stats.js';

describe("Student's t and the normal distribution", () => {
  it.each([
    [0.975, 1, 12.706205],
    [0.975, 9, 2.262157],
    [0.975, 30, 2.042272],
    [0.95, 5, 2.015048],
    [0.025, 4, -2.776445],
  ])('qt(%f, %i) = %f', (p, df, expected) => {
    expect(tQuantile(p, df)).toBeCloseTo(expected, 5);
  });

  it('pt(2, 10) = 0.963306 and is symmetric', () => {
    expect(tCdf(2, 10)).toBeCloseTo(0.963306, 6);
    expect(tCdf(-2, 10)).toBeCloseTo(1 - 0.963306, 6);
    expect(tCdf(0, 3)).toBeCloseTo(0.5, 12);
  });

  it('pnorm(1.96) = 0.9750021 and qnorm(0.975) = 1.959964', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
  });
});

describe('standard scores', () => {
  it('scores SUS from its ten items in questionnaire order', () => {
    expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5, 1])).toBe(100);
    expect(susScore([1, 5, 1, 5, 1, 5, 1, 5, 1, 5])).toBe(0);
    expect(susScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(50);
    // Odd items x−1: 3+3+4+3+3 = 16; even items 5−x: 3+4+3+3+4 = 17; 33 × 2.5.
    expect(susScore([4, 2, 4, 1, 5, 2, 4, 2, 4, 1])).toBe(82.5);
    expect(() => susScore([3, 3, 3])).toThrow(/ten items/);
  });

  it('scores NPS as promoters minus detractors, with the t interval of the −100/0/100 points', () => {
    expect([10, 9, 8, 7, 6, 0].map(npsPoints)).toEqual([100, 100, 0, 0, -100, -100]);
    // 5 promoters, 2 passives, 3 detractors of 10: NPS 20. Sample variance of the points:
    // (5·80² + 2·20² + 3·120²) / 9 = 8444.4; half-width 2.262157 · √(8444.4/10) = 65.737.
    const e = estimate('nps', [10, 10, 9, 9, 8, 7, 6, 5, 3, 10]);
    expect(e.n).toBe(10);
    expect(e.value).toBeCloseTo(20, 10);
    expect(e.ci95?.[0]).toBeCloseTo(-45.737, 2);
    expect(e.ci95?.[1]).toBeCloseTo(85.737, 2);
  });

  it('gives a proportion its Wilson interval', () => {
    const [lo, hi] = wilson(7, 10);
    expect(lo).toBeCloseTo(0.3968, 4);
    expect(hi).toBeCloseTo(0.8922, 4);
    const e = estimate('proportion', [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(e.value).toBeCloseTo(0.7, 10);
    expect(wilson(0, 5)[0]).toBe(0);
    expect(wilson(5, 5)[1]).toBe(1);
  });

  it('takes the geometric mean of task times, its interval from the logs', () => {
    const e = estimate('time', [10, 1000]);
    expect(e.value).toBeCloseTo(100, 8);
    expect(e.ci95?.[0]).toBeLessThan(100);
    expect(e.ci95?.[1]).toBeGreaterThan(100);
  });

  it('has no interval for a single value', () => {
    expect(estimate('mean', [4]).ci95).toBeNull();
    expect(estimate('sus', []).n).toBe(0);
  });

  it('refuses values outside the measure', () => {
    expect(checkValue('nps', 11)).toMatch(/0 to 10/);
    expect(checkValue('nps', 7.5)).toMatch(/whole number/);
    expect(checkValue('proportion', 0.5)).toMatch(/0 or 1/);
    expect(checkValue('sus', 101)).toMatch(/0 to 100/);
    expect(checkValue('time', 0)).toMatch(/above 0/);
    expect(checkValue('mean', -3)).toBeNull();
  });
});

describe('change between rounds', () => {
  it("Welch's t test: t = 1.897, df = 5.88 for 1..5 against 2,4,..,10", () => {
    // By hand: se = √(2.5/5 + 10/5) = 1.5811, t = 3 / 1.5811 = 1.8974,
    // df = 2.5² / (0.5²/4 + 2²/4) = 5.882; p = 2 · (1 − pt(1.8974, 5.882)).
    const p = welch([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(p).toBeCloseTo(2 * (1 - tCdf(1.897367, 5.882353)), 6);
    expect(p).toBeGreaterThan(0.1);
    expect(p).toBeLessThan(0.12);
  });

  it('two-proportion z test: 45/100 against 60/100 gives p = 0.0337', () => {
    // Pooled p = 0.525, se = √(0.525 · 0.475 · 0.02) = 0.070622, z = 2.1240.
    expect(twoProportion(45, 100, 60, 100)).toBeCloseTo(0.0337, 3);
  });

  it('reports the difference on the measure scale', () => {
    const moved = change('proportion', [1, 0, 0, 0], [1, 1, 1, 0]);
    expect(moved.difference).toBeCloseTo(0.5, 10);
    expect(moved.p).not.toBeNull();
    expect(change('mean', [1], [2]).p).toBeNull();
  });
});
