/**
 * Find-in-document: case- and diacritic-insensitive substring matching that reports exact
 * UTF-16 offsets into the original text. The text is folded once (lower case, combining
 * marks dropped) with a map from every folded code unit back to its source character, so
 * "cafe" finds "Café" and CJK matches as plain substrings.
 */

export interface Folded {
  text: string;
  /** For each folded code unit: start of the source character. */
  from: Int32Array;
  /** For each folded code unit: end of the source character. */
  to: Int32Array;
}

const MARKS = /\p{M}/gu;

export function foldString(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function foldText(text: string): Folded {
  const parts: string[] = [];
  // Folding rarely lengthens text (ß stays, İ becomes i̇ then i); the arrays grow if it does.
  let fromArr = new Int32Array(text.length + 1);
  let toArr = new Int32Array(text.length + 1);
  let n = 0;
  let i = 0;
  const push = (unit: string, a: number, b: number) => {
    if (n >= fromArr.length) {
      const f = new Int32Array(fromArr.length * 2);
      f.set(fromArr);
      fromArr = f;
      const t = new Int32Array(toArr.length * 2);
      t.set(toArr);
      toArr = t;
    }
    fromArr[n] = a;
    toArr[n] = b;
    n++;
    parts.push(unit);
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: most of an English transcript.
      push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : (text[i] as string), i, i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldString(text.slice(i, i + width));
    for (const unit of folded) {
      for (let k = 0; k < unit.length; k++) push(unit[k] as string, i, i + width);
    }
    i += width;
  }
  return { text: parts.join(''), from: fromArr.subarray(0, n), to: toArr.subarray(0, n) };
}

/** Every non-overlapping match of `query` as original offsets, at most `limit`. */
export function findAll(folded: Folded, query: string, limit = 5000): { start: number; end: number }[] {
  const q = foldString(query);
  if (q.trim() === '') return [];
  const out: { start: number; end: number }[] = [];
  for (let at = folded.text.indexOf(q); at >= 0 && out.length < limit; at = folded.text.indexOf(q, at + q.length)) {
    out.push({ start: folded.from[at] as number, end: folded.to[at + q.length - 1] as number });
  }
  return out;
}
