/**
 * The qualitative side of a measure's movement: per round of a study, the share of its
 * participants whose interviews carry each code, and the codes whose share moved most between
 * two rounds (the measures dashboard shows them beside each trend).
 */
import type { CodeTrend, CodeTrends } from '../contract/measures-types.js';
import type { CodeId } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import type { ProjectContext } from './context.js';

export interface CodeTrendsInput {
  study: string;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

export function codeTrends({ repos }: ProjectContext, input: CodeTrendsInput): CodeTrends {
  const studyId = repos.studies.findStudy(input.study.trim());
  if (studyId === undefined) throw notFound(`There is no study named "${input.study}".`);
  const { rounds, cells } = repos.analysis.codePrevalenceByRound(studyId);
  const named = (name: string) => {
    const round = rounds.find((r) => r.round === name.trim());
    if (!round) throw badInput(`Study "${input.study}" has no round "${name}".`);
    return round;
  };
  const populated = rounds.filter((r) => r.total > 0);
  const to = input.to !== undefined ? named(input.to) : populated.at(-1);
  const from =
    input.from !== undefined
      ? named(input.from)
      : populated.filter((r) => to && r !== to && rounds.indexOf(r) < rounds.indexOf(to)).at(-1);
  const units = new Map<string, number>();
  const codesSeen = new Set<CodeId>();
  for (const c of cells) {
    units.set(`${c.roundId}:${c.codeId}`, c.units);
    codesSeen.add(c.codeId);
  }
  const share = (roundId: number, total: number, codeId: CodeId) =>
    total > 0 ? (units.get(`${roundId}:${codeId}`) ?? 0) / total : 0;
  const codes = new Map(repos.codes.list().map((c) => [c.id, c]));
  const trends: CodeTrend[] = [...codesSeen].flatMap((codeId) => {
    const code = codes.get(codeId);
    if (!code) return [];
    return [
      {
        codeId,
        code: code.name,
        color: code.color,
        rounds: rounds.map((r) => ({
          round: r.round,
          participants: units.get(`${r.roundId}:${codeId}`) ?? 0,
          total: r.total,
          share: share(r.roundId, r.total, codeId),
        })),
        change: from && to ? share(to.roundId, to.total, codeId) - share(from.roundId, from.total, codeId) : 0,
      },
    ];
  });
  // With one round there is no movement yet: the most common codes come first instead.
  const latest = (t: CodeTrend) => (to ? share(to.roundId, to.total, t.codeId) : 0);
  const weight = (t: CodeTrend) => (from && to ? Math.abs(t.change) : latest(t));
  trends.sort((a, b) => weight(b) - weight(a) || a.code.localeCompare(b.code));
  return {
    study: input.study.trim(),
    from: from && to ? from.round : null,
    to: from && to ? to.round : null,
    rounds: populated.map((r) => r.round),
    codes: trends.slice(0, input.limit ?? 8),
  };
}
