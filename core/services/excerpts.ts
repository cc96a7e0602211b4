/** Coding: tag a span with codes, untag, list excerpts with their live text. */
import type { ExcerptRow, ExcerptSpan, ExcerptWindowRow } from '../../db/repositories/excerpts.js';
import type {
  CodeId,
  CodeRef,
  CoderId,
  DocumentId,
  Excerpt,
  ExcerptId,
  ParticipantId,
  RetrievedExcerpt,
  TagResult,
} from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { utf8Offsets } from '../text/segments.js';
import { requireCodes } from './codes.js';
import type { ProjectContext } from './context.js';

/** What an excerpt stores about its span: its text and UTF-8 byte range (schema v5). */
export function excerptSpan(text: string, start: number, end: number): ExcerptSpan {
  const [byteStart, byteEnd] = utf8Offsets(text, [start, end]) as [number, number];
  return { start, end, byteStart, byteEnd, text: text.slice(start, end) };
}

/**
 * The excerpt at this span (an existing one, or a new one); `texts` caches document texts
 * across the calls of one command.
 */
export function excerptAt(
  ctx: ProjectContext,
  documentId: DocumentId,
  start: number,
  end: number,
  texts: Map<DocumentId, string> = new Map(),
): ExcerptId {
  const { repos } = ctx;
  const existing = repos.excerpts.findSpan(documentId, start, end);
  if (existing !== undefined) return existing;
  let text = texts.get(documentId);
  if (text === undefined) {
    text = repos.documents.text(documentId) ?? '';
    texts.set(documentId, text);
  }
  return repos.excerpts.insert(documentId, excerptSpan(text, start, end), ctx.coderId);
}

export function tagExcerpt(
  ctx: ProjectContext,
  input: { documentId: DocumentId; start: number; end: number; codeIds: CodeId[]; memo?: string | undefined },
): TagResult {
  const { repos } = ctx;
  const text = repos.documents.text(input.documentId);
  if (text === undefined) throw notFound(`There is no document with id ${input.documentId}.`);
  const { start, end } = input;
  checkSpan(text, input.documentId, start, end);
  requireCodes(ctx, input.codeIds);
  const excerptId = repos.tx(() => {
    const id =
      repos.excerpts.findSpan(input.documentId, start, end) ??
      repos.excerpts.insert(input.documentId, excerptSpan(text, start, end), ctx.coderId);
    for (const codeId of new Set(input.codeIds)) repos.excerpts.addCoding(id, codeId, ctx.coderId);
    const memo = input.memo?.trim();
    if (memo) {
      const existing = repos.memos.firstFor('excerpt', id);
      if (existing) repos.memos.updateBody(existing.id, memo);
      else repos.memos.insert('excerpt', id, memo, ctx.coderId);
    }
    return id;
  });
  return { excerptId, text: text.slice(start, end) };
}

/**
 * Removes one code from an excerpt. The excerpt itself stays, uncoded when that was its last
 * code: the researcher selected that text, and taking a code off is a correction, not a
 * deletion (excerpts.delete is the deliberate way to drop it).
 */
export function untagExcerpt(
  ctx: ProjectContext,
  input: { excerptId: ExcerptId; codeId: CodeId },
): { codesLeft: number } {
  const { repos } = ctx;
  if (!repos.excerpts.exists(input.excerptId)) throw notFound(`There is no excerpt with id ${input.excerptId}.`);
  const [code] = requireCodes(ctx, [input.codeId]);
  return repos.tx(() => {
    const removed = repos.excerpts.removeCode(input.excerptId, input.codeId);
    if (removed === 0) throw notFound(`Excerpt ${input.excerptId} is not coded with "${code?.name}".`);
    return { codesLeft: repos.excerpts.codings([input.excerptId]).length };
  });
}

export function deleteExcerpt(ctx: ProjectContext, id: ExcerptId): { deleted: true } {
  if (!ctx.repos.excerpts.exists(id)) throw notFound(`There is no excerpt with id ${id}.`);
  ctx.repos.tx(() => ctx.repos.excerpts.delete(id));
  return { deleted: true };
}

/** Builds Excerpt DTOs from rows (which carry their stored text): codes, coders and memo attached. */
export function hydrateExcerpts(ctx: ProjectContext, rows: readonly ExcerptRow[]): Excerpt[] {
  if (rows.length === 0) return [];
  const { repos } = ctx;
  const codes = new Map<ExcerptId, CodeRef[]>();
  const ids = rows.length > 500 ? undefined : rows.map((r) => r.id);
  for (const c of repos.excerpts.codings(ids)) {
    const list = codes.get(c.excerptId) ?? [];
    list.push({ id: c.codeId, name: c.name, color: c.color });
    codes.set(c.excerptId, list);
  }
  const memos = repos.memos.bodiesByTarget('excerpt');
  const coders = new Map<ExcerptId, string[]>();
  for (const c of repos.excerpts.coders(ids)) {
    const list = coders.get(c.excerptId) ?? [];
    list.push(c.name);
    coders.set(c.excerptId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    start: row.start,
    end: row.end,
    text: row.text,
    codes: codes.get(row.id) ?? [],
    participant: row.participant,
    memo: memos.get(row.id) ?? null,
    coders: coders.get(row.id) ?? [],
  }));
}

