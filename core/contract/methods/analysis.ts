/** Contract methods: analysis views (code × attribute matrix, co-occurrence, word frequency, intercoder agreement). */
import { z } from 'zod';
import { id, method, name } from '../define.js';
import type * as M from '../measures-types.js';
import type * as T from '../types.js';

export const analysisFilters = z
  .object({
    round: z.string().min(1).optional(),
    coder: z.string().min(1).optional(),
    /** Participant attribute values that must all match (name → value), e.g. a market or segment. */
    attributes: z.record(z.string().min(1), z.string().max(2000)).optional(),
  })
  .strict();

export const analysisMethods = {
  'analysis.matrix': method<M.CodeMatrix>()({
    input: z.object({ attribute: name, filters: analysisFilters.default({}) }).strict(),
    mutates: false,
  }),
  'analysis.cooccurrence': method<M.Cooccurrence[]>()({
    input: z.object({ filters: analysisFilters.default({}) }).strict(),
    mutates: false,
  }),
  'analysis.words': method<M.WordCount[]>()({
    input: z
      .object({
        documentId: id<T.DocumentId>().optional(),
        codeId: id<T.CodeId>().optional(),
        limit: z.number().int().min(1).max(10_000).default(100),
        filters: analysisFilters.default({}),
      })
      .strict(),
    mutates: false,
  }),
  'analysis.agreement': method<M.IntercoderAgreement>()({
    input: z
      .object({
        coders: z.array(z.string().trim().min(1)).min(2, 'Name at least two coders to compare').max(20),
        code: z.string().trim().min(1).optional(),
      })
      .strict(),
    mutates: false,
  }),
} as const;
