/**
 * Case- and diacritic-insensitive matching that reports offsets in the ORIGINAL text:
 * each character is folded on its own, and every folded code unit remembers which original
 * span produced it.
 */

export interface Folded {
  text: string;
  /** For each folded code unit: start of the original character it came from. */
  starts: number[];
  /** For each folded code unit: end (exclusive) of that original character. */
  ends: number[];
}

const MARKS = /\p{M}/gu;
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

export function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Folds a plain string (for queries). */
export function foldString(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function fold(text: string): Folded {
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  let i = 0;
  // A base character with its combining marks folds as one unit, so a hit on decomposed
  // text ("e" + U+0301) covers the marks too.
  for (const [ch] of text.matchAll(CLUSTER)) {
    const end = i + ch.length;
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(end);
    }
    out += f;
    i = end;
  }
  return { text: out, starts, ends };
}

/** Original [start, end) of folded [from, to). */
export function originalSpan(folded: Folded, from: number, to: number): { start: number; end: number } {
  return { start: folded.starts[from] ?? 0, end: folded.ends[to - 1] ?? folded.starts[from] ?? 0 };
}

export interface Token {
  text: string;
  /** Offsets into the folded text. */
  from: number;
  to: number;
}

/** Word tokens the way FTS5's unicode61 sees them: runs of letters, digits and private-use characters. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

export function wordTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], from: m.index, to: m.index + m[0].length });
  return out;
}

/** Characters of scripts written without spaces between words, which need the trigram index. */
export const SPACELESS_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
