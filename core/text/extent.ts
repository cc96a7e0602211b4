/**
 * How much text "code all hits" turns into an excerpt around a hit: the match itself, the
 * sentence(s) holding it, or its whole turn. Sentences come from Intl.Segmenter in the
 * document's language (CJK 。！？ end sentences as . ! ? do in Latin scripts); an excerpt never
 * starts or ends on whitespace.
 */
import { segmenterLocale } from './cjk.js';
import { SPACELESS_SCRIPT } from './fold.js';

export type CodeExtent = 'match' | 'sentence' | 'turn';

export interface Range {
  start: number;
  end: number;
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function sentences(locale: string): Intl.Segmenter {
  let s = sentenceSegmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    sentenceSegmenters.set(locale, s);
  }
  return s;
}

/** [start, end) of `text` (offsets into the whole) without whitespace at either edge. */
export function trimRange(text: string, start: number, end: number): Range {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a] as string)) a++;
  while (b > a && /\s/.test(text[b - 1] as string)) b--;
  return { start: a, end: b };
}

/** The locale to cut sentences with: the document's language, else one guessed from the script. */
export function sentenceLocale(language: string | null, sample: string): string {
  if (language) {
    try {
      return Intl.Segmenter.supportedLocalesOf([language])[0] ?? 'en';
    } catch {
      // A malformed tag in old data: fall back to the script.
    }
  }
  return SPACELESS_SCRIPT.test(sample) ? segmenterLocale(sample) : 'en';
}

/**
 * The sentences of `text` within `container` that overlap the hit, as one range (a hit
 * across a sentence end takes both sentences).
 */
export function sentenceAround(text: string, container: Range, hit: Range, locale: string): Range {
  const inner = text.slice(container.start, container.end);
  let start = hit.start;
  let end = hit.end;
  for (const s of sentences(locale).segment(inner)) {
    const from = container.start + s.index;
    const to = from + s.segment.length;
    if (from < hit.end && to > hit.start) {
      start = Math.min(start, from);
      end = Math.max(end, to);
    }
  }
  return trimRange(text, start, end);
}

/** The range to code for one hit; `container` is its turn (or its paragraph outside turns). */
export function extentOf(text: string, extent: CodeExtent, hit: Range, container: Range, locale: string): Range {
  if (extent === 'match') return hit;
  const box = { start: Math.min(container.start, hit.start), end: Math.max(container.end, hit.end) };
  if (extent === 'turn') return trimRange(text, box.start, box.end);
  return sentenceAround(text, box, hit, locale);
}
