/**
 * Cuts a document into search segments: one per turn (or per paragraph outside turns),
 * long ones split near 2,000 characters at whitespace. Offsets are UTF-16 indices into the
 * text; segments never split a surrogate pair.
 */

export interface Segment {
  start: number;
  end: number;
  text: string;
}

export const SEGMENT_TARGET = 2000;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Splits [start, end) of `text` into trimmed pieces of at most about `target` characters. */
function splitLong(text: string, start: number, end: number, target: number, visit: (s: Segment) => void): void {
  let from = start;
  while (from < end) {
    while (from < end && isSpace(text[from])) from++;
    if (from >= end) return;
    let to = end;
    if (end - from > target) {
      to = from + target;
      // Prefer the last whitespace in the second half of the window; else cut hard.
      let cut = to;
      while (cut > from + target / 2 && !isSpace(text[cut])) cut--;
      if (cut > from + target / 2) to = cut;
      else if (/[\uDC00-\uDFFF]/.test(text[to] ?? '')) to--;
    }
    let trimmed = to;
    while (trimmed > from && isSpace(text[trimmed - 1])) trimmed--;
    if (trimmed > from) visit({ start: from, end: trimmed, text: text.slice(from, trimmed) });
    from = to;
  }
}

/**
 * `breaks` are offsets where a new region begins (e.g. each turn's line start); within a
 * region, blank lines separate paragraphs.
 */
export function segmentText(text: string, breaks: readonly number[] = [], target = SEGMENT_TARGET): Segment[] {
  const out: Segment[] = [];
  forEachSegment(text, breaks, (segment) => out.push(segment), target);
  return out;
}

/**
 * segmentText one segment at a time, in text order, so a long document is stored without an
 * array of all its segments (issue 8: a million-cue transcript has 200,000).
 */
export function forEachSegment(
  text: string,
  breaks: readonly number[],
  visit: (segment: Segment) => void,
  target = SEGMENT_TARGET,
): void {
  const bounds = [...new Set([0, ...breaks.filter((b) => b > 0 && b < text.length), text.length])].sort(
    (a, b) => a - b,
  );
  // Blank-line gaps are found in one forward pass over the whole text; scanning from each region's
  // start instead made import quadratic in the number of turns (a 20,000-turn file took 10 s).
  const gaps = text.matchAll(/\n[ \t]*\n/g);
  let gap: readonly [number, number] | null = null;
  const nextGap = () => {
    const m = gaps.next();
    gap = m.done ? null : [m.value.index, m.value.index + m.value[0].length];
  };
  nextGap();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const regionStart = bounds[i] as number;
    const regionEnd = bounds[i + 1] as number;
    while (gap !== null && (gap as readonly [number, number])[0] < regionStart) nextGap();
    let from = regionStart;
    while (gap !== null) {
      const [gapStart, gapEnd] = gap as readonly [number, number];
      if (gapStart >= regionEnd) break;
      splitLong(text, from, gapStart, target, visit);
      from = Math.min(gapEnd, regionEnd);
      nextGap();
    }
    splitLong(text, from, regionEnd, target, visit);
  }
}

/** The offset where the line holding `offset` begins. */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The UTF-8 byte offset of each UTF-16 offset (offsets in any order), as SQLite stores the
 * text: a surrogate pair is 4 bytes, a lone surrogate becomes U+FFFD (3 bytes).
 */
export function utf8Offsets(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(offsets.length);
  const at = utf8Cursor(text);
  for (const [offset, index] of order) out[index] = at(offset);
  return out;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** utf8Offsets for offsets that never decrease (segments in text order), without sorting them. */
export function utf8Cursor(text: string): (offset: number) => number {
  let unit = 0;
  let bytes = 0;
  return (offset) => {
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
    return bytes;
  };
}

/** Segments with their UTF-8 byte range too (see utf8Offsets; schema v3). */
export function withByteRanges<T extends { start: number; end: number }>(
  text: string,
  segments: readonly T[],
): (T & { byteStart: number; byteEnd: number })[] {
  const bytes = utf8Offsets(
    text,
    segments.flatMap((s) => [s.start, s.end]),
  );
  return segments.map((s, i) => ({ ...s, byteStart: bytes[2 * i] as number, byteEnd: bytes[2 * i + 1] as number }));
}
