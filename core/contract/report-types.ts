/**
 * What a report contains and how it reads: the options of `export.report` (validated by the zod
 * schema in methods/exporting.ts, which must stay in step with these types).
 */
import type { BoardId, CodeId } from './types.js';

/** Languages of the report's headings and fixed phrases (quotes stay in their own language). */
export type ReportLanguage = 'en' | 'zh' | 'de' | 'ja';
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['en', 'zh', 'de', 'ja'];

export interface ReportSections {
  executiveSummary: boolean;
  insights: boolean;
  hypotheses: boolean;
  /** Which codes get their own section (with quotes not shown earlier): all, none, or these. */
  codes: CodeId[] | 'all' | 'none';
  /** Boards to include, group by group (quotes not shown earlier). */
  boards: BoardId[];
  method: boolean;
  participants: boolean;
  charts: boolean;
  appendix: boolean;
}

/** The boolean sections, in reading order; `codes` and `boards` are chosen by id. */
export const REPORT_SECTION_FLAGS = [
  'executiveSummary',
  'insights',
  'hypotheses',
  'method',
  'participants',
  'charts',
  'appendix',
] as const satisfies readonly (keyof ReportSections)[];

export interface ReportOptions {
  sections: ReportSections;
  /** Replace every known name, mask e-mail addresses and phone numbers, leave out identifying attributes. */
  redact: boolean;
  language: ReportLanguage;
  /** The report's title; the project's name when absent. */
  title?: string | undefined;
  /**
   * Up to two participant attributes that describe a segment ("JP · returning"); chosen from
   * the project's attributes when absent.
   */
  keyAttributes?: string[] | undefined;
}

/** The export dialog's last choices for a project (kept in the project, so they travel with it). */
export interface ExportChoices extends ReportOptions {
  format: ReportFileFormat;
  /** For CSV, which table (one per file). */
  table?: ExportTable | undefined;
}

/** The formats the export dialog offers: reports, the deck, and tables for analysis. */
export type ReportFileFormat = 'md' | 'html' | 'pdf' | 'docx' | 'pptx' | 'csv' | 'xlsx';
export const REPORT_FILE_FORMATS: readonly ReportFileFormat[] = ['md', 'html', 'pdf', 'docx', 'pptx', 'csv', 'xlsx'];
export type ExportTable = 'excerpts' | 'codebook' | 'matrix';

export const DEFAULT_REPORT_SECTIONS: ReportSections = {
  executiveSummary: true,
  insights: true,
  hypotheses: true,
  codes: 'all',
  boards: [],
  method: true,
  participants: true,
  charts: true,
  appendix: true,
};
