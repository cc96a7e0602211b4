/**
 * Insights: statements backed by excerpts as evidence, supporting or contradicting; made by
 * hand, from a board group or from cards. Strength counts the supporting evidence: distinct
 * participants, documents and excerpts, and participants per attribute value.
 */
import type { InsightRow } from '../../db/repositories/insights.js';
import type {
  CardId,
  CoderId,
  EvidenceStance,
  ExcerptId,
  GroupId,
  Insight,
  InsightDetail,
  InsightId,
  InsightStatus,
  Priority,
} from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { keyBetween, keysBetween } from '../order/keys.js';
import type { ProjectContext } from './context.js';
import { getExcerpts } from './excerpts.js';

function mustInsight(ctx: ProjectContext, id: InsightId): InsightRow {
  const row = ctx.repos.insights.get(id);
  if (!row) throw notFound(`There is no insight with id ${id}.`);
  return row;
}

function mustExcerpt(ctx: ProjectContext, id: ExcerptId): void {
  if (!ctx.repos.excerpts.exists(id)) throw notFound(`There is no excerpt with id ${id}.`);
}

/** The excerpts of a group's excerpt cards (and of the groups nested in it). */
function groupEvidence(ctx: ProjectContext, groupId: GroupId): ExcerptId[] {
  if (!ctx.repos.boards.group(groupId))
    throw notFound(`There is no board group with id ${groupId}; the insight was not saved.`);
  return ctx.repos.boards.excerptsInGroups(ctx.repos.boards.descendantsAndSelf(groupId));
}

function cardEvidence(ctx: ProjectContext, cardIds: readonly CardId[]): ExcerptId[] {
  const ids = [...new Set(cardIds)];
  const rows = ctx.repos.boards.cardsById(ids);
  if (rows.length !== ids.length) {
    const known = new Set(rows.map((r) => r.id));
    throw notFound(
      `There is no card with id ${ids.filter((id) => !known.has(id)).join(', ')}; the insight was not saved.`,
    );
  }
  return rows.map((r) => r.excerptId).filter((id): id is ExcerptId => id !== null);
}

export function addInsight(
  ctx: ProjectContext,
  input: {
    title: string;
    statement: string;
    evidence: ExcerptId[];
    priority?: Priority | undefined;
    fromGroup?: GroupId | undefined;
    fromCards?: CardId[] | undefined;
  },
): { insightId: InsightId } {
  const { repos } = ctx;
  const evidence = [
    ...new Set([
      ...input.evidence,
      ...(input.fromGroup !== undefined ? groupEvidence(ctx, input.fromGroup) : []),
      ...(input.fromCards ? cardEvidence(ctx, input.fromCards) : []),
    ]),
  ];
  const missing = evidence.filter((id) => !repos.excerpts.exists(id));
  if (missing.length > 0) {
    throw notFound(
      `There is no excerpt with id ${missing.join(', ')}. List excerpts to see their ids; the insight was not saved.`,
    );
  }
  const insightId = repos.tx(() => {
    const id = repos.insights.insert({
      title: input.title.trim(),
      statement: input.statement.trim(),
      priority: input.priority ?? null,
      ownerId: ctx.coderId,
      sourceGroupId: input.fromGroup ?? null,
      orderKey: keyBetween(repos.insights.lastKey(), null),
    });
    repos.insights.addEvidence(id, evidence);
    return id;
  });
  return { insightId };
}

export function listInsights({ repos }: ProjectContext): Insight[] {
  const evidence = repos.insights.evidence();
  const participants = repos.insights.participantCounts();
  const strength = new Map(repos.insights.strength().map((s) => [s.insightId, s]));
  return repos.insights.list().map((row, order) => {
    const s = strength.get(row.id);
    return {
      id: row.id,
      title: row.title,
      statement: row.statement,
      priority: row.priority,
      evidence: evidence.get(row.id) ?? [],
      participants: participants.get(row.id) ?? 0,
      recommendation: row.recommendation,
      status: row.status,
      order,
      strength: { participants: s?.participants ?? 0, documents: s?.documents ?? 0, segments: s?.segments ?? 0 },
    };
  });
}

