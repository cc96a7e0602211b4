/** Output types of the hypothesis methods (core/contract/methods/hypotheses.ts). */
import type { ExcerptId, Id } from './types.js';

export type HypothesisId = Id<'Hypothesis'>;
export type HypothesisStatus = 'open' | 'supported' | 'refuted';
export const HYPOTHESIS_STATUSES: readonly HypothesisStatus[] = ['open', 'supported', 'refuted'];
export type Stance = 'supports' | 'contradicts';

export interface HypothesisEvidence {
  excerptId: ExcerptId;
  stance: Stance;
  note: string;
  /** The excerpt's words and where they come from, for reading the register without opening each one. */
  text: string;
  documentTitle: string;
  participant: string | null;
}

export interface StatusChange {
  status: HypothesisStatus;
  note: string;
  coder: string | null;
  at: string;
}

export interface Hypothesis {
  id: HypothesisId;
  statement: string;
  rationale: string;
  status: HypothesisStatus;
  supporting: ExcerptId[];
  contradicting: ExcerptId[];
  evidence: HypothesisEvidence[];
  /** Oldest first; the last entry is the current status. */
  history: StatusChange[];
  createdAt: string;
  updatedAt: string;
}
