/**
 * Full-text search over documents and memos. Queries in Latin, Cyrillic, Arabic… go to the
 * word index (FTS5 syntax passes through); queries with Chinese, Japanese, Korean or Thai go
 * to the trigram index, or to the segmented index when a term is shorter than three
 * characters. FTS5 says which segments match; the hit's offsets come from matching the
 * original text. Snippets wrap the hit in « ».
 */
import type { SearchTable, SegmentFilters, SegmentHitRow } from '../../db/repositories/search.js';
import type {
  CodeAllResult,
  CodeId,
  CodeRef,
  DocumentId,
  ExcerptId,
  MemoHit,
  MemoTargetKind,
  SearchHit,
} from '../contract/types.js';
import { badInput } from '../errors.js';
import { SPACELESS_SCRIPT } from '../text/fold.js';
import { findSubstringMatch, findWordMatch, type Span } from '../text/match.js';
import {
  cjkExpression,
  type ParsedQuery,
  parseQuery,
  QuerySyntaxError,
  type QueryTerm,
  trigramExpression,
  wordExpression,
} from '../text/query.js';
import { makeSnippet, makeSnippetIn, type TextWindow } from '../text/snippet.js';
import { requireCodes } from './codes.js';
import type { ProjectContext } from './context.js';
import { excerptAt } from './excerpts.js';
import { memoTargetLabel } from './memos.js';

export const DEFAULT_SEARCH_LIMIT = 100;

const SYNTAX_HELP =
  'Use words, "exact phrases", prefixes like pay*, and AND / OR / NOT between terms (e.g. checkout NOT payment).';

function parse(query: string): ParsedQuery {
  try {
    return parseQuery(query);
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw badInput(`${err.message} ${SYNTAX_HELP}`);
    throw err;
  }
}

/** FTS5 rejects some operator sequences (e.g. "NOT x" alone, "a OR"); those become BadInput, not SQLite errors. */
function runFts<T>(query: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const message = (err as Error)?.message ?? '';
    if (/fts5|syntax error|malformed MATCH|unterminated|no such column/i.test(message)) {
      throw badInput(`Quarry could not read the search "${query}". ${SYNTAX_HELP}`);
    }
    throw err;
  }
}

const codePoints = (s: string) => [...s.trim()].length;

export interface SearchFilters extends SegmentFilters {}

interface Plan {
  parsed: ParsedQuery;
  positive: QueryTerm[];
  table: SearchTable;
  expression: string;
  spaceless: boolean;
}

/**
 * Which index answers a query: the word index for alphabetic scripts; for scripts without
 * spaces the trigram index when every term has three characters or more, else the
 * segmented index (which also finds one- and two-character words).
 */
export function planSearch(query: string): Plan {
  const parsed = parse(query);
  const positive = parsed.terms.filter((t) => !t.negated);
  if (positive.length === 0) {
    throw badInput(`The search "${query}" only says what to leave out. Add a word to look for. ${SYNTAX_HELP}`);
  }
  const spaceless = SPACELESS_SCRIPT.test(query);
  if (!spaceless) return { parsed, positive, table: 'words', expression: wordExpression(parsed), spaceless };
  if (parsed.terms.every((t) => codePoints(t.raw) >= 3)) {
    return { parsed, positive, table: 'trigrams', expression: trigramExpression(parsed), spaceless };
  }
  return { parsed, positive, table: 'cjk', expression: cjkExpression(parsed), spaceless };
}

export function search(
  ctx: ProjectContext,
  input: {
    query: string;
    limit?: number | undefined;
    filters?: SearchFilters | undefined;
    /** Every occurrence in each matching segment, not only the first (for review and "code all hits"). */
    every?: boolean | undefined;
  },
): SearchHit[] {
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
  const filters = input.filters ?? {};
  if (filters.codeId !== undefined) requireCodes(ctx, [filters.codeId]);
  const plan = planSearch(input.query);
  const texts = new Map<DocumentId, string>();
  const textOf = (id: DocumentId): string => {
    let text = texts.get(id);
    if (text === undefined) {
      text = ctx.repos.documents.text(id) ?? '';
      texts.set(id, text);
    }
    return text;
  };
  const rows: SegmentHitRow[] = runFts(input.query, () =>
    ctx.repos.search.matchDocuments(plan.table, plan.expression, limit, filters),
  );
  const locate = plan.spaceless ? findSubstringMatch : findWordMatch;
  const coded = ctx.repos.search.documentsWithExcerpts([...new Set(rows.map((r) => r.documentId))]);
  const hits: SearchHit[] = [];
  for (const row of rows) {
    // Only the segment and a margin either side, cut by SQLite; the whole text for old rows.
    const win = segmentWindow(row) ?? wholeText(textOf(row.documentId));
    const segment = win.text.slice(row.start - win.offset, row.end - win.offset);
    const spans = input.every ? allSpans(segment, plan.positive, locate) : [];
    if (spans.length === 0) spans.push(locate(segment, plan.positive) ?? fallbackSpan(segment, 0, segment.length));
    for (const span of spans) {
      const start = row.start + span.start;
      const end = row.start + span.end;
      const codes = coded.has(row.documentId) ? codesAt(ctx, row.documentId, start, end) : [];
      if (filters.codeId !== undefined && !codes.some((c) => c.id === filters.codeId)) continue;
      hits.push({
        documentId: row.documentId,
        documentTitle: row.documentTitle,
        start,
        end,
        snippet: makeSnippetIn(win, start, end),
        rank: row.rank,
        participant: row.participant ?? null,
        codes,
      });
    }
  }
  return hits;
}

/** The whole text as a window (segments indexed before schema v3). */
const wholeText = (text: string): TextWindow => ({ text, offset: 0, total: text.length });

