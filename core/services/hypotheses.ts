/**
 * The hypothesis register: hypotheses stated before or during analysis, excerpts linked as
 * supporting or contradicting, and a status (open, supported, refuted) whose every change is
 * kept with who made it and why.
 */
import type {
  Hypothesis,
  HypothesisEvidence,
  HypothesisId,
  HypothesisStatus,
  Stance,
  StatusChange,
} from '../contract/hypotheses-types.js';
import type { ExcerptId } from '../contract/types.js';
import { notFound } from '../errors.js';
import type { ProjectContext } from './context.js';

function requireHypothesis({ repos }: ProjectContext, id: HypothesisId) {
  const row = repos.hypotheses.get(id);
  if (!row) throw notFound(`There is no hypothesis with id ${id}. List hypotheses to see their ids.`);
  return row;
}

export function addHypothesis(
  ctx: ProjectContext,
  input: { statement: string; rationale?: string | undefined },
): { hypothesisId: HypothesisId } {
  const hypothesisId = ctx.repos.tx(() =>
    ctx.repos.hypotheses.insert(input.statement.trim(), input.rationale?.trim() ?? '', ctx.coderId),
  );
  return { hypothesisId };
}

export function updateHypothesis(
  ctx: ProjectContext,
  input: { id: HypothesisId; statement?: string | undefined; rationale?: string | undefined },
): Hypothesis {
  requireHypothesis(ctx, input.id);
  ctx.repos.hypotheses.update(input.id, { statement: input.statement?.trim(), rationale: input.rationale?.trim() });
  return getHypothesis(ctx, input.id);
}

export function setHypothesisStatus(
  ctx: ProjectContext,
  input: { id: HypothesisId; status: HypothesisStatus; note?: string | undefined },
): Hypothesis {
  const row = requireHypothesis(ctx, input.id);
  const note = input.note?.trim() ?? '';
  // Setting the status it already has records nothing: the history lists changes, not clicks.
  if (row.status !== input.status || note !== '') {
    ctx.repos.tx(() => ctx.repos.hypotheses.setStatus(input.id, input.status, note, ctx.coderId));
  }
  return getHypothesis(ctx, input.id);
}

export function linkHypothesisEvidence(
  ctx: ProjectContext,
  input: { id: HypothesisId; excerptIds: ExcerptId[]; stance: Stance; note?: string | undefined },
): Hypothesis {
  requireHypothesis(ctx, input.id);
  const missing = input.excerptIds.filter((e) => !ctx.repos.excerpts.exists(e));
  if (missing.length > 0) {
    throw notFound(
      `There is no excerpt with id ${missing.join(', ')}. List excerpts to see their ids; nothing was linked.`,
    );
  }
  ctx.repos.tx(() => {
    for (const excerptId of new Set(input.excerptIds)) {
      ctx.repos.hypotheses.linkEvidence(input.id, excerptId, input.stance, input.note?.trim() ?? '');
    }
  });
  return getHypothesis(ctx, input.id);
}

export function unlinkHypothesisEvidence(
  ctx: ProjectContext,
  input: { id: HypothesisId; excerptId: ExcerptId },
): Hypothesis {
  requireHypothesis(ctx, input.id);
  if (!ctx.repos.hypotheses.unlinkEvidence(input.id, input.excerptId)) {
    throw notFound(`Excerpt ${input.excerptId} is not evidence for hypothesis ${input.id}.`);
  }
  return getHypothesis(ctx, input.id);
}

export function deleteHypothesis(ctx: ProjectContext, id: HypothesisId): { deleted: true } {
  requireHypothesis(ctx, id);
  ctx.repos.hypotheses.delete(id);
  return { deleted: true };
}

export function listHypotheses(ctx: ProjectContext): Hypothesis[] {
  const { repos } = ctx;
  const evidence = new Map<HypothesisId, HypothesisEvidence[]>();
  for (const row of repos.hypotheses.evidence()) {
    const list = evidence.get(row.hypothesisId) ?? [];
    list.push({
      excerptId: row.excerptId,
      stance: row.stance,
      note: row.note,
      text: row.text,
      documentTitle: row.documentTitle,
      participant: row.participant,
    });
    evidence.set(row.hypothesisId, list);
  }
  const history = new Map<HypothesisId, StatusChange[]>();
  for (const row of repos.hypotheses.history()) {
    const list = history.get(row.hypothesisId) ?? [];
    list.push({ status: row.status, note: row.note, coder: row.coder, at: row.at });
    history.set(row.hypothesisId, list);
  }
  return repos.hypotheses.list().map((row) => {
    const links = evidence.get(row.id) ?? [];
    return {
      ...row,
      supporting: links.filter((l) => l.stance === 'supports').map((l) => l.excerptId),
      contradicting: links.filter((l) => l.stance === 'contradicts').map((l) => l.excerptId),
      evidence: links,
      history: history.get(row.id) ?? [],
    };
  });
}

export function getHypothesis(ctx: ProjectContext, id: HypothesisId): Hypothesis {
  const found = listHypotheses(ctx).find((h) => h.id === id);
  if (!found) throw notFound(`There is no hypothesis with id ${id}.`);
  return found;
}