export function listExcerpts(
  ctx: ProjectContext,
  input: {
    codeId?: CodeId | undefined;
    documentId?: DocumentId | undefined;
    coderId?: CoderId | undefined;
    limit?: number | undefined;
    offset?: number | undefined;
  },
): Excerpt[] {
  const { limit, offset, ...filter } = input;
  if (filter.codeId !== undefined) requireCodes(ctx, [filter.codeId]);
  if (filter.documentId !== undefined && !ctx.repos.documents.exists(filter.documentId)) {
    throw notFound(`There is no document with id ${filter.documentId}.`);
  }
  return hydrateExcerpts(ctx, ctx.repos.excerpts.list(filter, { limit, offset }));
}

export function getExcerpts(ctx: ProjectContext, ids: readonly ExcerptId[]): Map<ExcerptId, Excerpt> {
  const excerpts = hydrateExcerpts(ctx, ctx.repos.excerpts.list({ ids }));
  return new Map(excerpts.map((e) => [e.id, e]));
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A span must lie inside the text and keep every character whole (an emoji is two code units). */
export function checkSpan(text: string, documentId: DocumentId, start: number, end: number): void {
  if (!(start >= 0 && start < end && end <= text.length)) {
    throw badInput(
      `The span ${start}–${end} is not inside document ${documentId}, which is ${text.length} characters long. ` +
        `Offsets need 0 ≤ start < end ≤ ${text.length}.`,
    );
  }
  if (isLowSurrogate(text.charCodeAt(start)) || isLowSurrogate(text.charCodeAt(end))) {
    throw badInput(`The span ${start}–${end} would cut a character (such as an emoji) in half.`);
  }
}

/** New boundaries for an excerpt; refused when they leave the document or split a character. */
export function resizeExcerpt(ctx: ProjectContext, input: { id: ExcerptId; start: number; end: number }): Excerpt {
  const row = ctx.repos.excerpts.get(input.id);
  if (!row) throw notFound(`There is no excerpt with id ${input.id}.`);
  const text = ctx.repos.documents.text(row.documentId) ?? '';
  checkSpan(text, row.documentId, input.start, input.end);
  if (text.slice(input.start, input.end).trim() === '') {
    throw badInput('An excerpt needs some text: the new span holds only spaces.');
  }
  ctx.repos.tx(() => ctx.repos.excerpts.setSpan(input.id, excerptSpan(text, input.start, input.end)));
  const [excerpt] = hydrateExcerpts(ctx, ctx.repos.excerpts.list({ ids: [input.id] }));
  return excerpt as Excerpt;
}

/** Codes whole turns — by index, or every turn of one speaker — in one transaction. */
export function tagTurns(
  ctx: ProjectContext,
  input: { documentId: DocumentId; codeIds: CodeId[]; turns?: number[] | undefined; speaker?: string | undefined },
): { excerptIds: ExcerptId[] } {
  const { repos } = ctx;
  const text = repos.documents.text(input.documentId);
  if (text === undefined) throw notFound(`There is no document with id ${input.documentId}.`);
  requireCodes(ctx, input.codeIds);
  const turns = repos.documents.turns(input.documentId);
  let chosen: typeof turns;
  if (input.turns !== undefined) {
    const bad = input.turns.filter((i) => i >= turns.length);
    if (bad.length > 0) {
      throw badInput(`Document ${input.documentId} has ${turns.length} turns; there is no turn ${bad.join(', ')}.`);
    }
    chosen = [...new Set(input.turns)].map((i) => turns[i] as (typeof turns)[number]);
  } else {
    const speaker = input.speaker?.trim().toLowerCase();
    chosen = turns.filter((t) => t.speaker?.trim().toLowerCase() === speaker);
    if (chosen.length === 0) throw notFound(`No turn in document ${input.documentId} is by "${input.speaker}".`);
  }
  const spans = chosen.filter((t) => t.end > t.start && text.slice(t.start, t.end).trim() !== '');
  return repos.tx(() => {
    const excerptIds = spans.map((t) => {
      const id =
        repos.excerpts.findSpan(input.documentId, t.start, t.end) ??
        repos.excerpts.insert(input.documentId, excerptSpan(text, t.start, t.end), ctx.coderId);
      for (const codeId of new Set(input.codeIds)) repos.excerpts.addCoding(id, codeId, ctx.coderId);
      return id;
    });
    return { excerptIds };
  });
}

export interface RetrieveFilters {
  round?: string | undefined;
  attributes?: Record<string, string> | undefined;
  documentId?: DocumentId | undefined;
  coderId?: CoderId | undefined;
}

/** A code's excerpts (with its descendants' when asked) with context, speaker, participant and attributes. */
export function retrieveExcerpts(
  ctx: ProjectContext,
  input: {
    codeId: CodeId;
    includeChildren: boolean;
    context: number;
    filters: RetrieveFilters;
    limit?: number | undefined;
    offset?: number | undefined;
  },
): RetrievedExcerpt[] {
  const { repos } = ctx;
  requireCodes(ctx, [input.codeId]);
  const codeIds = input.includeChildren ? repos.codes.subtreeIds(input.codeId) : [input.codeId];
  const { filters } = input;
  if (filters.documentId !== undefined && !repos.documents.exists(filters.documentId)) {
    throw notFound(`There is no document with id ${filters.documentId}.`);
  }
  const rows = repos.excerpts.list(
    {
      codeIds,
      documentId: filters.documentId,
      coderId: filters.coderId,
      round: filters.round,
      attributes: filters.attributes,
    },
    { limit: input.limit, offset: input.offset },
  );
  const excerpts = hydrateExcerpts(ctx, rows);
  // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 units), so this
  // many bytes either side hold `context` units plus the rest of a pair cut at the edge.
  const margin = 3 * input.context + 4;
  const windows = new Map(
    repos.excerpts
      .windows(
        excerpts.map((e) => e.id),
        margin,
      )
      .map((w) => [w.id, w]),
  );
  const attrs = new Map<number, Record<string, string>>();
  const rounds = new Map<DocumentId, string | null>();
  return excerpts.map((excerpt, i) => {
    const row = rows[i] as ExcerptRow;
    const docId = excerpt.documentId;
    if (!rounds.has(docId)) rounds.set(docId, repos.excerpts.roundOf(docId));
    const turn = repos.excerpts.turnAt(docId, excerpt.start);
    const around = contextOf(ctx, windows.get(excerpt.id), excerpt);
    const lo = turn ? Math.min(turn.start, excerpt.start) : 0;
    const hi = turn ? Math.max(turn.end, excerpt.end) : Number.POSITIVE_INFINITY;
    // Offsets of the window's edges in the document (UTF-16 units).
    let from = Math.max(lo, excerpt.start - input.context, excerpt.start - around.before.length);
    let to = Math.min(hi, excerpt.end + input.context, excerpt.end + around.after.length);
    const beforeAt = (o: number) => around.before.charCodeAt(o - (excerpt.start - around.before.length));
    const afterAt = (o: number) => around.after.charCodeAt(o - excerpt.end);
    if (from < excerpt.start && isLowSurrogate(beforeAt(from))) from++;
    if (to > excerpt.end && to < excerpt.end + around.after.length && isLowSurrogate(afterAt(to))) to++;
    const participantId = (turn?.participantId ?? row.participantId ?? null) as ParticipantId | null;
    let attributes: Record<string, string> = {};
    if (participantId !== null) {
      attributes = attrs.get(participantId) ?? {};
      if (!attrs.has(participantId)) {
        for (const v of repos.participants.attributeValuesOf(participantId)) attributes[v.name] = v.value;
        attrs.set(participantId, attributes);
      }
    }
    return {
      ...excerpt,
      before: around.before.slice(around.before.length - (excerpt.start - from)),
      after: around.after.slice(0, Math.max(0, to - excerpt.end)),
      speaker: turn?.speaker ?? null,
      participantId,
      attributes,
      round: rounds.get(docId) ?? null,
    };
  });
}

/**
 * The text just before and after an excerpt, decoded from the byte window SQLite cut (a
 * character cut in two at either edge is dropped). Excerpts without a byte range (none after
 * migration 005, kept as a safety net) read their document.
 */
function contextOf(
  ctx: ProjectContext,
  win: ExcerptWindowRow | undefined,
  excerpt: Excerpt,
): { before: string; after: string } {
  if (!win || win.window == null || win.before == null || win.byteLength == null) {
    const text = ctx.repos.documents.text(excerpt.documentId) ?? '';
    return { before: text.slice(0, excerpt.start), after: text.slice(excerpt.end) };
  }
  const buf = Buffer.from(win.window.buffer, win.window.byteOffset, win.window.byteLength);
  let from = 0;
  while (from < win.before && ((buf[from] as number) & 0xc0) === 0x80) from++;
  const afterStart = win.before + win.byteLength;
  let to = buf.length;
  // Drop a character whose bytes were cut at the end of the window.
  let lead = to - 1;
  while (lead >= afterStart && ((buf[lead] as number) & 0xc0) === 0x80) lead--;
  if (lead >= afterStart) {
    const b = buf[lead] as number;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    if (lead + size > to) to = lead;
  }
  return { before: buf.toString('utf8', from, win.before), after: buf.toString('utf8', afterStart, to) };
}
