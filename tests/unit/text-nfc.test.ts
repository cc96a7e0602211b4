import { describe, expect, it } from 'vitest';
import { toNfc } from '../../core/text/decode.js';

describe('toNfc (line blocks, for large files)', () => {
  const line = (i: number) => `${i}: cafe\u0301 배송 e\u0301\u0323 Å\u030a done\n`;
  const big = Array.from({ length: 100_000 }, (_, i) => line(i)).join('');

  it('gives exactly what normalising the whole text gives', () => {
    expect(big.length).toBeGreaterThan(2 << 20);
    expect(toNfc(big)).toBe(big.normalize('NFC'));
  });

  it('returns text already in NFC unchanged, and composes a mark only at the very end', () => {
    const nfc = big.normalize('NFC');
    expect(toNfc(nfc)).toBe(nfc);
    expect(toNfc(`${nfc}e\u0301`)).toBe(`${nfc}\u00e9`);
  });
});
