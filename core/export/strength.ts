/**
 * Evidence strength and the fixed words of the DOCX/PPTX writers. Stands in until the report
 * model carries its own (strength per insight, headings per language); then this module
 * only forwards them.
 */
import type { ReportInsight } from './model.js';

export type Strength = 'strong' | 'moderate' | 'weak';

/** Breadth over volume: many participants saying it beats one participant saying it often. */
export function evidenceStrength(insight: Pick<ReportInsight, 'participants' | 'evidence'>): Strength {
  if (insight.participants >= 3 && insight.evidence.length >= 3) return 'strong';
  if (insight.participants >= 2) return 'moderate';
  return 'weak';
}

export interface ReportLabels {
  insights: string;
  insight: string;
  strength: string;
  participants: string;
  quotes: string;
  priority: string;
  charts: string;
  codebook: string;
  code: string;
  excerpts: string;
  description: string;
  excerptsByCode: string;
  board: string;
  notGrouped: string;
  overview: string;
  method: string;
  recommendation: string;
  unknownParticipant: string;
  summary: (date: string, documents: number, participants: number, codes: number, excerpts: number) => string;
  participantsCount: (n: number) => string;
  quotesCount: (n: number) => string;
  strengthName: (s: Strength) => string;
  priorityName: (p: string) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const EN: ReportLabels = {
  insights: 'Insights',
  insight: 'Insight',
  strength: 'Evidence',
  participants: 'Participants',
  quotes: 'Quotes',
  priority: 'Priority',
  charts: 'Charts',
  codebook: 'Codebook',
  code: 'Code',
  excerpts: 'Excerpts',
  description: 'Description',
  excerptsByCode: 'Excerpts by code',
  board: 'Board',
  notGrouped: 'Not grouped',
  overview: 'Overview',
  method: 'Method: interviews coded in Quarry; insights are backed by the quoted excerpts.',
  recommendation: 'Recommendation',
  unknownParticipant: 'Unattributed',
  summary: (date, d, p, c, e) =>
    `Report of ${date} · ${plural(d, 'document', 'documents')} · ${plural(p, 'participant', 'participants')} · ${plural(c, 'code', 'codes')} · ${plural(e, 'excerpt', 'excerpts')}`,
  participantsCount: (n) => plural(n, 'participant', 'participants'),
  quotesCount: (n) => plural(n, 'quote', 'quotes'),
  strengthName: (s) => ({ strong: 'strong', moderate: 'moderate', weak: 'weak' })[s],
  priorityName: (p) => p,
};

export function reportLabels(_language: string): ReportLabels {
  return EN;
}
