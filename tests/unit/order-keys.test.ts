import { describe, expect, it } from 'vitest';
import { keyAt, keyBetween, keysBetween } from '../../core/order/keys.js';

describe('order keys (fractional indexing)', () => {
  it('matches the fractional-indexing package on its reference cases', () => {
    const cases: [string | null, string | null, string][] = [
      [null, null, 'a0'],
      [null, 'a0', 'Zz'],
      [null, 'Zz', 'Zy'],
      ['a0', null, 'a1'],
      ['a1', null, 'a2'],
      ['a0', 'a1', 'a0V'],
      ['a1', 'a2', 'a1V'],
      ['a0V', 'a1', 'a0l'],
      ['Zz', 'a0', 'ZzV'],
      ['Zz', 'a1', 'a0'],
      [null, 'Y00', 'Xzzz'],
      ['bzz', null, 'c000'],
      ['a0', 'a0V', 'a0G'],
      ['a0', 'a0G', 'a08'],
      ['b125', 'b129', 'b127'],
      ['a0', 'a1V', 'a1'],
      ['Zz', 'a01', 'a0'],
      [null, 'a0V', 'a0'],
      [null, 'b999', 'b99'],
      ['zzzzzzzzzzzzzzzzzzzzzzzzzzy', null, 'zzzzzzzzzzzzzzzzzzzzzzzzzzz'],
      ['zzzzzzzzzzzzzzzzzzzzzzzzzzz', null, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzV'],
    ];
    for (const [a, b, want] of cases) expect(keyBetween(a, b), `${a} .. ${b}`).toBe(want);
  });

  it('refuses keys out of order and malformed keys', () => {
    expect(() => keyBetween('a1', 'a0')).toThrow(/out of order/);
    expect(() => keyBetween('a0', 'a0')).toThrow(/out of order/);
    expect(() => keyBetween('a00', null)).toThrow(/Invalid/);
    expect(() => keyBetween('0', null)).toThrow(/Invalid/);
  });

  it('keeps any sequence of inserts in order (keys compare as SQLite BINARY does)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = i % 3 === 0 ? 0 : Math.floor(random() * (keys.length + 1));
      keys.splice(at, 0, keyAt(keys, at));
    }
    const sorted = [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(40);
  });

  it('spreads n keys between two neighbours', () => {
    for (const [a, b] of [
      [null, null],
      ['a0', null],
      [null, 'a0'],
      ['a0', 'a1'],
    ] as const) {
      const keys = keysBetween(a, b, 25);
      expect(keys).toHaveLength(25);
      const all = [a, ...keys, b].filter((k): k is string => k !== null);
      for (let i = 1; i < all.length; i++) expect((all[i - 1] as string) < (all[i] as string)).toBe(true);
    }
  });
});
