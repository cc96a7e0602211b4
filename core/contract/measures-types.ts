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
  study: string;
  segment: string;
  n: number;
  value: number;
  ci95: [number, number] | null;
}

/** One task's value in one round (task success and time on task are per task). */
export interface MetricTask {
  round: string;
  study: string;
  task: string;
  n: number;
  value: number;
  ci95: [number, number] | null;
}

/** An insight or hypothesis linked to the measure it explains. */
export interface MetricLink {
  kind: 'insight' | 'hypothesis';
  id: number;
  /** The insight's title, or the hypothesis's statement. */
  title: string;
  status: string;
  note: string;
}

export interface Metric {
  id: MetricId;
  name: string;
  kind: MeasureKind;
  unit: string;
  higherIsBetter: boolean;
  target: number | null;
  /** Rounds in study and round order; `change` compares with the previous round of the same study. */
  rounds: MetricRound[];
  segments: MetricSegment[];
  tasks: MetricTask[];
  links: MetricLink[];
}

/** What a measure file holds, for choosing its column mapping (metrics.preview). */
export interface MetricFilePreview {
  file: string;
  format: 'csv' | 'xlsx';
  /** A workbook's sheets (empty for a CSV), and the one shown. */
  sheets: string[];
  sheet: string | null;
  columns: { name: string; samples: string[]; filled: number; numeric: boolean }[];
  /** The first rows, numbered as a spreadsheet shows them. */
  rows: { row: number; cells: string[] }[];
  /** Rows below the header. */
  total: number;
  /** A mapping guessed from the headers, to start the form from. */
  suggested: {
    columns: string[];
    participantColumn: string | null;
    segmentColumn: string | null;
    taskColumn: string | null;
  };
}

/** A code whose share of participants moved between two rounds of a study. */
export interface CodeTrend {
  codeId: CodeId;
  code: string;
  color: string;
  /** Per round of the study, in order: participants with the code / participants in the round. */
  rounds: { round: string; participants: number; total: number; share: number }[];
  /** The share in the later round minus the earlier one (−1…1). */
  change: number;
}

export interface CodeTrends {
  study: string;
  /** The two rounds compared (the last two with participants), or null with fewer than two. */
  from: string | null;
  to: string | null;
  /** The study's rounds with participants, in order: the rounds that can be compared. */
  rounds: string[];
  codes: CodeTrend[];
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
