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

const HAS_MARK = /\p{M}/u;

export function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * foldChar for one character or cluster, remembered: a text repeats few distinct characters,
 * and normalize + a Unicode regex per character was most of a search's JavaScript time. A
 * pure function of its argument, so the memo is safe for the life of the process; bounded.
 */
const folds = new Map<string, string>();
function foldCached(ch: string): string {
  let f = folds.get(ch);
  if (f === undefined) {
    f = foldChar(ch);
    if (folds.size >= 20_000) folds.clear();
    folds.set(ch, f);
  }
  return f;
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
  if (!HAS_MARK.test(text)) {
    // No combining marks: every cluster is one code point (the same split as CLUSTER).
    while (i < text.length) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      const end = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? i + 2 : i + 1;
      const f = foldCached(text.slice(i, end));
      for (let k = 0; k < f.length; k++) {
        starts.push(i);
        ends.push(end);
      }
      out += f;
      i = end;
    }
    return { text: out, starts, ends };
  }
  // A base character with its combining marks folds as one unit, so a hit on decomposed
  // text ("e" + U+0301) covers the marks too.
  for (const [ch] of text.matchAll(CLUSTER)) {
    const end = i + ch.length;
    const f = foldCached(ch);
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
