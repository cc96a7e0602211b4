/** Contract methods: export. */
import { z } from 'zod';
import { method } from '../define.js';
import type * as T from '../types.js';

export const exportingMethods = {
  'export.report': method<T.ExportResult>()({
    input: z
      .object({
        // Only what is implemented is advertised (issue 7); later formats are added with their writers.
        format: z.enum(['md', 'html', 'qdpx', 'qdc']),
        redact: z.boolean().default(false),
      })
      .strict(),
    mutates: false,
  }),
} as const;
