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
function splitLong(text: string, start: number, end: number, target: number, out: Segment[]): void {
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
    if (trimmed > from) out.push({ start: from, end: trimmed, text: text.slice(from, trimmed) });
    from = to;
  }
}

/**
 * `breaks` are offsets where a new region begins (e.g. each turn's line start); within a
 * region, blank lines separate paragraphs.
 */
export function segmentText(text: string, breaks: readonly number[] = [], target = SEGMENT_TARGET): Segment[] {
  const bounds = [...new Set([0, ...breaks.filter((b) => b > 0 && b < text.length), text.length])].sort(
    (a, b) => a - b,
  );
  const out: Segment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const regionStart = bounds[i] as number;
    const regionEnd = bounds[i + 1] as number;
    const paragraph = /\n[ \t]*\n/g;
    paragraph.lastIndex = regionStart;
    let from = regionStart;
    for (let m = paragraph.exec(text); m !== null && m.index < regionEnd; m = paragraph.exec(text)) {
      splitLong(text, from, m.index, target, out);
      from = Math.min(m.index + m[0].length, regionEnd);
    }
    splitLong(text, from, regionEnd, target, out);
  }
  return out;
}

/** The offset where the line holding `offset` begins. */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The code-point index of each UTF-16 offset (ascending), in one pass: SQLite's substr()
 * counts characters, so a segment's text can be fetched without loading the whole owner.
 */
export function codePointOffsets(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let unit = 0;
  let chars = 0;
  for (const offset of offsets) {
    while (unit < offset && unit < text.length) {
      const code = text.charCodeAt(unit);
      const next = text.charCodeAt(unit + 1);
      // A surrogate pair is one character to SQLite; a lone surrogate becomes U+FFFD, also one.
      unit += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      chars++;
    }
    out.push(chars);
  }
  return out;
}

/** Segments with their start as a code-point index too (see codePointOffsets). */
export function withCharStarts<T extends { start: number }>(
  text: string,
  segments: readonly T[],
): (T & { charStart: number })[] {
  const chars = codePointOffsets(
    text,
    segments.map((s) => s.start),
  );
  return segments.map((s, i) => ({ ...s, charStart: chars[i] as number }));
}
