/** Output types of the measure and analysis methods (core/contract/methods/measures.ts, analysis.ts). */
import type { MeasureKind } from '../analysis/measures.js';
import type { CodeId, DocumentId, Id } from './types.js';

export type { MeasureKind };
export type MetricId = Id<'Metric'>;

export interface MetricRound {
  round: string;
  study: string;
  n: number;
  /** NPS −100…100; SUS 0…100; proportion 0…1; mean and time in the values' unit. */
  value: number;
  /** null when the round has too few values for an interval. */
  ci95: [number, number] | null;
  /** Against the previous round that has values: the difference and its two-sided p-value. */
  change: { from: string; difference: number; p: number | null } | null;
}

export interface MetricSegment {
  round: string;
  segment: string;
  n: number;
  value: number;
  ci95: [number, number] | null;
}

export interface Metric {
  id: MetricId;
  name: string;
  kind: MeasureKind;
  unit: string;
  higherIsBetter: boolean;
  target: number | null;
  rounds: MetricRound[];
  segments: MetricSegment[];
}

export interface MetricImportResult {
  imported: number;
  skipped: number;
  /** Values this import replaced: re-importing a round's file replaces that round's values. */
  replaced: number;
}

export interface WordCount {
  word: string;
  count: number;
  documents: number;
}

export interface CodeMatrix {
  attribute: string;
  columns: string[];
  rows: { codeId: CodeId; code: string; counts: number[]; participants: number[] }[];
  /** Participants per column, for shares. */
  totals: number[];
}

export interface Cooccurrence {
  a: string;
  b: string;
  excerpts: number;
}

/** Characters of one code as two coders coded them (null with more than two coders). */
export interface AgreementTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface AgreementFiguresDto {
  /** Matching characters / all characters (the mean over pairs with more than two coders). */
  agreement: number;
  /** Cohen's kappa (the mean over pairs with more than two coders). */
  kappa: number;
  /** Krippendorff's alpha (nominal). */
  alpha: number;
  table: AgreementTable | null;
}

/** A stretch of text where the chosen coders did not all agree about one code. */
export interface Disagreement {
  documentId: DocumentId;
  document: string;
  codeId: CodeId;
  code: string;
  start: number;
  end: number;
  /** The coders who coded this stretch with the code (the others did not). */
  codedBy: string[];
  text: string;
}

export interface IntercoderAgreement {
  coders: string[];
  /** Documents every chosen coder coded: the ones compared. */
  documents: number;
  /** Characters (code points) in those documents. */
  characters: number;
  overall: AgreementFiguresDto;
  codes: (AgreementFiguresDto & { codeId: CodeId; code: string })[];
  disagreements: Disagreement[];
  /** All disagreements found; `disagreements` holds at most the first 1,000. */
  disagreementsTotal: number;
}
