import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/text/segments.js';

describe('segmentText across many turns', () => {
  it('splits each region at its own blank lines, and only there', () => {
    const turns = Array.from({ length: 500 }, (_, i) =>
      i % 50 === 0 ? `T${i}: first\n\nsecond ${i}\n` : `T${i}: line\n`,
    );
    const text = turns.join('');
    const breaks: number[] = [];
    let at = 0;
    for (const t of turns) {
      breaks.push(at);
      at += t.length;
    }
    const segments = segmentText(text, breaks);
    // 500 turns, ten of which hold a blank line and so make two segments.
    expect(segments).toHaveLength(510);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(segments.filter((s) => s.text.startsWith('second')).map((s) => s.text)).toHaveLength(10);
  });
});
