/** Contract methods: insights. */
import { z } from 'zod';
import { empty, id, method, name } from '../define.js';
import type * as T from '../types.js';

export const insightsMethods = {
  'insights.add': method<{ insightId: T.InsightId }>()({
    input: z
      .object({
        title: name,
        statement: z.string().trim().min(1, 'An insight needs a statement').max(20_000),
        evidence: z.array(id<T.ExcerptId>()).default([]),
        priority: z.enum(['high', 'medium', 'low']).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'insights.list': method<T.Insight[]>()({ input: empty, mutates: false }),
} as const;
