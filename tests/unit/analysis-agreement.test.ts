import { describe, expect, it } from 'vitest';
import {
  CodeAgreement,
  codePointsIn,
  cohen,
  krippendorffAlpha,
  mergeSpans,
  stretches,
} from '../../core/analysis/agreement.js';

describe('intercoder agreement arithmetic', () => {
  it("computes percent agreement and Cohen's kappa from a 2×2 table (hand-computed)", () => {
    // 20 characters: 5 both, 5 first only, 5 second only, 5 neither → chance agreement 0.5.
    expect(cohen({ both: 5, firstOnly: 5, secondOnly: 5, neither: 5 })).toEqual({ agreement: 0.5, kappa: 0 });
    // po = 0.8, pe = 0.2·0.4 + 0.8·0.6 = 0.56, kappa = 0.24 / 0.44.
    const r = cohen({ both: 4, firstOnly: 0, secondOnly: 4, neither: 12 });
    expect(r.agreement).toBeCloseTo(0.8, 12);
    expect(r.kappa).toBeCloseTo(0.24 / 0.44, 12);
    // Both coders constant: kappa is 0/0; perfect agreement reads 1.
    expect(cohen({ both: 0, firstOnly: 0, secondOnly: 0, neither: 9 }).kappa).toBe(1);
  });

  it("computes Krippendorff's alpha for binary values (hand-computed)", () => {
    // Two coders, the table above with kappa 0: alpha = 1 − 39·10 / (20·20) = 0.025.
    expect(krippendorffAlpha([5, 10, 5])).toBeCloseTo(0.025, 12);
    // Three coders: one character coded by all, one by none, two by exactly one coder.
    expect(krippendorffAlpha([1, 2, 0, 1])).toBeCloseTo(1 - 22 / 35, 12);
    expect(krippendorffAlpha([3, 0, 0, 7])).toBe(1);
  });

  it('counts characters as code points and splits a text where coverage changes', () => {
    expect(codePointsIn('a😀b配', 0, 5)).toBe(4);
    expect(codePointsIn('a😀b', 2, 4)).toBe(2); // starts inside the pair: the stray half counts once
    expect(
      mergeSpans([
        { start: 5, end: 9 },
        { start: 0, end: 3 },
        { start: 2, end: 6 },
      ]),
    ).toEqual([{ start: 0, end: 9 }]);
    const text = '😀😀abcd';
    const pieces = [...stretches(text, [[{ start: 0, end: 4 }], [{ start: 2, end: 6 }]])];
    expect(pieces.map((p) => [p.start, p.end, p.characters, p.coded])).toEqual([
      [0, 2, 1, [true, false]],
      [2, 4, 1, [true, true]],
      [4, 6, 2, [false, true]],
      [6, 8, 2, [false, false]],
    ]);
  });

  it('keeps one table per pair of coders and pools codes by adding them', () => {
    const a = new CodeAgreement(3);
    a.add(2, [true, false, false]);
    a.add(1, [true, true, true]);
    expect(a.pairs).toHaveLength(3);
    expect(a.pairs[0]).toEqual({ both: 1, firstOnly: 2, secondOnly: 0, neither: 0 });
    expect(a.pairs[2]).toEqual({ both: 1, firstOnly: 0, secondOnly: 0, neither: 2 });
    const b = new CodeAgreement(3);
    b.add(4, [false, false, false]);
    a.merge(b);
    expect(a.histogram).toEqual([4, 2, 0, 1]);
  });
});
