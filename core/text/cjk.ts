/**
 * Word segmentation for scripts written without spaces (Chinese, Japanese, Thai, and Korean
 * runs), for the third search index. The trigram index cannot hold one- or two-character
 * words such as 价格 or 配送, so each segment is also indexed as two columns:
 *   words — the Intl.Segmenter words, space-joined (phrase queries across words);
 *   parts — every proper suffix of each multi-character word, so that a prefix query on
 *           either column finds any substring of a word (低价格 → 价格 is a suffix).
 * The index only says which segments match; offsets come from matching the original text.
 */
import { SPACELESS_SCRIPT } from './fold.js';

const segmenters = new Map<string, Intl.Segmenter>();

/** The segmenter locale for a piece of text, by its script. */
export function segmenterLocale(text: string): string {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Thai}/u.test(text)) return 'th';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  return 'zh';
}

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** The word-like segments of `text`, in order, lower-cased. */
export function segmentWords(text: string, locale = segmenterLocale(text)): string[] {
  const out: string[] = [];
  for (const part of segmenter(locale).segment(text)) {
    if (part.isWordLike) out.push(part.segment.toLowerCase());
  }
  return out;
}

export const hasSpacelessScript = (text: string): boolean => SPACELESS_SCRIPT.test(text);

export interface CjkColumns {
  words: string;
  chars: string;
}

const SPACELESS_CHAR = new RegExp(SPACELESS_SCRIPT.source, 'gu');

/** Each spaceless-script character as its own token; other words stay whole. */
export function charTokens(text: string): string {
  return text.toLowerCase().replace(SPACELESS_CHAR, ' $& ').trim().replace(/\s+/g, ' ');
}

/** The two index columns for a segment, or null when it holds no spaceless script. */
export function cjkColumns(text: string): CjkColumns | null {
  if (!hasSpacelessScript(text)) return null;
  const words = segmentWords(text);
  return { words: words.join(' '), chars: words.map(charTokens).join(' ') };
}
