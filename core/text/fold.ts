/**
 * The one folding used by word search: the word index stores `indexWords(text)` and a query's
 * words are `wordTokens(fold(term).text)`, so the index and the query can never disagree
 * about a word; locating a hit folds the original text with the same function, character
 * cluster by cluster, and every folded code unit remembers which original span produced it.
 *
 * What folds: case (Greek final sigma as sigma), and combining marks that Unicode lists as
 * diacritics (Latin and Vietnamese accents, Arabic harakat, Hebrew points, Devanagari virama
 * and nukta), whether written precomposed or decomposed. Marks that are letters of the word
 * (Devanagari and Thai vowel signs) stay part of it, so नमस्ते is one word and never matches
 * नमस्ता. Variation selectors and marks on emoji or punctuation are dropped.
 */

export interface Folded {
  text: string;
  /** For each folded code unit: start of the original character it came from. */
  starts: number[];
  /** For each folded code unit: end (exclusive) of that original character. */
  ends: number[];
}

/** A base character with its combining marks; a run of marks without a base stands alone. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const HAS_MARK = /\p{M}/u;
/** Characters that make words, as the word index sees them (after folding). */
const WORD_BASE = /^[\p{L}\p{N}\p{Co}]/u;
/** Diacritic marks (not the kana voicing marks, which change the letter) and variation selectors. */
const FOLDED_MARKS = /(?![\u3099\u309A])(?=\p{Diacritic})\p{M}|[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/gu;

/** How one cluster folds. Pure; see foldCached. */
export function foldCluster(cluster: string): string {
  const base = String.fromCodePoint(cluster.codePointAt(0) ?? 0);
  // Marks on an emoji, a space or punctuation never start a word; nor do marks with no base.
  if (!WORD_BASE.test(base)) return HAS_MARK.test(base) ? '' : base.toLowerCase();
  return cluster.normalize('NFD').replace(FOLDED_MARKS, '').normalize('NFC').toLowerCase().replace(/ς/g, 'σ');
}

/**
 * foldCluster remembered: a text repeats few distinct clusters, and normalize + a Unicode
 * regex per character was most of a search's JavaScript time. A pure function of its
 * argument, so the memo is safe for the life of the process; bounded.
 */
const folds = new Map<string, string>();
function foldCached(ch: string): string {
  let f = folds.get(ch);
  if (f === undefined) {
    f = foldCluster(ch);
    if (folds.size >= 20_000) folds.clear();
    folds.set(ch, f);
  }
  return f;
}

/** Calls `each(cluster, start, end)` for every cluster of `text`, left to right. */
function clusters(text: string, each: (cluster: string, start: number, end: number) => void): void {
  if (!HAS_MARK.test(text)) {
    // No combining marks: every cluster is one code point (the same split as CLUSTER).
    let i = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      const end = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? i + 2 : i + 1;
      each(text.slice(i, end), i, end);
      i = end;
    }
    return;
  }
  for (const m of text.matchAll(CLUSTER)) each(m[0], m.index, m.index + m[0].length);
}

/** ASCII folds to its lower case, unit for unit (most of an English transcript). */
const ASCII = /^[^\u0080-\uffff]*$/;

/** The folded text with a map back to the original (for placing hits). */
export function fold(text: string): Folded {
  const starts: number[] = [];
  const ends: number[] = [];
  if (ASCII.test(text)) {
    for (let i = 0; i < text.length; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    return { text: text.toLowerCase(), starts, ends };
  }
  let out = '';
  clusters(text, (ch, start, end) => {
    const f = foldCached(ch);
    for (let k = 0; k < f.length; k++) {
      starts.push(start);
      ends.push(end);
    }
    out += f;
  });
  return { text: out, starts, ends };
}

/** The folded text alone: the same as fold(text).text. */
export function foldString(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  clusters(text, (ch) => {
    out += foldCached(ch);
  });
  return out;
}

/** Original [start, end) of folded [from, to). */
export function originalSpan(folded: Folded, from: number, to: number): { start: number; end: number } {
  return { start: folded.starts[from] ?? 0, end: folded.ends[to - 1] ?? folded.starts[from] ?? 0 };
}

export interface Token {
  text: string;
  /** Offsets into the (folded) text. */
  from: number;
  to: number;
}

/**
 * Words of FOLDED text: runs of letters, digits, private-use characters and the marks that
 * survived folding (a vowel sign belongs to its word).
 */
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

export function wordTokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(WORD)) out.push({ text: m[0], from: m.index, to: m.index + m[0].length });
  return out;
}

/**
 * What the word index stores for a piece of text: its folded words, space-separated. The
 * index's tokenizer (ascii: splits on the spaces, nothing else to fold) then sees exactly
 * these words, so FTS5 and the hit locator agree on every script.
 */
export function indexWords(text: string): string {
  return foldString(text).match(WORD)?.join(' ') ?? '';
}

/** The words of a query term as the index holds them. */
export const queryWords = (term: string): string[] => wordTokens(foldString(term.normalize('NFC'))).map((t) => t.text);

/** Characters of scripts written without spaces between words, which need the trigram index. */
export const SPACELESS_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * Case folding only, per cluster, with the map back: the trigram and CJK indexes fold case
 * and keep every mark (a Thai tone mark changes the word), so substring hits are placed
 * with this.
 */
export function foldCase(text: string): Folded {
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  clusters(text, (ch, start, end) => {
    const f = ch.toLowerCase();
    for (let k = 0; k < f.length; k++) {
      starts.push(start);
      ends.push(end);
    }
    out += f;
  });
  return { text: out, starts, ends };
}
