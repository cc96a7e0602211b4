/**
 * The report's sections, one builder each. Sections that quote share `used`, so an excerpt is
 * quoted once at most, in the section read first (insights, hypotheses, codes, boards).
 */
import type { MeasureKind } from '../contract/measures-types.js';
import type { ReportSections } from '../contract/report-types.js';
import type { Code, Excerpt } from '../contract/types.js';
import type {
  EvidenceStrength,
  ReportBoard,
  ReportCode,
  ReportCodeSection,
  ReportHypothesis,
  ReportInsight,
  ReportMeasure,
  ReportModel,
} from '../export/model.js';
import type { ReportStrings } from '../export/strings.js';
import type { ProjectContext } from './context.js';
import { listHypotheses } from './hypotheses.js';
import { listInsights } from './insights.js';
import { listMetrics } from './measures.js';
import { listMemos } from './memos.js';
import { pickQuotes, type ReportEvidence } from './report-evidence.js';

/** Codes with their path in the tree ("Checkout › Payment") and depth, in codebook order. */
export function codebook(codes: readonly Code[]): ReportCode[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (c: Code): string[] => {
    const parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
    return parent ? [...pathOf(parent), c.name] : [c.name];
  };
  return codes.map((c) => {
    const path = pathOf(c);
    return {
      id: c.id,
      name: c.name,
      path: path.join(' › '),
      depth: path.length - 1,
      color: c.color,
      description: c.description,
      excerpts: c.excerpts,
    };
  });
}

const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export interface RankedInsight {
  insight: ReturnType<typeof listInsights>[number];
  evidence: Excerpt[];
  strength: EvidenceStrength;
}

/** Insights as a reader should meet them: by priority, then by how many people back them. */
export function rankedInsights(ctx: ProjectContext, evidence: ReportEvidence): RankedInsight[] {
  return listInsights(ctx)
    .map((insight) => {
      const list = evidence.excerptsOf(insight.evidence);
      return { insight, evidence: list, strength: evidence.strengthOf(list) };
    })
    .sort(
      (a, b) =>
        (a.insight.priority ? PRIORITY_RANK[a.insight.priority] : 3) -
          (b.insight.priority ? PRIORITY_RANK[b.insight.priority] : 3) ||
        b.strength.participants - a.strength.participants ||
        a.insight.id - b.insight.id,
    );
}

export function insightSections(
  ranked: readonly RankedInsight[],
  evidence: ReportEvidence,
  used: Set<number>,
): ReportInsight[] {
  return ranked.map(({ insight, evidence: list, strength }) => ({
    id: insight.id,
    title: insight.title,
    statement: insight.statement,
    recommendation: insight.recommendation.trim(),
    priority: insight.priority,
    strength,
    quotes: pickQuotes(list, used, evidence.voiceOf, 4, 2).map(evidence.toQuote),
  }));
}

export function executiveSummary(ranked: readonly RankedInsight[]): NonNullable<ReportModel['executiveSummary']> {
  return {
    findings: ranked.map(({ insight, strength }) => ({
      insightId: insight.id,
      title: insight.title,
      priority: insight.priority,
      strength,
    })),
  };
}

export function hypothesisSections(
  ctx: ProjectContext,
  evidence: ReportEvidence,
  used: Set<number>,
): ReportHypothesis[] {
  return listHypotheses(ctx).map((h) => {
    const supporting = evidence.excerptsOf(h.supporting);
    const contradicting = evidence.excerptsOf(h.contradicting);
    const quote = (list: typeof supporting, stance: 'supports' | 'contradicts') =>
      pickQuotes(list, used, evidence.voiceOf, 1, 1).map((e) => ({ stance, quote: evidence.toQuote(e) }));
    return {
      id: h.id,
      statement: h.statement,
      rationale: h.rationale,
      status: h.status,
      supporting: evidence.strengthOf(supporting),
      contradicting: evidence.strengthOf(contradicting),
      quotes: [...quote(supporting, 'supports'), ...quote(contradicting, 'contradicts')],
    };
  });
}

export function codeSections(
  codes: readonly ReportCode[],
  wanted: ReportSections['codes'],
  evidence: ReportEvidence,
  used: Set<number>,
): ReportCodeSection[] | null {
  if (wanted === 'none') return null;
  return codes
    .filter((c) => c.excerpts > 0 && (wanted === 'all' || wanted.includes(c.id as never)))
    .map((code) => {
      const coded = evidence.excerpts.filter((e) => e.codes.some((c) => c.id === code.id));
      return {
        code,
        strength: evidence.strengthOf(coded),
        quotes: pickQuotes(coded, used, evidence.voiceOf, 3, 3).map(evidence.toQuote),
      };
    });
}

