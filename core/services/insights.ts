/** Insights: statements backed by excerpts as evidence. */
import type { ExcerptId, Insight, InsightId, Priority } from '../contract/types.js';
import { notFound } from '../errors.js';
import type { ProjectContext } from './context.js';

export function addInsight(
  ctx: ProjectContext,
  input: { title: string; statement: string; evidence: ExcerptId[]; priority?: Priority | undefined },
): { insightId: InsightId } {
  const { repos } = ctx;
  const evidence = [...new Set(input.evidence)];
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
    });
    repos.insights.addEvidence(id, evidence);
    return id;
  });
  return { insightId };
}

export function listInsights({ repos }: ProjectContext): Insight[] {
  const evidence = repos.insights.evidence();
  const participants = repos.insights.participantCounts();
  return repos.insights.list().map((row) => ({
    ...row,
    evidence: evidence.get(row.id) ?? [],
    participants: participants.get(row.id) ?? 0,
  }));
}
