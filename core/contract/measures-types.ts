/** Output types of the measure and analysis methods (core/contract/methods/measures.ts, analysis.ts). */
import type { MeasureKind } from '../analysis/measures.js';
import type { CodeId, Id } from './types.js';

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
