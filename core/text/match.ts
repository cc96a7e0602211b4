/**
 * Where a query matched inside a piece of text, as UTF-16 offsets into that text. FTS5 says
 * WHICH segments match; this says WHERE, folding case and diacritics the way the index does.
 */
import { fold, foldString, originalSpan, wordTokens } from './fold.js';
import type { QueryTerm } from './query.js';

export interface Span {
  start: number;
  end: number;
}

function better(a: Span | null, b: Span | null): Span | null {
  if (!a) return b;
  if (!b) return a;
  if (b.start < a.start || (b.start === a.start && b.end > a.end)) return b;
  return a;
}

/** Earliest word-aligned match of any term (phrases as consecutive words, prefixes on the last word). */
export function findWordMatch(text: string, terms: readonly QueryTerm[]): Span | null {
  const folded = fold(text);
  const tokens = wordTokens(folded.text);
  let best: Span | null = null;
  for (const term of terms) {
    const words = wordTokens(foldString(term.words.join(' '))).map((t) => t.text);
    if (words.length === 0) continue;
    for (let i = 0; i + words.length <= tokens.length; i++) {
      const ok = words.every((w, k) => {
        const token = tokens[i + k]?.text ?? '';
        return term.prefix && k === words.length - 1 ? token.startsWith(w) : token === w;
      });
      if (ok) {
        const first = tokens[i];
        const last = tokens[i + words.length - 1];
        if (first && last) best = better(best, originalSpan(folded, first.from, last.to));
        break;
      }
    }
  }
  return best;
}

/** Earliest substring match of any term (for scripts without spaces). */
export function findSubstringMatch(text: string, terms: readonly QueryTerm[]): Span | null {
  const folded = fold(text);
  let best: Span | null = null;
  for (const term of terms) {
    const needle = foldString(term.raw.trim());
    if (!needle) continue;
    const at = folded.text.indexOf(needle);
    if (at !== -1) best = better(best, originalSpan(folded, at, at + needle.length));
  }
  return best;
}

/** Whether the text contains the term as a substring (folded). */
export function containsTerm(text: string, term: QueryTerm): boolean {
  const needle = foldString(term.raw.trim());
  return needle.length > 0 && foldString(text).includes(needle);
}
