/**
 * Names and previews are cut by characters a reader sees (renderer/src/lib/graphemes.ts): a cut
 * never splits an emoji, a flag or a letter with its combining accent, and never leaves a lone
 * surrogate, whatever the length.
 */
import { describe, expect, it } from 'vitest';
import { clip, head } from '../../renderer/src/lib/graphemes.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('head and clip', () => {
  it('keep whole characters: ZWJ emoji, flags, combining accents, CJK and Arabic', () => {
    const family = '👨‍👩‍👧';
    expect(head(`ab${family}cd`, 3)).toBe(`ab${family}`);
    expect(clip(`ab${family}cd`, 3)).toBe(`ab${family}…`);
    expect(head('🇯🇵🇧🇷🇩🇪', 2)).toBe('🇯🇵🇧🇷');
    expect(head('Cafe\u0301 au lait', 4)).toBe('Cafe\u0301');
    expect(clip('配送が遅れました', 4)).toBe('配送が遅…');
    expect(clip('التوصيل كان بطيئا', 7)).toBe('التوصيل…');
  });

  it('leave short text alone, with no ellipsis', () => {
    expect(clip('short', 60)).toBe('short');
    expect(head('', 5)).toBe('');
    expect(clip('exactly', 7)).toBe('exactly');
  });

  it('never leave a lone surrogate, at any cut', () => {
    const text = 'Delivery 🚚 was late 😤, the box 📦 was torn 🇬🇧 and 👩🏽‍💻 support said 🤷';
    for (let n = 0; n <= 40; n++) {
      expect(head(text, n)).not.toMatch(LONE_SURROGATE);
      expect(text.startsWith(head(text, n))).toBe(true);
      // What slice did: a cut inside the truck emoji.
      if (n === 10) expect(text.slice(0, n)).toMatch(LONE_SURROGATE);
    }
  });
});
