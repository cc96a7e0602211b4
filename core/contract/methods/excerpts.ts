/** Contract methods: excerpts & coding. */
import { z } from 'zod';
import { id, method, name, offset } from '../define.js';
import type * as T from '../types.js';

/**
 * A page of a list, in the list's order: at most `limit` items after skipping `offset`.
 * Without them the whole list comes back (the CLI prints everything).
 */
const page = {
  limit: z.number().int().min(1).max(10_000).optional(),
  offset: z.number().int().min(0).optional(),
};

export const excerptsMethods = {
  'excerpts.tag': method<T.TagResult>()({
    input: z
      .object({
        documentId: id<T.DocumentId>(),
        start: offset,
        end: offset,
        codeIds: z.array(id<T.CodeId>()).min(1, 'Choose at least one code'),
        memo: z.string().max(100_000).optional(),
      })
      .strict(),
    mutates: true,
  }),
  /**
   * Many spans coded in one transaction (`quarry tag --batch`); codes are named, and created
   * at the top level when missing. A bad item rejects them all: the error's detail.index says which.
   */
  'excerpts.tagBatch': method<{ excerptIds: T.ExcerptId[] }>()({
    input: z
      .object({
        items: z
          .array(
            z
              .object({
                documentId: id<T.DocumentId>(),
                start: offset,
                end: offset,
                codes: z.array(name).min(1, 'Give at least one code').max(100),
              })
              .strict(),
          )
          .min(1)
          .max(100_000),
      })
      .strict(),
    mutates: true,
  }),
  /** Removes one code; the excerpt stays (uncoded when it was the last). codesLeft counts codings left. */
  'excerpts.untag': method<{ codesLeft: number }>()({
    input: z.object({ excerptId: id<T.ExcerptId>(), codeId: id<T.CodeId>() }).strict(),
    mutates: true,
  }),
  'excerpts.delete': method<{ deleted: true }>()({
    input: z.object({ id: id<T.ExcerptId>() }).strict(),
    mutates: true,
  }),
  'excerpts.list': method<T.Excerpt[]>()({
    input: z
      .object({
        codeId: id<T.CodeId>().optional(),
        documentId: id<T.DocumentId>().optional(),
        coderId: id<T.CoderId>().optional(),
        ...page,
      })
      .strict(),
    mutates: false,
  }),
  /** New boundaries for an excerpt; its codings, memo and board uses stay with it. */
  'excerpts.resize': method<T.Excerpt>()({
    input: z.object({ id: id<T.ExcerptId>(), start: offset, end: offset }).strict(),
    mutates: true,
  }),
  /** Codes whole turns: the listed turn indexes, or every turn of one speaker. One undo step. */
  'excerpts.tagTurns': method<{ excerptIds: T.ExcerptId[] }>()({
    input: z
      .object({
        documentId: id<T.DocumentId>(),
        codeIds: z.array(id<T.CodeId>()).min(1, 'Choose at least one code'),
        turns: z.array(z.number().int().min(0)).min(1).optional(),
        speaker: z.string().min(1).optional(),
      })
      .strict()
      .refine((v) => (v.turns === undefined) !== (v.speaker === undefined), {
        message: 'Say which turns to code: either turn indexes or a speaker, not both',
      }),
    mutates: true,
  }),
  /** All excerpts of a code (optionally its descendants too) with context, participant and attributes. */
  'excerpts.retrieve': method<T.RetrievedExcerpt[]>()({
    input: z
      .object({
        codeId: id<T.CodeId>(),
        includeChildren: z.boolean().default(false),
        /** Characters of context either side (cut at the turn's edges). */
        context: z.number().int().min(0).max(5000).default(200),
        filters: z
          .object({
            round: z.string().min(1).optional(),
            /** Participant attribute values that must all match (name → value). */
            attributes: z.record(name, z.string().max(2000)).optional(),
            documentId: id<T.DocumentId>().optional(),
            coderId: id<T.CoderId>().optional(),
          })
          .strict()
          .default({}),
        ...page,
      })
      .strict(),
    mutates: false,
  }),
} as const;
