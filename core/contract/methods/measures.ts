/** Contract methods: benchmark measures across rounds. */
import { z } from 'zod';
import { MEASURE_KINDS } from '../../analysis/measures.js';
import { empty, fileUpload, method, name } from '../define.js';
import type * as M from '../measures-types.js';

const column = z.string().trim().min(1, 'A column name cannot be empty').max(500);

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
  'metrics.import': method<M.MetricImportResult>()({
    input: z
      .object({
        metric: name,
        round: name,
        study: name.optional(),
        file: fileUpload,
        columns: z.array(column).min(1).max(10),
        participantColumn: column.optional(),
        segmentColumn: column.optional(),
      })
      .strict(),
    mutates: true,
  }),
  'metrics.list': method<M.Metric[]>()({ input: empty, mutates: false }),
} as const;
