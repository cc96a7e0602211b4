/**
 * Splits a document into display blocks (turns or paragraphs) and each block into text
 * segments cut at every excerpt boundary, so coded spans can be coloured and every rendered
 * piece knows its exact [start, end) in the stored text (UTF-16 code units).
 */
import type { CodeRef, DocumentDetail, Excerpt, ExcerptId } from '../../../core/contract/index.js';

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Excerpts covering this segment, innermost (shortest) first. */
  excerpts: ExcerptId[];
  /** The colour to highlight with: the innermost excerpt's first code, or null when uncoded. */
  color: string | null;
  /** Inside the range being coded right now (the quick picker's target). */
  pending: boolean;
}

export interface Block {
  key: string;
  start: number;
  end: number;
  speaker: string | null;
  startMs: number | null;
  segments: Segment[];
  /** Codes applied to excerpts touching this block, for the margin stripes; null for an uncoded excerpt. */
  stripes: { excerptId: ExcerptId; code: CodeRef | null }[];
}

interface Range {
  start: number;
  end: number;
  speaker: string | null;
  startMs: number | null;
}

/** Turns when the document has them; otherwise paragraphs split on blank lines. */
export function blockRanges(doc: Pick<DocumentDetail, 'text' | 'turns'>): Range[] {
  const { text } = doc;
  if (doc.turns.length === 0) return paragraphRanges(text, 0, text.length);
  const ranges: Range[] = [];
  const turns = [...doc.turns].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const turn of turns) {
    const labelStart = labelLineStart(text, turn);
    const gapEnd = Math.max(cursor, Math.min(labelStart, turn.start));
    if (gapEnd > cursor) ranges.push(...paragraphRanges(text, cursor, gapEnd));
    ranges.push({ start: turn.start, end: turn.end, speaker: turn.speaker, startMs: turn.startMs });
    cursor = Math.max(cursor, turn.end);
  }
  if (cursor < text.length) ranges.push(...paragraphRanges(text, cursor, text.length));
  return ranges;
}

/** What follows the name on a header line: a time, bracketed or not, and nothing else. */
const HEADER_TIME = /^[ \t]*[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?$/;

/**
 * Where a turn's label begins: a turn's text starts after its label ("Ana: ", "[00:01] Bo:"),
 * or below a header line alone above the speech (Otter's "Speaker 1  0:03", Teams'
 * "Anna Souza (00:00:05)"). The label is not content: the block shows it as the speaker and time.
 */
function labelLineStart(text: string, turn: { speaker: string | null; start: number }): number {
  const lineStart = text.lastIndexOf('\n', turn.start - 1) + 1;
  if (turn.speaker === null || text.slice(lineStart, turn.start).trim() !== '') return lineStart;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line === '') {
      end = start - 1;
      continue;
    }
    const rest = line.startsWith(turn.speaker) ? line.slice(turn.speaker.length) : null;
    return rest !== null && HEADER_TIME.test(rest) ? start : lineStart;
  }
  return lineStart;
}

function paragraphRanges(text: string, from: number, to: number): Range[] {
  const ranges: Range[] = [];
  // Search only this stretch: a regex over the whole text per gap made long transcripts quadratic.
  const part = text.slice(from, to);
  if (part.trim() === '') return ranges;
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = separator.exec(part); m; m = separator.exec(part)) {
    pushTrimmed(ranges, text, from + start, from + m.index);
    start = m.index + m[0].length;
  }
  pushTrimmed(ranges, text, from + start, to);
  return ranges;
}

function pushTrimmed(ranges: Range[], text: string, start: number, end: number) {
  let s = start;
  let e = Math.min(end, text.length);
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) ranges.push({ start: s, end: e, speaker: null, startMs: null });
}

/**
 * `plain`: one segment per block (the CSS Custom Highlight API paints codes over it), so a
 * coding changes only the margin stripes, never the text nodes.
 */
export function buildBlocks(
  doc: Pick<DocumentDetail, 'text' | 'turns'>,
  excerpts: readonly Excerpt[],
  pending: { start: number; end: number } | null = null,
  plain = false,
): Block[] {
  const byLength = [...excerpts].sort((a, b) => a.end - a.start - (b.end - b.start));
  const byStart = [...byLength].sort((a, b) => a.start - b.start);
  return blockRanges(doc).map((range) => {
    if (plain) {
      return {
        key: `${range.start}-${range.end}`,
        start: range.start,
        end: range.end,
        speaker: range.speaker,
        startMs: range.startMs,
        segments: [
          {
            start: range.start,
            end: range.end,
            text: doc.text.slice(range.start, range.end),
            excerpts: [],
            color: null,
            pending: false,
          },
        ],
        stripes: stripesOf(byStart, range),
      };
    }
    const touching = byLength.filter((x) => x.start < range.end && x.end > range.start && x.end > x.start);
    const cuts = new Set<number>([range.start, range.end]);
    for (const x of touching) {
      if (x.start > range.start) cuts.add(x.start);
      if (x.end < range.end) cuts.add(x.end);
    }
    if (pending && pending.start < range.end && pending.end > range.start) {
      if (pending.start > range.start) cuts.add(pending.start);
      if (pending.end < range.end) cuts.add(pending.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i] as number;
      const end = points[i + 1] as number;
      const covering = touching.filter((x) => x.start <= start && x.end >= end);
      segments.push({
        start,
        end,
        text: doc.text.slice(start, end),
        excerpts: covering.map((x) => x.id),
        color: covering[0]?.codes[0]?.color ?? null,
        pending: pending !== null && pending.start <= start && pending.end >= end,
      });
    }
    const stripes = stripesOf(byStart, range);
    return {
      key: `${range.start}-${range.end}`,
      start: range.start,
      end: range.end,
      speaker: range.speaker,
      startMs: range.startMs,
      segments,
      stripes,
    };
  });
}

function stripesOf(byStart: readonly Excerpt[], range: { start: number; end: number }): Block['stripes'] {
  return byStart
    .filter((x) => x.start < range.end && x.end > range.start && x.end > x.start)
    .flatMap((x): Block['stripes'] =>
      x.codes.length > 0 ? x.codes.map((code) => ({ excerptId: x.id, code })) : [{ excerptId: x.id, code: null }],
    );
}

/** Shrinks [start, end) so it neither starts nor ends on whitespace; null when nothing is left. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}
