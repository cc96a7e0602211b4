import { describe, expect, it } from 'vitest';
import { findChromium } from '../../cli/pdf/chromium.js';
import type { Excerpt } from '../../core/contract/types.js';
import { pickQuotes, textDirection } from '../../core/services/report.js';

const ex = (id: number, who: string, length: number): Excerpt & { who: string } =>
  ({ id, text: 'x'.repeat(length), who }) as unknown as Excerpt & { who: string };

describe('pickQuotes', () => {
  const voice = (e: Excerpt) => (e as Excerpt & { who: string }).who;

  it('prefers distinct participants, then readable lengths, and never picks a used excerpt', () => {
    const list = [ex(1, 'a', 500), ex(2, 'a', 120), ex(3, 'b', 20), ex(4, 'c', 200), ex(5, 'd', 90), ex(6, 'e', 60)];
    const used = new Set([5]);
    const picked = pickQuotes(list, used, voice, 4, 2).map((e) => e.id);
    // a's readable quote (2) beats its 500-character one; b's 20 characters come after readable ones
    expect(picked).toEqual([2, 4, 6, 3]);
    expect([...used].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('fills up to the minimum from the same participant when there is only one', () => {
    const picked = pickQuotes([ex(1, 'a', 100), ex(2, 'a', 100), ex(3, 'a', 100)], new Set(), voice, 4, 2);
    expect(picked.map((e) => e.id)).toEqual([1, 2]);
  });
});

describe('textDirection', () => {
  it('is right-to-left for Arabic and Hebrew, by language or by the first strong letter', () => {
    expect(textDirection('hello', 'ar')).toBe('rtl');
    expect(textDirection('«مرحبا» hello', null)).toBe('rtl');
    expect(textDirection('שלום', null)).toBe('rtl');
    expect(textDirection('123 送料 مرحبا', null)).toBe('ltr');
    expect(textDirection('Hallo', 'de-DE')).toBe('ltr');
  });
});

describe('findChromium', () => {
  it('takes QUARRY_CHROMIUM when it exists and reports none when it does not', () => {
    expect(findChromium({ QUARRY_CHROMIUM: '/no/such/browser', PATH: '' })).toBeNull();
    expect(findChromium({ QUARRY_CHROMIUM: process.execPath, PATH: '' })).toBe(process.execPath);
  });
});