/**
 * The window SQLite cut around a hit segment (UTF-8 bytes), decoded and placed in UTF-16
 * units. Its edges may cut a character in two: a partial one is dropped at either edge. The
 * window reached the end of the document when fewer bytes came back than were asked for.
 */
function segmentWindow(row: SegmentHitRow): TextWindow | null {
  const { window: bytes, windowBefore: before, windowAsked: asked } = row;
  if (bytes == null || before == null || asked == null) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  while (from < before && ((buf[from] as number) & 0xc0) === 0x80) from++;
  const atEnd = buf.length < asked;
  const to = atEnd ? buf.length : completeUpTo(buf);
  if (to < before) return null;
  const head = buf.toString('utf8', from, before);
  const text = buf.toString('utf8', from, to);
  const offset = row.start - head.length;
  return { text, offset, total: atEnd ? offset + text.length : Number.POSITIVE_INFINITY };
}

/** Where the last whole UTF-8 character of `buf` ends (a cut one at the end is dropped). */
function completeUpTo(buf: Buffer): number {
  let lead = buf.length - 1;
  while (lead > 0 && buf.length - lead < 4 && ((buf[lead] as number) & 0xc0) === 0x80) lead--;
  const byte = buf[lead] ?? 0;
  const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + size <= buf.length ? buf.length : lead;
}

/** Every match of the terms in a segment, left to right, not overlapping. */
function allSpans(
  segment: string,
  terms: QueryTerm[],
  locate: (text: string, terms: QueryTerm[]) => Span | null,
): Span[] {
  const out: Span[] = [];
  let offset = 0;
  while (offset < segment.length) {
    const span = locate(segment.slice(offset), terms);
    if (!span || span.end <= span.start) break;
    out.push({ start: offset + span.start, end: offset + span.end });
    offset += span.end;
  }
  return out;
}

/** Codes of the excerpts overlapping [start, end) of a document, each once. */
function codesAt(ctx: ProjectContext, documentId: DocumentId, start: number, end: number): CodeRef[] {
  const ids = ctx.repos.excerpts.overlapping(documentId, start, end);
  if (ids.length === 0) return [];
  const seen = new Map<CodeId, CodeRef>();
  for (const c of ctx.repos.excerpts.codings(ids)) {
    if (!seen.has(c.codeId)) seen.set(c.codeId, { id: c.codeId, name: c.name, color: c.color });
  }
  return [...seen.values()];
}

/** Memo bodies matching the query; offsets are into the memo body. */
export function searchMemos(ctx: ProjectContext, input: { query: string; limit?: number | undefined }): MemoHit[] {
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
  const plan = planSearch(input.query);
  const rows = runFts(input.query, () => ctx.repos.search.matchMemos(plan.table, plan.expression, limit));
  const locate = plan.spaceless ? findSubstringMatch : findWordMatch;
  return rows.map((row) => {
    const body = ctx.repos.memos.get(row.memoId)?.body ?? '';
    const span = locate(body.slice(row.start, row.end), plan.positive) ?? fallbackSpan(body, row.start, row.end);
    const start = row.start + span.start;
    const end = row.start + span.end;
    const targetKind = row.targetKind as MemoTargetKind;
    return {
      memoId: row.memoId as MemoHit['memoId'],
      targetKind,
      targetId: row.targetId,
      targetLabel: memoTargetLabel(ctx, targetKind, row.targetId),
      title: row.title,
      start,
      end,
      snippet: makeSnippet(body, start, end),
      rank: row.rank,
    };
  });
}

/**
 * "Code all hits": applies a code to each reviewed hit (or every hit of the query), as one
 * excerpt per hit span. Hits that already carry the code are skipped. Reviewed hits are
 * re-checked against the query so a stale review cannot code arbitrary text.
 */
export function codeAllHits(
  ctx: ProjectContext,
  input: {
    query: string;
    codeId: CodeId;
    filters?: SearchFilters | undefined;
    hits?: { documentId: DocumentId; start: number; end: number }[] | undefined;
  },
): CodeAllResult {
  requireCodes(ctx, [input.codeId]);
  const found = search(ctx, { query: input.query, limit: 10_000, filters: input.filters, every: true });
  const key = (h: { documentId: number; start: number; end: number }) => `${h.documentId}:${h.start}:${h.end}`;
  const known = new Set(found.map(key));
  let chosen: { documentId: DocumentId; start: number; end: number }[] = found;
  if (input.hits !== undefined) {
    const stale = input.hits.filter((h) => !known.has(key(h)));
    if (stale.length > 0) {
      throw badInput(
        `${stale.length} of the reviewed hits are no longer results of "${input.query}" (e.g. document ${stale[0]?.documentId} at ${stale[0]?.start}–${stale[0]?.end}). Search again and review the hits.`,
      );
    }
    chosen = input.hits;
  }
  const { repos } = ctx;
  return repos.tx(() => {
    let coded = 0;
    const excerptIds: ExcerptId[] = [];
    const texts = new Map<DocumentId, string>();
    for (const hit of chosen) {
      const id = excerptAt(ctx, hit.documentId, hit.start, hit.end, texts);
      if (repos.excerpts.addCoding(id, input.codeId, ctx.coderId)) coded++;
      excerptIds.push(id);
    }
    return { coded, excerptIds };
  });
}

/** When the index matched but the term cannot be placed (rare tokenizer differences): the segment's first word. */
function fallbackSpan(text: string, start: number, end: number): Span {
  const first = /\S+/.exec(text.slice(start, end));
  return first ? { start: first.index, end: first.index + first[0].length } : { start: 0, end: end - start };
}
