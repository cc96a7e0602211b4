/** Contract methods: export. */
import { z } from 'zod';
import { method } from '../define.js';
import type * as T from '../types.js';

export const exportingMethods = {
  'export.report': method<T.ExportResult>()({
    input: z
      .object({
        format: z.enum(['md', 'html', 'pdf', 'docx', 'pptx', 'csv', 'xlsx', 'qdpx', 'qdc']),
        redact: z.boolean().default(false),
      })
      .strict(),
    mutates: false,
  }),
} as const;
