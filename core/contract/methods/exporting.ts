/** Contract methods: export. */
import { z } from 'zod';
import { method } from '../define.js';
import type * as T from '../types.js';

export const exportingMethods = {
  'export.report': method<T.ExportResult>()({
    input: z
      .object({
        // Only what is implemented is advertised (issue 7); later formats are added with their writers.
        format: z.enum(['md', 'html', 'docx', 'pptx', 'csv', 'xlsx', 'qdpx', 'qdc']),
        redact: z.boolean().default(false),
        /** CSV is one table per file; which one (XLSX has a sheet for each). */
        table: z.enum(['excerpts', 'codebook', 'matrix']).default('excerpts'),
      })
      .strict(),
    mutates: false,
  }),
} as const;
