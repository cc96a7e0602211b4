/**
 * Word frequency for every script: words are cut by Intl.Segmenter in the text's language
 * (so Chinese, Japanese and Thai, written without spaces, are segmented into words), folded
 * to lower case, and the language's stop words (stopwords-iso) left out, with numbers,
 * punctuation and one-letter tokens (a single Han character is a word and is kept).
 */
import { createRequire } from 'node:module';
import { segmenterLocale } from '../text/cjk.js';

let lists: Record<string, string[]> | undefined;
/** The stop word lists (a 230 KB JSON file), read on first use only: most commands never count words. */
function stopWordLists(): Record<string, string[]> {
  lists ??= createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
  return lists;
}

const stopSets = new Map<string, Set<string>>();
const segmenters = new Map<string, Intl.Segmenter>();

/** The base language of a BCP 47 tag ('zh-Hant' → 'zh'); null stays null. */
function base(language: string | null): string | null {
  return language ? (language.split('-')[0]?.toLowerCase() ?? null) : null;
}

function stopWords(language: string | null): Set<string> {
  const key = language ?? '';
  let set = stopSets.get(key);
  if (!set) {
    // English stop words are always out too: interviews in any language quote English UI words.
    const all = stopWordLists();
    set = new Set([...(all[key] ?? []), ...(all.en ?? [])].map((w) => w.toLowerCase()));
    stopSets.set(key, set);
  }
  return set;
}

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;
const HAN_ONLY = /^\p{Script=Han}$/u;
const NOT_A_WORD = /^[\p{N}\p{P}\p{S}_]+$/u;

/** The counted words of one text, in order. */
export function countableWords(text: string, language: string | null): string[] {
  const lang = base(language);
  const stop = stopWords(lang);
  const locale =
    SPACELESS.test(text) && !['zh', 'ja', 'th', 'ko'].includes(lang ?? '') ? segmenterLocale(text) : (lang ?? 'en');
  const out: string[] = [];
  for (const part of segmenter(locale).segment(text)) {
    if (!part.isWordLike) continue;
    const word = part.segment.toLocaleLowerCase(lang ?? undefined);
    if (NOT_A_WORD.test(word)) continue;
    if ([...word].length < 2 && !HAN_ONLY.test(word)) continue;
    if (stop.has(word)) continue;
    out.push(word);
  }
  return out;
}

export interface WordSource {
  documentId: number;
  text: string;
  language: string | null;
}

/** Counts words over the sources: occurrences and how many documents each word is in. */
export function wordFrequencies(
  sources: Iterable<WordSource>,
  limit: number,
): { word: string; count: number; documents: number }[] {
  const counts = new Map<string, { count: number; documents: Set<number> }>();
  for (const source of sources) {
    for (const word of countableWords(source.text, source.language)) {
      let entry = counts.get(word);
      if (!entry) {
        entry = { count: 0, documents: new Set() };
        counts.set(word, entry);
      }
      entry.count += 1;
      entry.documents.add(source.documentId);
    }
  }
  return [...counts.entries()]
    .map(([word, e]) => ({ word, count: e.count, documents: e.documents.size }))
    .sort((a, b) => b.count - a.count || b.documents - a.documents || a.word.localeCompare(b.word))
    .slice(0, limit);
}
