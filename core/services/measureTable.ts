/**
 * The measures as one tidy table for R, SPSS or a spreadsheet: a row per measure and round,
 * then per segment and per task, with the value, its 95% interval, n, and (overall rows) the
 * change from the round before with its p-value. Written as CSV or XLSX (core/export/tables.ts).
 */
import type { MetricId } from '../contract/measures-types.js';
import type { ExportResult } from '../contract/types.js';
import { notFound } from '../errors.js';
import { type Cell, type Table, writeCsv, writeXlsx } from '../export/tables.js';
import type { ProjectContext } from './context.js';
import { listMetrics } from './measures.js';
import { slug } from './report.js';

export function measureTable(ctx: ProjectContext, metricId?: MetricId): { table: Table; name: string } {
  const metrics = listMetrics(ctx).filter((m) => metricId === undefined || m.id === metricId);
  if (metricId !== undefined && metrics.length === 0) throw notFound(`There is no measure ${metricId}.`);
  const rows: Cell[][] = [];
  for (const m of metrics) {
    const base = (study: string, round: string) => [m.name, m.kind, m.unit, study, round];
    for (const r of m.rounds) {
      rows.push([
        ...base(r.study, r.round),
        'all',
        null,
        r.n,
        r.value,
        r.ci95?.[0] ?? null,
        r.ci95?.[1] ?? null,
        r.change?.difference ?? null,
        r.change?.p ?? null,
      ]);
    }
    for (const s of m.segments) {
      rows.push([
        ...base(s.study, s.round),
        'segment',
        s.segment,
        s.n,
        s.value,
        s.ci95?.[0] ?? null,
        s.ci95?.[1] ?? null,
        null,
        null,
      ]);
    }
    for (const t of m.tasks) {
      rows.push([
        ...base(t.study, t.round),
        'task',
        t.task,
        t.n,
        t.value,
        t.ci95?.[0] ?? null,
        t.ci95?.[1] ?? null,
        null,
        null,
      ]);
    }
  }
  const text = (name: string) => ({ name, type: 'text' as const });
  const number = (name: string) => ({ name, type: 'number' as const });
  return {
    name: metrics.length === 1 ? (metrics[0]?.name ?? 'measures') : 'measures',
    table: {
      name: 'measures',
      columns: [
        text('measure'),
        text('kind'),
        text('unit'),
        text('study'),
        text('round'),
        text('breakdown'),
        text('group'),
        number('n'),
        number('value'),
        number('ci95_low'),
        number('ci95_high'),
        number('change'),
        number('p'),
      ],
      rows: rows.map((r) => r.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : c))),
    },
  };
}

export async function exportMeasureTable(
  ctx: ProjectContext,
  input: { metricId?: MetricId | undefined; format: 'csv' | 'xlsx' },
): Promise<ExportResult> {
  const { table, name } = measureTable(ctx, input.metricId);
  const stem = slug(name) || 'measures';
  if (input.format === 'csv') {
    return { fileName: `${stem}.csv`, mediaType: 'text/csv', encoding: 'utf8', data: writeCsv(table) };
  }
  return {
    fileName: `${stem}.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    data: Buffer.from(await writeXlsx([table])).toString('base64'),
  };
}
