/**
 * The offset conversion migration 003 runs, frozen as it was when schema v3 was written
 * (commit fa3e523: core/text/segments.ts utf8Offsets). A migration must give the same file
 * whatever core/text becomes later, so it never imports live domain code.
 */

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The UTF-8 byte offset of each UTF-16 offset (in any order), as SQLite stores the text: a
 * surrogate pair is 4 bytes, a lone surrogate becomes U+FFFD (3 bytes).
 */
export function utf8OffsetsV3(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(offsets.length);
  let unit = 0;
  let bytes = 0;
  for (const [offset, index] of order) {
    while (unit < offset && unit < text.length) {
      const code = text.charCodeAt(unit);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(unit + 1))) {
        bytes += 4;
        unit++;
      } else bytes += 3;
      unit++;
    }
    out[index] = bytes;
  }
  return out;
}
