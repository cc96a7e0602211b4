/**
 * The analysis views as tidy tables (one row per observation, so R, SPSS and pandas read them
 * without reshaping), written as CSV or XLSX by core/export/tables.ts.
 */
import type { AnalysisFilters } from '../../db/repositories/analysis.js';
import type { AnalysisView } from '../contract/analysis-types.js';
import type { ExportResult } from '../contract/types.js';
import { type Cell, safeColumnNames, type Table, writeCsv, writeXlsx } from '../export/tables.js';
import { codeCooccurrence, codeFrequency, codeMatrix, keywordsInContext, wordCounts } from './analysis.js';
import type { ProjectContext } from './context.js';
import { slug } from './report.js';

export interface AnalysisExportInput {
  view: AnalysisView;
  format: 'csv' | 'xlsx';
  filters: AnalysisFilters;
  /** The matrix's participant attribute. */
  attribute?: string | undefined;
  /** The keyword of a keywords-in-context table. */
  word?: string | undefined;
}

const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export function analysisTable(ctx: ProjectContext, input: AnalysisExportInput): Table {
  const { filters } = input;
  switch (input.view) {
    case 'matrix': {
      const m = codeMatrix(ctx, input.attribute ?? '', filters);
      const [attr] = safeColumnNames([m.attribute], 'value');
      const rows: Cell[][] = [];
      for (const r of m.rows) {
        m.columns.forEach((value, i) => {
          const total = m.totals[i] ?? 0;
          const people = r.participants[i] ?? 0;
          rows.push([r.code, value, r.counts[i] ?? 0, people, total, share(people, total)]);
        });
      }
      return {
        name: 'matrix',
        columns: [
          { name: 'code', type: 'text' },
          { name: attr === 'code' ? 'value' : (attr ?? 'value'), type: 'text' },
          { name: 'excerpts', type: 'number' },
          { name: 'participants', type: 'number' },
          { name: 'participants_total', type: 'number' },
          { name: 'share', type: 'number' },
        ],
        rows,
      };
    }
    case 'cooccurrence':
      return {
        name: 'cooccurrence',
        columns: [
          { name: 'code_a', type: 'text' },
          { name: 'code_b', type: 'text' },
          { name: 'excerpts', type: 'number' },
        ],
        rows: codeCooccurrence(ctx, filters).map((p) => [p.a, p.b, p.excerpts]),
      };
    case 'frequency': {
      const f = codeFrequency(ctx, filters);
      const rows: Cell[][] = [];
      for (const r of f.rows) {
        f.rounds.forEach((round, i) => {
          const total = f.totals[i] ?? 0;
          const people = r.participants[i] ?? 0;
          rows.push([r.code, round, r.excerpts[i] ?? 0, people, total, share(people, total)]);
        });
      }
      return {
        name: 'frequency',
        columns: [
          { name: 'code', type: 'text' },
          { name: 'round', type: 'text' },
          { name: 'excerpts', type: 'number' },
          { name: 'participants', type: 'number' },
          { name: 'participants_total', type: 'number' },
          { name: 'share', type: 'number' },
        ],
        rows,
      };
    }
    case 'words':
      return {
        name: 'words',
        columns: [
          { name: 'word', type: 'text' },
          { name: 'count', type: 'number' },
          { name: 'documents', type: 'number' },
        ],
        rows: wordCounts(ctx, { limit: 10_000, filters }).map((w) => [w.word, w.count, w.documents]),
      };
    case 'kwic': {
      const k = keywordsInContext(ctx, { word: input.word ?? '', limit: 100_000, context: 60, filters });
      return {
        name: 'kwic',
        columns: [
          { name: 'document', type: 'text' },
          { name: 'participant', type: 'text' },
          { name: 'left', type: 'text' },
          { name: 'keyword', type: 'text' },
          { name: 'right', type: 'text' },
          { name: 'start', type: 'number' },
          { name: 'end', type: 'number' },
        ],
        rows: k.hits.map((h) => [h.document, h.participant, h.left, h.keyword, h.right, h.start, h.end]),
      };
    }
  }
}

export async function exportAnalysis(ctx: ProjectContext, input: AnalysisExportInput): Promise<ExportResult> {
  const table = analysisTable(ctx, input);
  const stem = `${slug(ctx.repos.meta.get()?.name ?? '')}-${table.name}`;
  if (input.format === 'csv') {
    return { fileName: `${stem}.csv`, mediaType: 'text/csv; charset=utf-8', encoding: 'utf8', data: writeCsv(table) };
  }
  return {
    fileName: `${stem}.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    data: Buffer.from(await writeXlsx([table])).toString('base64'),
  };
}
