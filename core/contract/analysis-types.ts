/** Output types of the analysis views added beside the matrix: frequency across rounds, keywords in context, drill-down. */
import type { CodeId, DocumentId } from './types.js';

/** Code frequency across rounds: one column per round name (study and round order). */
export interface CodeFrequency {
  /** Round names, then "(no round)" when coded excerpts come from documents in none. */
  rounds: string[];
  /** Participants per round (recorded in it or with a document in it), for shares. */
  totals: number[];
  rows: { codeId: CodeId; code: string; excerpts: number[]; participants: number[] }[];
}

export interface KwicHit {
  documentId: DocumentId;
  document: string;
  participant: string | null;
  /** The keyword's span in the document text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** Text before and after the keyword, whitespace collapsed, cut to the requested context. */
  left: string;
  keyword: string;
  right: string;
}

export interface Kwic {
  /** The word as counted (folded to lower case). */
  word: string;
  /** Every occurrence; `hits` holds the first `limit`, in document order. */
  total: number;
  hits: KwicHit[];
}

/** Which cell of which view to list the excerpts of. */
export type DrillCell =
  | { kind: 'code'; codeId: CodeId }
  | { kind: 'matrix'; codeId: CodeId; attribute: string; value: string | null }
  | { kind: 'pair'; a: CodeId; b: CodeId }
  | { kind: 'round'; codeId: CodeId; round: string | null };

export interface DrillExcerpt {
  /** For a pair of overlapping excerpts, the one coded with the first code; the span covers both. */
  excerptId: number;
  documentId: DocumentId;
  document: string;
  participant: string | null;
  start: number;
  end: number;
  /** The excerpt's text, cut to a few hundred characters. */
  text: string;
}

export interface Drill {
  total: number;
  excerpts: DrillExcerpt[];
}

export type AnalysisView = 'matrix' | 'cooccurrence' | 'frequency' | 'words' | 'kwic';
