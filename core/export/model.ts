/**
 * The report as data: what a stakeholder reads, independent of the output format. Markdown
 * and HTML writers render this; redaction rewrites it before any writer sees it.
 */
export interface ReportQuote {
  excerptId: number;
  text: string;
  documentTitle: string;
  /** The document's language (BCP 47), when known. */
  language: string | null;
  participant: string | null;
  codes: string[];
  memo: string | null;
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

export interface ReportBoard {
  name: string;
  groups: { name: string; quotes: ReportQuote[]; notes: string[] }[];
  ungrouped: { quotes: ReportQuote[]; notes: string[] };
}

export interface ReportInsight {
  title: string;
  statement: string;
  priority: string | null;
  participants: number;
  evidence: ReportQuote[];
}

export interface ReportModel {
  projectName: string;
  /** YYYY-MM-DD */
  date: string;
  language: string;
  redacted: boolean;
  counts: { documents: number; participants: number; codes: number; excerpts: number };
  codebook: ReportCode[];
  byCode: { code: ReportCode; quotes: ReportQuote[] }[];
  boards: ReportBoard[];
  insights: ReportInsight[];
}
