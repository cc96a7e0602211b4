/**
 * The report as data: what a stakeholder reads, independent of the output format. Every writer
 * (Markdown, HTML → PDF, DOCX, PPTX, tables, charts) renders this and nothing else, so what a
 * report says — and what redaction removed — is decided once, in core/services/report.ts and
 * core/export/redact.ts.
 *
 * Reading order: executive summary, insights (each with its evidence strength and best quotes),
 * hypotheses, codes (quotes not shown above), boards, method, participants, appendix. No
 * excerpt is quoted twice in one report.
 */
import type { ReportLanguage, ReportOptions } from '../contract/report-types.js';
import type { ReportStrings } from './strings.js';

export type { ReportLanguage, ReportOptions, ReportStrings };

export interface ReportQuote {
  excerptId: number;
  text: string;
  /** The document's language (BCP 47) when known. */
  language: string | null;
  /** Writing direction of the quote's text, for `dir` in HTML and right-to-left runs elsewhere. */
  dir: 'ltr' | 'rtl';
  /** Who said it: the participant's label, or their pseudonym in a redacted report; null when unknown. */
  participant: string | null;
  /** Values of the key attributes for that participant (at most two), e.g. ["JP", "returning"]. */
  segment: string[];
  /** The attribution line: participant and segment, "P03 · JP · returning" (or the document title when no participant). */
  attribution: string;
  documentTitle: string;
  codes: string[];
  memo: string | null;
}

/** How well a finding is backed: counted from the evidence excerpts' documents and their participants. */
export interface EvidenceStrength {
  excerpts: number;
  documents: number;
  participants: number;
  /**
   * Participants per value of the first key attribute (e.g. market: DE 1, JP 1, UK 1), most
   * first; null when the report has no key attribute.
   */
  segments: { attribute: string; values: { value: string; participants: number }[] } | null;
}

export interface ReportInsight {
  id: number;
  title: string;
  statement: string;
  /** What to do about it; empty when the researcher wrote none. */
  recommendation: string;
  priority: 'high' | 'medium' | 'low' | null;
  strength: EvidenceStrength;
  /** The best 2–4 quotes: distinct participants first, then 40–400 characters. */
  quotes: ReportQuote[];
}

export interface ReportHypothesis {
  id: number;
  statement: string;
  rationale: string;
  status: 'open' | 'supported' | 'refuted';
  supporting: EvidenceStrength;
  contradicting: EvidenceStrength;
  /** At most one supporting and one contradicting quote not shown earlier. */
  quotes: { stance: 'supports' | 'contradicts'; quote: ReportQuote }[];
}

export interface ReportCode {
  id: number;
  name: string;
  /** "Parent › Child" */
  path: string;
  depth: number;
  color: string;
  description: string;
  excerpts: number;
}

export interface ReportCodeSection {
  code: ReportCode;
  strength: EvidenceStrength;
  /** Quotes for this code that no earlier section showed (may be empty: "all quoted above"). */
  quotes: ReportQuote[];
}

export interface ReportBoard {
  id: number;
  name: string;
  groups: { name: string; quotes: ReportQuote[]; notes: string[] }[];
}

export interface ReportParticipant {
  /** Label, or pseudonym when redacted. */
  name: string;
  /** Values of `ReportModel.participantColumns`, in that order ("" when missing). */
  values: string[];
  documents: number;
  excerpts: number;
}

export interface ReportMethod {
  documents: number;
  participants: number;
  codes: number;
  excerpts: number;
  /** Languages of the documents (BCP 47), most documents first. */
  languages: string[];
  /** Study rounds the documents belong to. */
  rounds: string[];
  /** The key attributes the report segments by. */
  keyAttributes: string[];
}

/** Numbers for charts; the writers draw them (bar charts of codes and of segments). */
export interface ReportCharts {
  codes: { name: string; color: string; excerpts: number; participants: number }[];
  /** Participants per value of each key attribute. */
  segments: { attribute: string; values: { value: string; participants: number }[] }[];
  /** Benchmark measures by round, on their display scale (proportions in percent). */
  measures: ReportMeasure[];
}

export interface ReportMeasure {
  name: string;
  /** NPS, SUS, Task success, Time on task or Mean. */
  kind: string;
  unit: string;
  target: number | null;
  rounds: { study: string; round: string; n: number; value: number; ci95: [number, number] | null; p: number | null }[];
}

export interface ReportMemo {
  /** What the memo is about ("Project", "Code Price", "Participant P03"). */
  about: string;
  title: string;
  body: string;
}

export interface ReportAppendix {
  codebook: ReportCode[];
  documents: { title: string; participant: string | null; language: string | null; excerpts: number }[];
  memos: ReportMemo[];
}

/** What a redacted report replaced, by kind; counts only, never the names. */
export interface RedactionSummary {
  kinds: { kind: RedactionKind; count: number }[];
}

export type RedactionKind = 'participantNames' | 'speakerNames' | 'identifyingAttributes' | 'emails' | 'phones';

export interface ReportModel {
  /** The report's title (the option, else the project's name). */
  title: string;
  projectName: string;
  /** YYYY-MM-DD */
  date: string;
  /** Language of headings and fixed phrases, and `strings` in that language. */
  language: ReportLanguage;
  strings: ReportStrings;
  /** The options the report was built with (sections say which parts below are filled). */
  options: ReportOptions;
  /** Set on a redacted report (by core/export/redact.ts). */
  redaction: RedactionSummary | null;
  /** Null when the section is off. The findings are the insights, most important first, in brief. */
  executiveSummary: {
    findings: { insightId: number; title: string; priority: ReportInsight['priority']; strength: EvidenceStrength }[];
  } | null;
  insights: ReportInsight[] | null;
  hypotheses: ReportHypothesis[] | null;
  codes: ReportCodeSection[] | null;
  boards: ReportBoard[] | null;
  method: ReportMethod | null;
  /** Column names of `participants` rows: the key attributes (identifying ones left out when redacted). */
  participantColumns: string[];
  participants: ReportParticipant[] | null;
  charts: ReportCharts | null;
  appendix: ReportAppendix | null;
}