/** The chosen boards, group by group, with the excerpts not quoted earlier and the sticky notes. */
export function boardSections(
  ctx: ProjectContext,
  boardIds: readonly number[],
  evidence: ReportEvidence,
  used: Set<number>,
  strings: ReportStrings,
): ReportBoard[] | null {
  if (boardIds.length === 0) return null;
  const { repos } = ctx;
  const byId = new Map(evidence.excerpts.map((e) => [e.id as number, e]));
  return repos.boards
    .list()
    .filter((b) => boardIds.includes(b.id))
    .map((board) => {
      const cards = repos.boards.cards(board.id);
      const contentOf = (groupId: number | null) => {
        const inGroup = cards.filter((c) => c.groupId === groupId);
        const quotes = inGroup
          .map((c) => (c.excerptId !== null ? byId.get(c.excerptId) : undefined))
          .filter((e): e is Excerpt => e !== undefined && !used.has(e.id));
        for (const e of quotes) used.add(e.id);
        return {
          quotes: quotes.map(evidence.toQuote),
          notes: inGroup.filter((c) => c.kind === 'note' && c.text).map((c) => c.text as string),
        };
      };
      const ungrouped = contentOf(null);
      return {
        id: board.id,
        name: board.name,
        groups: [
          ...repos.boards.groups(board.id).map((g) => ({ name: g.name, ...contentOf(g.id) })),
          ...(ungrouped.quotes.length > 0 || ungrouped.notes.length > 0
            ? [{ name: strings.notGrouped, ...ungrouped }]
            : []),
        ],
      };
    });
}

export function methodSection(ctx: ProjectContext, keyAttributes: string[]): NonNullable<ReportModel['method']> {
  const { repos } = ctx;
  const counts = repos.meta.counts();
  const languageCounts = new Map<string, number>();
  for (const lang of repos.documents.languages().values()) {
    if (lang) languageCounts.set(lang, (languageCounts.get(lang) ?? 0) + 1);
  }
  return {
    documents: counts.documents,
    participants: counts.participants,
    codes: counts.codes,
    excerpts: counts.excerpts,
    languages: [...languageCounts].sort((a, b) => b[1] - a[1]).map(([l]) => l),
    rounds: repos.studies
      .listRounds()
      .filter((r) => r.documents > 0)
      .map((r) => r.name),
    keyAttributes,
  };
}

/** Participants in the order they were added, so P01, P02… read in order when redacted. */
export function participantRows(evidence: ReportEvidence): NonNullable<ReportModel['participants']> {
  const excerptsPerParticipant = new Map<number, number>();
  for (const e of evidence.excerpts) {
    const p = evidence.participantOf(e);
    if (p !== null) excerptsPerParticipant.set(p, (excerptsPerParticipant.get(p) ?? 0) + 1);
  }
  return [...evidence.participants]
    .sort((a, b) => a.id - b.id)
    .map((p) => ({
      name: evidence.nameOf(p.id),
      values: evidence.keyAttributes.map((a) => p.attributes[a] ?? ''),
      documents: p.documents.length,
      excerpts: excerptsPerParticipant.get(p.id) ?? 0,
    }));
}

export function chartsSection(
  ctx: ProjectContext,
  codes: readonly Code[],
  evidence: ReportEvidence,
): NonNullable<ReportModel['charts']> {
  return {
    codes: codes
      .filter((c) => c.excerpts > 0)
      .map((c) => ({ name: c.name, color: c.color, excerpts: c.excerpts, participants: c.participants })),
    segments: evidence.segmentCounts(),
    measures: reportMeasures(ctx),
  };
}

export function appendixSection(
  ctx: ProjectContext,
  codes: ReportCode[],
  evidence: ReportEvidence,
): NonNullable<ReportModel['appendix']> {
  return {
    codebook: codes,
    documents: ctx.repos.documents.list().map((d) => ({
      title: d.title,
      participant: d.participantId === null ? null : evidence.nameOf(d.participantId),
      language: evidence.languageOf(d.id),
      excerpts: d.excerpts,
    })),
    memos: listMemos(ctx, {}).map((m) => ({ about: m.targetLabel, title: m.title, body: m.body })),
  };
}

const MEASURE_KIND: Record<MeasureKind, string> = {
  nps: 'NPS',
  sus: 'SUS',
  proportion: 'Task success',
  time: 'Time on task',
  mean: 'Mean',
};

/** The measures with values, by round, on the scale a reader expects (proportions in percent). */
function reportMeasures(ctx: ProjectContext): ReportMeasure[] {
  return listMetrics(ctx)
    .filter((m) => m.rounds.length > 0)
    .map((m) => {
      const k = m.kind === 'proportion' ? 100 : 1;
      const at = (v: number) => Math.round(v * k * 10) / 10;
      return {
        name: m.name,
        kind: MEASURE_KIND[m.kind],
        unit: m.kind === 'proportion' ? '%' : m.unit,
        target: m.target === null ? null : at(m.target),
        rounds: m.rounds.map((r) => ({
          study: r.study,
          round: r.round,
          n: r.n,
          value: at(r.value),
          ci95: r.ci95 ? [at(r.ci95[0]), at(r.ci95[1])] : null,
          p: r.change?.p ?? null,
        })),
      };
    });
}
