/**
 * Memos on the project, a document, a code, an excerpt or a participant. Memo bodies are
 * indexed for search; the index follows every memo row change through the undo change log
 * (syncMemoIndex), so undo and redo keep it right too.
 */
import type { MemoDetailRow, MemoTarget } from '../../db/repositories/memos.js';
import type { CodeId, DocumentId, ExcerptId, Memo, MemoId, MemoTargetKind, ParticipantId } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { segmentText } from '../text/segments.js';
import type { ProjectContext } from './context.js';

/** What a memo is about, named for people. */
export function memoTargetLabel(ctx: ProjectContext, kind: MemoTargetKind, targetId: number | null): string {
  const { repos } = ctx;
  switch (kind) {
    case 'project':
      return 'Project';
    case 'document':
      return `Document ${repos.documents.summary(targetId as DocumentId)?.title ?? targetId}`;
    case 'code':
      return `Code ${repos.codes.get(targetId as CodeId)?.name ?? targetId}`;
    case 'excerpt': {
      const e = repos.excerpts.get(targetId as ExcerptId);
      return e ? `Excerpt in ${e.documentTitle}` : `Excerpt ${targetId}`;
    }
    case 'participant':
      return `Participant ${repos.participants.get(targetId as ParticipantId)?.label ?? targetId}`;
  }
}

function toMemo(ctx: ProjectContext, row: MemoDetailRow): Memo {
  const targetKind = row.targetKind as MemoTargetKind;
  return {
    id: row.id as MemoId,
    targetKind,
    targetId: row.targetId,
    targetLabel: memoTargetLabel(ctx, targetKind, row.targetId),
    title: row.title,
    body: row.body,
    author: row.author,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function assertTarget(ctx: ProjectContext, kind: MemoTargetKind, targetId: number | null): void {
  const { repos } = ctx;
  if (kind === 'project') {
    if (targetId !== null) throw badInput('A project memo has no target id; leave targetId out.');
    return;
  }
  if (targetId === null) throw badInput(`A memo on a ${kind} needs the ${kind}'s id (targetId).`);
  const exists =
    kind === 'document'
      ? repos.documents.exists(targetId as DocumentId)
      : kind === 'code'
        ? repos.codes.get(targetId as CodeId) !== undefined
        : kind === 'excerpt'
          ? repos.excerpts.exists(targetId as ExcerptId)
          : repos.participants.get(targetId as ParticipantId) !== undefined;
  if (!exists) throw notFound(`There is no ${kind} with id ${targetId} to attach the memo to.`);
}

export function getMemo(ctx: ProjectContext, id: MemoId): Memo {
  const row = ctx.repos.memos.get(id);
  if (!row || !['project', 'document', 'code', 'excerpt', 'participant'].includes(row.targetKind)) {
    throw notFound(`There is no memo with id ${id}.`);
  }
  return toMemo(ctx, row);
}

export function listMemos(
  ctx: ProjectContext,
  input: { targetKind?: MemoTargetKind | undefined; targetId?: number | null | undefined },
): Memo[] {
  const targetId = input.targetKind === 'project' ? null : input.targetId;
  return ctx.repos.memos.detail
    .list(input.targetKind, targetId)
    .filter((r) => ['project', 'document', 'code', 'excerpt', 'participant'].includes(r.targetKind))
    .map((r) => toMemo(ctx, r));
}

export function addMemo(
  ctx: ProjectContext,
  input: { targetKind: MemoTargetKind; targetId?: number | null | undefined; title?: string | undefined; body: string },
): Memo {
  const targetId = input.targetId ?? null;
  assertTarget(ctx, input.targetKind, targetId);
  if (input.body.trim() === '' && !input.title?.trim()) throw badInput('A memo needs a title or some text.');
  const id = ctx.repos.tx(() =>
    ctx.repos.memos.insert(
      input.targetKind as MemoTarget,
      targetId,
      input.body,
      ctx.coderId,
      input.title?.trim() ?? '',
    ),
  );
  return getMemo(ctx, id as MemoId);
}

export function updateMemo(
  ctx: ProjectContext,
  input: { id: MemoId; title?: string | undefined; body?: string | undefined },
): Memo {
  getMemo(ctx, input.id);
  ctx.repos.tx(() => ctx.repos.memos.detail.update(input.id, { title: input.title, body: input.body }));
  return getMemo(ctx, input.id);
}

export function deleteMemo(ctx: ProjectContext, id: MemoId): { deleted: true } {
  getMemo(ctx, id);
  ctx.repos.tx(() => ctx.repos.memos.detail.delete(id));
  return { deleted: true };
}

/** Brings the search index of these memos in line with their rows (gone → unindexed). */
export function syncMemoIndex(ctx: ProjectContext, memoIds: Iterable<number>): void {
  const { repos } = ctx;
  repos.tx(() => {
    for (const id of new Set(memoIds)) {
      repos.search.deleteSegments('memo', id);
      const memo = repos.memos.get(id);
      if (memo) repos.search.insertSegments('memo', id, segmentText(memo.body));
    }
  });
}
