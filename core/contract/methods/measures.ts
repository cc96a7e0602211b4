/** Contract methods: benchmark measures across rounds. */
import { z } from 'zod';
import { MEASURE_KINDS } from '../../analysis/measures.js';
import { empty, fileUpload, id, method, name } from '../define.js';
import type { HypothesisId } from '../hypotheses-types.js';
import type * as M from '../measures-types.js';
import type { ExportResult, InsightId } from '../types.js';

const column = z.string().trim().min(1, 'A column name cannot be empty').max(500);
const sheet = z.string().trim().min(1).max(200).optional();

const linkEnds = {
  metricId: id<M.MetricId>(),
  insightId: id<InsightId>().optional(),
  hypothesisId: id<HypothesisId>().optional(),
};

export const measuresMethods = {
  'metrics.add': method<{ metricId: M.MetricId }>()({
    input: z
      .object({
        name,
        kind: z.enum(MEASURE_KINDS as [M.MeasureKind, ...M.MeasureKind[]]),
        unit: z.string().max(50).optional(),
        higherIsBetter: z.boolean().optional(),
        target: z.number().finite().optional(),
      })
      .strict(),
    mutates: true,
  }),
  /** A CSV or XLSX file's columns and first rows, to choose the column mapping of metrics.import. */
  'metrics.preview': method<M.MetricFilePreview>()({
    input: z.object({ file: fileUpload, sheet }).strict(),
    mutates: false,
  }),
  'metrics.import': method<M.MetricImportResult>()({
    input: z
      .object({
        metric: name,
        round: name,
        study: name.optional(),
        file: fileUpload,
        sheet,
        columns: z.array(column).min(1).max(50),
        participantColumn: column.optional(),
        segmentColumn: column.optional(),
        taskColumn: column.optional(),
        task: name.optional(),
      })
      .strict(),
    mutates: true,
  }),
  'metrics.list': method<M.Metric[]>()({ input: empty, mutates: false }),
  /**
   * Links an insight or a hypothesis (one of them) to the measure it explains, with an optional
   * note on how; linking again with a note changes the note. `linked`: a link or a note changed.
   */
  'metrics.link': method<{ linked: boolean }>()({
    input: z.object({ ...linkEnds, note: z.string().max(2000).optional() }).strict(),
    mutates: true,
  }),
  'metrics.unlink': method<{ unlinked: boolean }>()({
    input: z.object(linkEnds).strict(),
    mutates: true,
  }),
  /** The measures an insight or a hypothesis is linked to. */
  'metrics.linkedTo': method<{ metricId: M.MetricId; name: string }[]>()({
    input: z.object({ insightId: id<InsightId>().optional(), hypothesisId: id<HypothesisId>().optional() }).strict(),
    mutates: false,
  }),
  /**
   * The codes whose share of participants moved most between the last two rounds of a study
   * (with `from`/`to`, between those rounds): what the dashboard shows beside a measure.
   */
  'metrics.codeTrends': method<M.CodeTrends>()({
    input: z
      .object({
        study: name,
        from: name.optional(),
        to: name.optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    mutates: false,
  }),
  /** The measures (or one) as a tidy table: per round, segment and task, with intervals, change and p. */
  'metrics.exportTable': method<ExportResult>()({
    input: z.object({ metricId: id<M.MetricId>().optional(), format: z.enum(['csv', 'xlsx']) }).strict(),
    mutates: false,
  }),
} as const;
