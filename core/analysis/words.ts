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

const SPACELESS_RUN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}ー]/u;
/**
 * Either a stretch of a script written without spaces — up to twelve runs with the
 * punctuation and spaces between them, so Intl.Segmenter gets pieces of a sentence or two —
 * or one word of a spaced script (letters, marks and digits, with inner apostrophes and
 * hyphens: "don't", "e-mail").
 */
const TOKEN =
  /(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}ー]+[\p{P}\p{N}\s]*){1,12}|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const HAN_ONLY = /^\p{Script=Han}$/u;
const DIGITS = /^[\p{N}]+$/u;
/** Languages whose lower case differs from the root locale's (dotted/dotless i). */
const LOCALE_LOWER = new Set(['tr', 'az', 'lt']);

/**
 * The counted words of one text, in order. Intl.Segmenter is used only on stretches of
 * Chinese, Japanese, Thai or Korean: in Node each call has a high fixed cost and the time per
 * word grows with the string's length (measured: 18 µs a word on 200-character pieces of
 * English, minutes for a 1 MB string), far too slow for two million words of spaced text,
 * which a regular expression cuts the same way. Stretches of 50–200 characters were fastest.
 */
/** What each raw token counts as ('' for not counted), per language: words repeat, so most tokens are looked up once. */
const verdicts = new Map<string, Map<string, string>>();

function verdictsFor(lang: string | null): Map<string, string> {
  const key = lang ?? '';
  let map = verdicts.get(key);
  if (!map || map.size > 200_000) {
    map = new Map();
    verdicts.set(key, map);
  }
  return map;
}

/**
 * Calls `found` for each counted word of one text, with where its raw token lies in the text:
 * word frequency and keywords in context walk the same tokens, so a word one counts the other finds.
 */
export function forEachWord(
  text: string,
  language: string | null,
  found: (word: string, start: number, end: number) => void,
): void {
  const lang = base(language);
  const stop = stopWords(lang);
  const seen = verdictsFor(lang);
  const judge = (raw: string): string => {
    const word = foldWord(raw, lang);
    if (DIGITS.test(word) || stop.has(word)) return '';
    const oneCharacter = word.length === 1 || (word.length === 2 && word.codePointAt(0) !== word.charCodeAt(0));
    return oneCharacter && !HAN_ONLY.test(word) ? '' : word;
  };
  const keep = (raw: string, start: number) => {
    let word = seen.get(raw);
    if (word === undefined) {
      word = judge(raw);
      seen.set(raw, word);
    }
    if (word !== '') found(word, start, start + raw.length);
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (!SPACELESS_RUN.test(token)) {
      keep(token, match.index);
      continue;
    }
    const locale = lang && ['zh', 'ja', 'th', 'ko'].includes(lang) ? lang : segmenterLocale(token);
    for (const part of segmenter(locale).segment(token))
      if (part.isWordLike) keep(part.segment, match.index + part.index);
  }
}

/** Lower case as word frequency folds it (Turkish, Azeri and Lithuanian in their own locale). */
function foldWord(raw: string, lang: string | null): string {
  return lang && LOCALE_LOWER.has(lang) ? raw.toLocaleLowerCase(lang) : raw.toLowerCase();
}

/** A word typed by someone (a search box, the CLI) folded the way counted words are. */
export function foldQuery(word: string, language: string | null = null): string {
  return foldWord(word.normalize('NFC').trim(), base(language));
}

/** Whether the text can hold the (folded) word at all: a cheap test before segmenting it. */
export function mayContain(text: string, language: string | null, folded: string): boolean {
  return foldWord(text, base(language)).includes(folded);
}

export function countableWords(text: string, language: string | null): string[] {
  const out: string[] = [];
  forEachWord(text, language, (word) => out.push(word));
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
