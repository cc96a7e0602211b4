/**
 * Export: gathers the project into a ReportModel (core/export/model.ts) for the chosen options,
 * redacts it when asked, and hands it to a writer. The sections are built in report-sections.ts
 * through one evidence lens (report-evidence.ts).
 */
import type { ExportChoices, ReportOptions } from '../contract/report-types.js';
import type { ExportFormat, ExportResult } from '../contract/types.js';
import { QuarryError, unsupported } from '../errors.js';
import { renderHtml } from '../export/html.js';
import { renderMarkdown } from '../export/markdown.js';
import type { ReportModel } from '../export/model.js';
import type { PdfPrinter } from '../export/pdf.js';
import { printPdf } from '../export/pdf.js';
import { redactReport } from '../export/redact.js';
import { reportStrings } from '../export/strings.js';
import { listCodes } from './codes.js';
import type { ProjectContext } from './context.js';
import { exportExchange } from './exchangeExport.js';
import { redactionNames } from './identity.js';
import { reportEvidence } from './report-evidence.js';
import {
  appendixSection,
  boardSections,
  chartsSection,
  codebook,
  codeSections,
  executiveSummary,
  hypothesisSections,
  insightSections,
  methodSection,
  participantRows,
  rankedInsights,
} from './report-sections.js';

export { pickQuotes, textDirection } from './report-evidence.js';

export interface BuildOptions extends ReportOptions {
  /** Overrides today's date (tests). */
  date?: string;
}

export function buildReport(ctx: ProjectContext, options: BuildOptions): ReportModel {
  const { sections, redact } = options;
  const strings = reportStrings(options.language);
  const projectName = ctx.repos.meta.get()?.name ?? 'Quarry project';
  const allCodes = listCodes(ctx);
  const codes = codebook(allCodes);
  const evidence = reportEvidence(ctx, { redact, keyAttributes: options.keyAttributes });
  const { keyAttributes } = evidence;
  const ranked = rankedInsights(ctx, evidence);
  // Built in reading order: `used` keeps an excerpt to the first section that quotes it.
  const used = new Set<number>();
  const insights = sections.insights ? insightSections(ranked, evidence, used) : null;
  const hypotheses = sections.hypotheses ? hypothesisSections(ctx, evidence, used) : null;
  const codeQuotes = codeSections(codes, sections.codes, evidence, used);
  const boards = boardSections(ctx, sections.boards, evidence, used, strings);

  const model: ReportModel = {
    title: options.title?.trim() || projectName,
    projectName,
    date: options.date ?? new Date().toISOString().slice(0, 10),
    language: options.language,
    strings,
    options: { ...options, sections: { ...sections }, keyAttributes },
    redaction: null,
    executiveSummary: sections.executiveSummary ? executiveSummary(ranked) : null,
    insights,
    hypotheses,
    codes: codeQuotes,
    boards,
    method: sections.method ? methodSection(ctx, keyAttributes) : null,
    participantColumns: keyAttributes,
    participants: sections.participants ? participantRows(evidence) : null,
    charts: sections.charts ? chartsSection(ctx, allCodes, evidence) : null,
    appendix: sections.appendix ? appendixSection(ctx, codes, evidence) : null,
  };
  return redact ? redactReport(model, redactionNames(ctx, evidence.pseudonyms)) : model;
}

/** A file-name stem from a project or report title: letters and digits of any script, dashes. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'quarry';
}

export type ReportFormat = Exclude<ExportFormat, 'qdpx' | 'qdc'>;

export interface ExportInput extends ReportOptions {
  format: ExportFormat;
}

/** The file for one report format: the writers' output and a file name from the (redacted) title. */
export async function writeReport(
  model: ReportModel,
  format: ReportFormat,
  printer: PdfPrinter | undefined,
): Promise<ExportResult> {
  const base = `${slug(model.title)}-report`;
  if (format === 'md') {
    return {
      fileName: `${base}.md`,
      mediaType: 'text/markdown; charset=utf-8',
      encoding: 'utf8',
      data: renderMarkdown(model),
    };
  }
  const html = renderHtml(model);
  if (format === 'pdf') {
    const bytes = await printPdf(html, printer);
    return {
      fileName: `${base}.pdf`,
      mediaType: 'application/pdf',
      encoding: 'base64',
      data: bytes.toString('base64'),
    };
  }
  return { fileName: `${base}.html`, mediaType: 'text/html; charset=utf-8', encoding: 'utf8', data: html };
}

const CHOICES = 'exportChoices';

/** The dialog's remembered choices; null when none were saved or they no longer parse. */
export function exportChoices(
  ctx: ProjectContext,
  parse: (raw: unknown) => ExportChoices | null,
): ExportChoices | null {
  const raw = ctx.repos.meta.settings()[CHOICES];
  return raw === undefined ? null : parse(raw);
}

export function rememberExportChoices(ctx: ProjectContext, choices: ExportChoices): ExportChoices {
  ctx.repos.meta.setSetting(CHOICES, choices);
  return choices;
}

export async function exportReport(
  ctx: ProjectContext,
  input: ExportInput,
  printer?: PdfPrinter,
): Promise<ExportResult> {
  const { format, ...options } = input;
  if (format === 'qdpx' || format === 'qdc') {
    if (options.redact) {
      throw unsupported('A REFI-QDA export carries the project as it is; --redact applies to reports (md, html, pdf).');
    }
    return exportExchange(ctx, format, slug(ctx.repos.meta.get()?.name ?? 'quarry'));
  }
  const model = buildReport(ctx, options);
  if (format !== 'md' && format !== 'html' && format !== 'pdf') {
    throw new QuarryError('Unsupported', `Quarry cannot write ${format} reports yet.`);
  }
  return writeReport(model, format, printer);
}