export function getInsight(ctx: ProjectContext, id: InsightId): InsightDetail {
  const { repos } = ctx;
  const row = mustInsight(ctx, id);
  const links = repos.insights.evidenceOf(id);
  const excerpts =
    links.length > 0
      ? getExcerpts(
          ctx,
          links.map((l) => l.excerptId),
        )
      : new Map();
  const [s] = repos.insights.strength(id);
  const byAttribute: Record<string, Record<string, number>> = {};
  for (const a of repos.insights.strengthByAttribute(id)) {
    byAttribute[a.attribute] ??= {};
    (byAttribute[a.attribute] as Record<string, number>)[a.value] = a.participants;
  }
  return {
    id: row.id,
    title: row.title,
    statement: row.statement,
    recommendation: row.recommendation,
    priority: row.priority,
    status: row.status,
    owner: row.ownerId !== null ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    order: repos.insights.keys().findIndex((k) => k.id === id),
    sourceGroupId: row.sourceGroupId,
    evidence: links.flatMap((l) => {
      const excerpt = excerpts.get(l.excerptId);
      return excerpt ? [{ excerpt, stance: l.stance }] : [];
    }),
    strength: {
      participants: s?.participants ?? 0,
      documents: s?.documents ?? 0,
      segments: s?.segments ?? 0,
      byAttribute,
    },
  };
}

export function updateInsight(
  ctx: ProjectContext,
  input: {
    id: InsightId;
    title?: string | undefined;
    statement?: string | undefined;
    recommendation?: string | undefined;
    priority?: Priority | null | undefined;
    status?: InsightStatus | undefined;
    ownerId?: CoderId | null | undefined;
  },
): InsightDetail {
  mustInsight(ctx, input.id);
  if (input.ownerId != null && !ctx.repos.coders.list().some((c) => c.id === input.ownerId)) {
    throw notFound(`There is no coder with id ${input.ownerId} to own the insight.`);
  }
  const { id, ...patch } = input;
  ctx.repos.insights.update(id, {
    ...patch,
    title: patch.title?.trim(),
    statement: patch.statement?.trim(),
    recommendation: patch.recommendation?.trim(),
  });
  return getInsight(ctx, id);
}

export function setInsightEvidence(
  ctx: ProjectContext,
  input: { id: InsightId; excerptId: ExcerptId; stance: EvidenceStance },
): InsightDetail {
  mustInsight(ctx, input.id);
  mustExcerpt(ctx, input.excerptId);
  ctx.repos.tx(() => ctx.repos.insights.setEvidence(input.id, input.excerptId, input.stance));
  return getInsight(ctx, input.id);
}

export function removeInsightEvidence(
  ctx: ProjectContext,
  input: { id: InsightId; excerptId: ExcerptId },
): InsightDetail {
  mustInsight(ctx, input.id);
  if (ctx.repos.insights.removeEvidence(input.id, input.excerptId) === 0) {
    throw notFound(`Excerpt ${input.excerptId} is not evidence of insight ${input.id}.`);
  }
  return getInsight(ctx, input.id);
}

/** Moves the insight just before `before` (to the end when null); writes its key only, unless two keys are equal. */
export function reorderInsight(
  ctx: ProjectContext,
  input: { id: InsightId; before?: InsightId | null | undefined },
): Insight[] {
  const { insights } = ctx.repos;
  mustInsight(ctx, input.id);
  const before = input.before ?? null;
  if (before === input.id) throw badInput('An insight cannot be placed before itself.');
  if (before !== null) mustInsight(ctx, before);
  ctx.repos.tx(() => {
    const others = insights.keys().filter((k) => k.id !== input.id);
    const at = before === null ? others.length : others.findIndex((k) => k.id === before);
    const lo = others[at - 1]?.key ?? null;
    const hi = others[at]?.key ?? null;
    if (lo === null || hi === null || lo < hi) {
      insights.setKey(input.id, keyBetween(lo, hi));
      return;
    }
    // Equal neighbouring keys leave no room between them: re-key every insight.
    const fresh = keysBetween(null, null, others.length + 1);
    others.forEach((k, i) => {
      insights.setKey(k.id, fresh[i < at ? i : i + 1] as string);
    });
    insights.setKey(input.id, fresh[at] as string);
  });
  return listInsights(ctx);
}

export function deleteInsight(ctx: ProjectContext, id: InsightId): { deleted: true } {
  mustInsight(ctx, id);
  ctx.repos.tx(() => ctx.repos.insights.delete(id));
  return { deleted: true };
}
