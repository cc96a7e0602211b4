/** Contract methods: memos. */
import { z } from 'zod';
import { id, memoTarget, method } from '../define.js';
import type * as T from '../types.js';

export const memosMethods = {
  'memos.list': method<T.Memo[]>()({
    input: z
      .object({ targetKind: memoTarget.optional(), targetId: z.number().int().positive().nullable().optional() })
      .strict(),
    mutates: false,
  }),
  'memos.get': method<T.Memo>()({ input: z.object({ id: id<T.MemoId>() }).strict(), mutates: false }),
  'memos.add': method<T.Memo>()({
    input: z
      .object({
        targetKind: memoTarget,
        /** The target's id; omit (or null) for a project memo. */
        targetId: z.number().int().positive().nullable().optional(),
        title: z.string().trim().max(200).optional(),
        body: z.string().max(200_000),
      })
      .strict(),
    mutates: true,
  }),
  'memos.update': method<T.Memo>()({
    input: z
      .object({
        id: id<T.MemoId>(),
        title: z.string().trim().max(200).optional(),
        body: z.string().max(200_000).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'memos.delete': method<{ deleted: true }>()({
    input: z.object({ id: id<T.MemoId>() }).strict(),
    mutates: true,
  }),
} as const;
