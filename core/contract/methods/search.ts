/** Contract methods: search. */
import { z } from 'zod';
import { id, method, offset, searchFilters } from '../define.js';
import type * as T from '../types.js';

const codeAllInput = z
  .object({
    query: z.string().trim().min(1, 'Type something to search for'),
    codeId: id<T.CodeId>(),
    filters: searchFilters.optional(),
    hits: z
      .array(z.object({ documentId: id<T.DocumentId>(), start: offset, end: offset }).strict())
      .max(10_000)
      .optional(),
    extent: z.enum(['match', 'sentence', 'turn']).optional(),
  })
  .strict();

export const searchMethods = {
  'search.query': method<T.SearchHit[]>()({
    input: z
      .object({
        query: z.string().trim().min(1, 'Type something to search for'),
        limit: z.number().int().min(1).max(10_000).optional(),
        filters: searchFilters.optional(),
        /** Every occurrence in a matching passage (for review before "code all hits"), not only the first. */
        every: z.boolean().optional(),
      })
      .strict(),
    mutates: false,
  }),
  /** Memo bodies matching the query (same syntax as search.query). */
  'search.memos': method<T.MemoHit[]>()({
    input: z
      .object({
        query: z.string().trim().min(1, 'Type something to search for'),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    mutates: false,
  }),
  /**
   * Codes search hits with a code, after review: the given hits (as reviewed), or every hit
   * of the query when `hits` is omitted. `extent` (default 'match') says how much text each
   * excerpt holds: the match, its sentence, or its turn. Never creates an excerpt that an
   * excerpt with this code already covers; hits sharing an extent give one excerpt. One undo step.
   */
  'search.codeAll': method<T.CodeAllResult>()({
    input: codeAllInput,
    mutates: true,
  }),
  /**
   * What search.codeAll would do with the same input (counts only; writes nothing). Without
   * `codeId` (a code not created yet) nothing counts as already coded.
   */
  'search.codeAllPreview': method<T.CodeAllPreview>()({
    input: codeAllInput.partial({ codeId: true }),
    mutates: false,
  }),
} as const;
