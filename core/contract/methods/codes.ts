/** Contract methods: codebook. */
import { z } from 'zod';
import { color, empty, id, method, name } from '../define.js';
import type * as T from '../types.js';

export const codesMethods = {
  'codes.list': method<T.Code[]>()({ input: empty, mutates: false }),
  'codes.add': method<T.Code>()({
    input: z
      .object({
        name,
        parentId: id<T.CodeId>().nullable().optional(),
        color: color.optional(),
        description: z.string().max(20_000).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'codes.rename': method<T.Code>()({
    input: z.object({ id: id<T.CodeId>(), name }).strict(),
    mutates: true,
  }),
  'codes.update': method<T.Code>()({
    input: z
      .object({
        id: id<T.CodeId>(),
        color: color.optional(),
        description: z.string().max(20_000).optional(),
        inclusion: z.string().max(20_000).optional(),
        exclusion: z.string().max(20_000).optional(),
        example: z.string().max(20_000).optional(),
      })
      .strict(),
    mutates: true,
  }),
  /** Moves every coding of `sourceId` to `targetId` (keeping coders), re-parents its children, deletes it. */
  'codes.merge': method<T.Code>()({
    input: z.object({ sourceId: id<T.CodeId>(), targetId: id<T.CodeId>() }).strict(),
    mutates: true,
  }),
  /** Creates a code (beside the original unless `parentId` says otherwise) and moves the chosen excerpts' codings to it. */
  'codes.split': method<T.Code>()({
    input: z
      .object({
        id: id<T.CodeId>(),
        name,
        excerptIds: z.array(id<T.ExcerptId>()).min(1, 'Choose at least one excerpt to move to the new code'),
        parentId: id<T.CodeId>().nullable().optional(),
        color: color.optional(),
      })
      .strict(),
    mutates: true,
  }),
  'codes.move': method<T.Code>()({
    input: z
      .object({ id: id<T.CodeId>(), parentId: id<T.CodeId>().nullable(), position: z.number().int().min(0).optional() })
      .strict(),
    mutates: true,
  }),
  'codes.delete': method<{ deletedCodings: number; movedCodings: number }>()({
    input: z
      .object({
        id: id<T.CodeId>(),
        /** What happens to the code's codings: removed, or handed to the parent code. */
        codings: z.enum(['delete', 'moveToParent']).default('delete'),
      })
      .strict(),
    mutates: true,
  }),
} as const;
