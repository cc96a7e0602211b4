/** Coding: tag a span with codes, untag, list excerpts with their live text. */
import type { ExcerptRow } from '../../db/repositories/excerpts.js';
import type { CodeId, CodeRef, DocumentId, Excerpt, ExcerptId, TagResult } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { requireCodes } from './codes.js';
import type { ProjectContext } from './context.js';

export function tagExcerpt(
  ctx: ProjectContext,
  input: { documentId: DocumentId; start: number; end: number; codeIds: CodeId[]; memo?: string | undefined },
): TagResult {
  const { repos } = ctx;
  const text = repos.documents.text(input.documentId);
  if (text === undefined) throw notFound(`There is no document with id ${input.documentId}.`);
  const { start, end } = input;
  if (!(start >= 0 && start < end && end <= text.length)) {
    throw badInput(
      `The span ${start}–${end} is not inside document ${input.documentId}, which is ${text.length} characters long. ` +
        `Offsets need 0 ≤ start < end ≤ ${text.length}.`,
    );
  }
  requireCodes(ctx, input.codeIds);
  const excerptId = repos.tx(() => {
    const id =
      repos.excerpts.findSpan(input.documentId, start, end) ??
      repos.excerpts.insert(input.documentId, start, end, ctx.coderId);
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

export function untagExcerpt(
  ctx: ProjectContext,
  input: { excerptId: ExcerptId; codeId: CodeId },
): { excerptDeleted: boolean } {
  const { repos } = ctx;
  if (!repos.excerpts.exists(input.excerptId)) throw notFound(`There is no excerpt with id ${input.excerptId}.`);
  const [code] = requireCodes(ctx, [input.codeId]);
  return repos.tx(() => {
    const removed = repos.excerpts.removeCode(input.excerptId, input.codeId);
    if (removed === 0) throw notFound(`Excerpt ${input.excerptId} is not coded with "${code?.name}".`);
    const deleted = repos.excerpts.deleteOrphans([input.excerptId]);
    return { excerptDeleted: deleted.length > 0 };
  });
}

export function deleteExcerpt(ctx: ProjectContext, id: ExcerptId): { deleted: true } {
  if (!ctx.repos.excerpts.exists(id)) throw notFound(`There is no excerpt with id ${id}.`);
  ctx.repos.tx(() => ctx.repos.excerpts.delete(id));
  return { deleted: true };
}

/** Builds Excerpt DTOs: text sliced from each document (loaded once), codes and memo attached. */
export function hydrateExcerpts(ctx: ProjectContext, rows: readonly ExcerptRow[]): Excerpt[] {
  if (rows.length === 0) return [];
  const { repos } = ctx;
  const texts = new Map<DocumentId, string>();
  const textOf = (id: DocumentId): string => {
    let text = texts.get(id);
    if (text === undefined) {
      text = repos.documents.text(id) ?? '';
      texts.set(id, text);
    }
    return text;
  };
  const codes = new Map<ExcerptId, CodeRef[]>();
  const ids = rows.length > 500 ? undefined : rows.map((r) => r.id);
  for (const c of repos.excerpts.codings(ids)) {
    const list = codes.get(c.excerptId) ?? [];
    list.push({ id: c.codeId, name: c.name, color: c.color });
    codes.set(c.excerptId, list);
  }
  const memos = repos.memos.bodiesByTarget('excerpt');
  return rows.map((row) => ({
    id: row.id,
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    start: row.start,
    end: row.end,
    text: textOf(row.documentId).slice(row.start, row.end),
    codes: codes.get(row.id) ?? [],
    participant: row.participant,
    memo: memos.get(row.id) ?? null,
  }));
}

export function listExcerpts(
  ctx: ProjectContext,
  filter: { codeId?: CodeId | undefined; documentId?: DocumentId | undefined },
): Excerpt[] {
  if (filter.codeId !== undefined) requireCodes(ctx, [filter.codeId]);
  if (filter.documentId !== undefined && !ctx.repos.documents.exists(filter.documentId)) {
    throw notFound(`There is no document with id ${filter.documentId}.`);
  }
  return hydrateExcerpts(ctx, ctx.repos.excerpts.list(filter));
}

export function getExcerpts(ctx: ProjectContext, ids: readonly ExcerptId[]): Map<ExcerptId, Excerpt> {
  const excerpts = hydrateExcerpts(ctx, ctx.repos.excerpts.list({ ids }));
  return new Map(excerpts.map((e) => [e.id, e]));
}
