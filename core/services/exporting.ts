/**
 * export.report's dispatch: reports (md, html) and REFI-QDA go to report.ts; tables (csv,
 * xlsx) to tables.ts; DOCX and PPTX to their writers with charts drawn as PNG.
 */
import type { ExportFormat, ExportResult, ExportTable } from '../contract/types.js';
import { renderDocx } from '../export/docx.js';
import type { ReportModel } from '../export/model.js';
import { renderPptx } from '../export/pptx.js';
import { redactReport } from '../export/redact.js';
import { writeCsv, writeXlsx } from '../export/tables.js';
import { rasterCharts, reportCharts } from './charts.js';
import type { ProjectContext } from './context.js';
import { buildReport, exportReport } from './report.js';
import { projectTables } from './tables.js';

export interface ExportInput {
  format: ExportFormat;
  redact: boolean;
  table?: ExportTable;
}

function projectSlug(ctx: ProjectContext): string {
  const s = (ctx.repos.meta.get()?.name ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'quarry';
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function reportModel(ctx: ProjectContext, redact: boolean): ReportModel {
  const model = buildReport(ctx);
  return redact ? redactReport(model, ctx.repos.participants.list()) : model;
}

/** Charts as PNG for the Office formats; the ones Chromium could not draw come back as notices. */
async function officeCharts(ctx: ProjectContext) {
  const { charts, notices } = await rasterCharts(reportCharts(ctx));
  return { charts: charts.flatMap((c) => (c.png ? [{ ...c, png: c.png }] : [])), notices };
}

export async function exportProject(ctx: ProjectContext, input: ExportInput): Promise<ExportResult> {
  const slug = projectSlug(ctx);
  switch (input.format) {
    case 'csv': {
      const table = input.table ?? 'excerpts';
      return {
        fileName: `${slug}-${table}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        encoding: 'utf8',
        data: writeCsv(projectTables(ctx, input.redact)[table]),
      };
    }
    case 'xlsx': {
      const t = projectTables(ctx, input.redact);
      return {
        fileName: `${slug}-tables.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        encoding: 'base64',
        data: base64(await writeXlsx([t.excerpts, t.codebook, t.matrix])),
      };
    }
    case 'docx': {
      const model = reportModel(ctx, input.redact);
      const { charts, notices } = await officeCharts(ctx);
      return {
        fileName: `${slug}-report.docx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        encoding: 'base64',
        data: base64(await renderDocx(model, charts)),
        notices,
      };
    }
    case 'pptx': {
      const model = reportModel(ctx, input.redact);
      const { charts, notices } = await officeCharts(ctx);
      return {
        fileName: `${slug}-insights.pptx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        encoding: 'base64',
        data: base64(await renderPptx(model, charts)),
        notices,
      };
    }
    default:
      return exportReport(ctx, { format: input.format, redact: input.redact });
  }
}
