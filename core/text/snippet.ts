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
  let from = Math.max(0, start - context);
  if (from > 0) {
    const space = text.slice(from, Math.min(start, from + SLACK)).search(/\s/);
    if (space !== -1) from += space + 1;
    if (isLow(text.charCodeAt(from))) from++;
  }
  let to = Math.min(text.length, end + context);
  if (to < text.length) {
    const window = text.slice(Math.max(end, to - SLACK), to);
    const space = window.search(/\s\S*$/);
    if (space !== -1) to = Math.max(end, to - SLACK) + space;
    if (isLow(text.charCodeAt(to))) to++;
  }
  const before = oneLine(text.slice(from, start)).trimStart();
  const hit = oneLine(text.slice(start, end));
  const after = oneLine(text.slice(end, to)).trimEnd();
  return `${from > 0 ? '…' : ''}${before}${HIT_OPEN}${hit}${HIT_CLOSE}${after}${to < text.length ? '…' : ''}`;
}
