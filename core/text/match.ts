/**
 * Where a query matched inside a piece of text, as UTF-16 offsets into that text. FTS5 says
 * WHICH segments match; this says WHERE, folding the text exactly as the index that answered
 * folded it (core/text/fold.ts). No match here means no hit: a segment the index returned
 * but that cannot be placed exactly is dropped by the caller, never shown somewhere else.
 */
import { type Folded, fold, foldCase, originalSpan, wordTokens } from './fold.js';
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

/**
 * Earliest word-aligned match of any term (phrases as consecutive words, prefixes on the
 * last word), on the same folded words the word index holds.
 */
export function findWordMatch(text: string, terms: readonly QueryTerm[]): Span | null {
  const folded = fold(text);
  const tokens = wordTokens(folded.text);
  let best: Span | null = null;
  for (const term of terms) {
    const words = term.words;
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

const MARK = /^\p{M}/u;

/**
 * Where `needle` occurs in the folded text without cutting a character cluster (a Thai tone
 * mark or vowel sign after it would make it another word), or -1.
 */
function clusterAlignedIndex(folded: Folded, needle: string, from = 0): number {
  let at = folded.text.indexOf(needle, from);
  while (at !== -1) {
    const startsCluster = at === 0 || folded.starts[at] !== folded.starts[at - 1];
    const end = at + needle.length;
    const endsCluster = end >= folded.text.length || folded.starts[end] !== folded.starts[end - 1];
    if (startsCluster && endsCluster && !MARK.test(needle)) return at;
    at = folded.text.indexOf(needle, at + 1);
  }
  return -1;
}

/**
 * Earliest substring match of any term (for scripts without spaces), folding case only, as
 * the trigram and CJK indexes do.
 */
export function findSubstringMatch(text: string, terms: readonly QueryTerm[]): Span | null {
  const folded = foldCase(text);
  let best: Span | null = null;
  for (const term of terms) {
    const needle = term.raw.trim().toLowerCase();
    if (!needle) continue;
    const at = clusterAlignedIndex(folded, needle);
    if (at !== -1) best = better(best, originalSpan(folded, at, at + needle.length));
  }
  return best;
}
