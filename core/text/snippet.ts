/**
 * A one-line snippet around a hit: about 60 characters either side, cut at word boundaries
 * where possible, with the hit wrapped in « » and "…" where text was left out.
 */

export const HIT_OPEN = '«';
export const HIT_CLOSE = '»';
const CONTEXT = 60;
const SLACK = 15;

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

export function makeSnippet(text: string, start: number, end: number, context = CONTEXT): string {
  return makeSnippetIn({ text, offset: 0, total: text.length }, start, end, context);
}

/**
 * A piece of a longer text: `text` starts at UTF-16 offset `offset` of the whole, whose
 * length is `total` (Infinity when only known to run past the piece).
 */
export interface TextWindow {
  text: string;
  offset: number;
  total: number;
}

/**
 * The same snippet as makeSnippet on the whole text, cut from a window that holds at least
 * `context` + 1 code units either side of the hit (or reaches the text's ends).
 */
export function makeSnippetIn(win: TextWindow, start: number, end: number, context = CONTEXT): string {
  const { text, offset, total } = win;
  const slice = (a: number, b: number) => text.slice(a - offset, b - offset);
  const codeAt = (i: number) => text.charCodeAt(i - offset);
  let from = Math.max(0, start - context);
  if (from > 0) {
    const space = slice(from, Math.min(start, from + SLACK)).search(/\s/);
    if (space !== -1) from += space + 1;
    if (isLow(codeAt(from))) from++;
  }
  let to = Math.min(total, end + context);
  if (to < total) {
    const window = slice(Math.max(end, to - SLACK), to);
    const space = window.search(/\s\S*$/);
    if (space !== -1) to = Math.max(end, to - SLACK) + space;
    if (isLow(codeAt(to))) to++;
  }
  const before = oneLine(slice(from, start)).trimStart();
  const hit = oneLine(slice(start, end));
  const after = oneLine(slice(end, to)).trimEnd();
  return `${from > 0 ? '…' : ''}${before}${HIT_OPEN}${hit}${HIT_CLOSE}${after}${to < total ? '…' : ''}`;
}
