/**
 * Contract methods: analysis views (code × attribute matrix, co-occurrence, frequency across
 * rounds, word frequency and keywords in context, drill-down, table export, intercoder agreement).
 */
import { z } from 'zod';
import type * as A from '../analysis-types.js';
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
  /** Excerpts and participants per code and round, with each round's participants for shares. */
  'analysis.frequency': method<A.CodeFrequency>()({
    input: z.object({ filters: analysisFilters.default({}) }).strict(),
    mutates: false,
  }),
  /** Keywords in context: where a word counted by analysis.words occurs, with text either side. */
  'analysis.kwic': method<A.Kwic>()({
    input: z
      .object({
        word: z.string().trim().min(1, 'Type a word to find').max(200, 'A word is at most 200 characters'),
        documentId: id<T.DocumentId>().optional(),
        codeId: id<T.CodeId>().optional(),
        limit: z.number().int().min(1).max(10_000).default(200),
        /** Characters of context on each side. */
        context: z.number().int().min(5).max(500).default(60),
        filters: analysisFilters.default({}),
      })
      .strict(),
    mutates: false,
  }),
  /** The excerpts behind one cell: a code (with an attribute value, a round, or a second code). */
  'analysis.drill': method<A.Drill>()({
    input: z
      .object({
        cell: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('code'), codeId: id<T.CodeId>() }).strict(),
          z
            .object({
              kind: z.literal('matrix'),
              codeId: id<T.CodeId>(),
              attribute: name,
              /** null: participants without a value (the "(no value)" column). */
              value: z.string().max(2000).nullable(),
            })
            .strict(),
          z.object({ kind: z.literal('pair'), a: id<T.CodeId>(), b: id<T.CodeId>() }).strict(),
          z
            .object({
              kind: z.literal('round'),
              codeId: id<T.CodeId>(),
              /** null: documents in no round. */
              round: z.string().max(2000).nullable(),
            })
            .strict(),
        ]),
        limit: z.number().int().min(1).max(10_000).default(500),
        filters: analysisFilters.default({}),
      })
      .strict(),
    mutates: false,
  }),
  /** One analysis view as a tidy table, CSV or XLSX, returned as the file's bytes. */
  'analysis.export': method<T.ExportResult>()({
    input: z
      .object({
        view: z.enum(['matrix', 'cooccurrence', 'frequency', 'words', 'kwic']),
        format: z.enum(['csv', 'xlsx']),
        attribute: name.optional(),
        word: z.string().trim().min(1).max(200).optional(),
        filters: analysisFilters.default({}),
      })
      .strict()
      .refine((v) => v.view !== 'matrix' || v.attribute !== undefined, {
        message: 'A matrix export needs the attribute its columns are by',
        path: ['attribute'],
      })
      .refine((v) => v.view !== 'kwic' || v.word !== undefined, {
        message: 'A keywords-in-context export needs its word',
        path: ['word'],
      }),
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
