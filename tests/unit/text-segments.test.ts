import { describe, expect, it } from 'vitest';
import { lineStartOf, segmentText } from '../../core/text/segments.js';

describe('segmentText', () => {
  it('splits paragraphs at blank lines and keeps exact offsets', () => {
    const text = 'First para.\nstill first.\n\n  Second para.  \n\n\nThird.';
    const segments = segmentText(text);
    expect(segments.map((s) => s.text)).toEqual(['First para.\nstill first.', 'Second para.', 'Third.']);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('starts a new segment at each break (turn line starts)', () => {
    const text = 'A: one\nB: two\nA: three';
    const segments = segmentText(text, [7, 14]);
    expect(segments.map((s) => s.text)).toEqual(['A: one', 'B: two', 'A: three']);
  });

  it('cuts long text near the target at whitespace, never inside a surrogate pair', () => {
    const words = Array.from({ length: 1200 }, (_, i) => (i % 7 === 0 ? '😀x' : `word${i}`)).join(' ');
    const segments = segmentText(words);
    expect(segments.length).toBeGreaterThan(3);
    for (const s of segments) {
      expect(s.end - s.start).toBeLessThanOrEqual(2000);
      expect(words.slice(s.start, s.end)).toBe(s.text);
      expect(/^[\uDC00-\uDFFF]/.test(s.text)).toBe(false);
      expect(/[\uD800-\uDBFF]$/.test(s.text)).toBe(false);
    }
    const noSpaces = '汉'.repeat(5000);
    const cjk = segmentText(noSpaces);
    expect(cjk.map((s) => s.text).join('')).toBe(noSpaces);
  });

  it('gives nothing for whitespace and finds line starts', () => {
    expect(segmentText(' \n\n \t')).toEqual([]);
    expect(lineStartOf('ab\ncd', 4)).toBe(3);
    expect(lineStartOf('ab\ncd', 0)).toBe(0);
  });
});
