/**
 * The text code migration 002 runs, frozen as it was when schema v2 was written (commit
 * 6f81b0f: core/text/segments.ts segmentText, core/text/cjk.ts cjkColumns, the
 * SPACELESS_SCRIPT class of core/text/fold.ts). A migration must give the same file whatever
 * core/text becomes later, so it never imports live domain code; do not "update" this copy.
 * (Intl.Segmenter's dictionaries come with the runtime and are the one part not frozen.)
 */

interface Segment {
  start: number;
  end: number;
  text: string;
}

const SEGMENT_TARGET = 2000;

const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const SPACELESS_CHAR = new RegExp(SPACELESS_SCRIPT.source, 'gu');

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Splits [start, end) of `text` into trimmed pieces of at most about `target` characters. */
function splitLong(text: string, start: number, end: number, target: number, out: Segment[]): void {
  let from = start;
  while (from < end) {
    while (from < end && isSpace(text[from])) from++;
    if (from >= end) return;
    let to = end;
    if (end - from > target) {
      to = from + target;
      let cut = to;
      while (cut > from + target / 2 && !isSpace(text[cut])) cut--;
      if (cut > from + target / 2) to = cut;
      else if (/[\uDC00-\uDFFF]/.test(text[to] ?? '')) to--;
    }
    let trimmed = to;
    while (trimmed > from && isSpace(text[trimmed - 1])) trimmed--;
    if (trimmed > from) out.push({ start: from, end: trimmed, text: text.slice(from, trimmed) });
    from = to;
  }
}

/** Search segments of a text with no turn breaks (memo bodies): blank lines separate them. */
export function segmentTextV2(text: string, target = SEGMENT_TARGET): Segment[] {
  const out: Segment[] = [];
  const paragraph = /\n[ \t]*\n/g;
  let from = 0;
  for (let m = paragraph.exec(text); m !== null; m = paragraph.exec(text)) {
    splitLong(text, from, m.index, target, out);
    from = m.index + m[0].length;
  }
  splitLong(text, from, text.length, target, out);
  return out;
}

function segmenterLocale(text: string): string {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Thai}/u.test(text)) return 'th';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  return 'zh';
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmentWords(text: string): string[] {
  const locale = segmenterLocale(text);
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  const out: string[] = [];
  for (const part of segmenter.segment(text)) if (part.isWordLike) out.push(part.segment.toLowerCase());
  return out;
}

function charTokens(text: string): string {
  return text.toLowerCase().replace(SPACELESS_CHAR, ' $& ').trim().replace(/\s+/g, ' ');
}

/** The search_cjk columns of a segment, or null when it holds no spaceless script. */
export function cjkColumnsV2(text: string): { words: string; chars: string } | null {
  if (!SPACELESS_SCRIPT.test(text)) return null;
  const words = segmentWords(text);
  return { words: words.join(' '), chars: words.map(charTokens).join(' ') };
}
