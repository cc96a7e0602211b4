/** Contract methods: documents. */
import { z } from 'zod';
import { csvMapping, empty, filePath, fileUpload, id, method, name } from '../define.js';
import type * as T from '../types.js';

export const documentsMethods = {
  'documents.import': method<T.ImportResult>()({
    input: z
      .object({
        files: z
          .array(z.union([fileUpload, filePath]))
          .min(1, 'Choose at least one file to import')
          .max(10_000),
        participant: name.optional(),
        /** A regular expression found in each file name (first group, or the match): e.g. "p\\d+". */
        participantPattern: z.string().min(1).max(200).optional(),
        /** Each document's participant is its main speaker (interviewer-like labels left out). */
        participantFromSpeaker: z.boolean().optional(),
        study: name.optional(),
        /** The study round (wave); created in the study when missing. */
        round: name.optional(),
        /** A file already in the project (same sha256): skipped (default) or imported again. */
        duplicates: z.enum(['skip', 'keep']).optional(),
        /** Column roles for survey CSVs (from documents.previewCsv); guessed when absent. */
        csv: csvMapping.optional(),
      })
      .strict(),
    mutates: true,
  }),
  'documents.previewCsv': method<T.CsvPreview>()({
    input: z.object({ file: z.union([fileUpload, filePath]) }).strict(),
    mutates: false,
  }),
  'documents.list': method<T.DocumentSummary[]>()({ input: empty, mutates: false }),
  'documents.get': method<T.DocumentDetail>()({
    input: z.object({ id: id<T.DocumentId>() }).strict(),
    mutates: false,
  }),
} as const;
