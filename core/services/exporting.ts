/**
 * export.report's dispatch by format: reports (md, html, pdf) and REFI-QDA go to report.ts;
 * DOCX and PPTX render the same report model with charts drawn as PNG; tables (csv, xlsx)
 * come from tables.ts.
 */
import type { ExportResult, ExportTable } from '../contract/types.js';
import { renderDocx } from '../export/docx.js';
import type { PdfPrinter } from '../export/pdf.js';
import { renderPptx } from '../export/pptx.js';
import { writeCsv, writeXlsx } from '../export/tables.js';
import { officeCharts } from './charts.js';
import type { ProjectContext } from './context.js';
import { buildReport, type ExportInput, exportReport, slug } from './report.js';
import { projectTables } from './tables.js';

export interface ExportProjectInput extends ExportInput {
  table?: ExportTable;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export async function exportProject(
  ctx: ProjectContext,
  input: ExportProjectInput,
  printer?: PdfPrinter,
): Promise<ExportResult> {
  const { format, table, ...options } = input;
  switch (format) {
    case 'csv': {
      const which = table ?? 'excerpts';
      return {
        fileName: `${slug(ctx.repos.meta.get()?.name ?? '')}-${which}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        encoding: 'utf8',
        data: writeCsv(projectTables(ctx, options.redact)[which]),
      };
    }
    case 'xlsx': {
      const t = projectTables(ctx, options.redact);
      return {
        fileName: `${slug(ctx.repos.meta.get()?.name ?? '')}-tables.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        encoding: 'base64',
        data: base64(await writeXlsx([t.excerpts, t.codebook, t.matrix])),
      };
    }
    case 'docx':
    case 'pptx': {
      // The model is already redacted when asked; the file name comes from its (redacted) title.
      const model = buildReport(ctx, options);
      const { charts, notices } = await officeCharts(ctx, model);
      const docx = format === 'docx';
      return {
        fileName: `${slug(model.title)}-${docx ? 'report.docx' : 'insights.pptx'}`,
        mediaType: docx
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        encoding: 'base64',
        data: base64(docx ? await renderDocx(model, charts) : await renderPptx(model, charts)),
        notices,
      };
    }
    default:
      return exportReport(ctx, { format, ...options }, printer);
  }
}
