/** Contract methods: boards. */
import { z } from 'zod';
import { color, coord, empty, id, method, name } from '../define.js';
import type * as T from '../types.js';

export const boardsMethods = {
  'boards.list': method<T.Board[]>()({ input: empty, mutates: false }),
  'boards.create': method<T.Board>()({ input: z.object({ name }).strict(), mutates: true }),
  'boards.get': method<T.BoardDetail>()({
    input: z.object({ id: id<T.BoardId>() }).strict(),
    mutates: false,
  }),
  'boards.addGroup': method<T.BoardGroup>()({
    input: z
      .object({ boardId: id<T.BoardId>(), name, x: coord.optional(), y: coord.optional(), color: color.optional() })
      .strict(),
    mutates: true,
  }),
  'boards.updateGroup': method<T.BoardGroup>()({
    input: z
      .object({
        id: id<T.GroupId>(),
        name: name.optional(),
        color: color.nullable().optional(),
        x: coord.optional(),
        y: coord.optional(),
        w: z.number().finite().min(40).max(100_000).optional(),
        h: z.number().finite().min(40).max(100_000).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'boards.deleteGroup': method<{ deleted: true; cardsUngrouped: number }>()({
    input: z.object({ id: id<T.GroupId>() }).strict(),
    mutates: true,
  }),
  'boards.addCard': method<T.BoardCard>()({
    input: z
      .object({
        boardId: id<T.BoardId>(),
        excerptId: id<T.ExcerptId>().optional(),
        text: z.string().trim().min(1).max(20_000).optional(),
        groupId: id<T.GroupId>().nullable().optional(),
        x: coord.optional(),
        y: coord.optional(),
      })
      .strict()
      .refine((v) => (v.excerptId === undefined) !== (v.text === undefined), {
        message: 'A card holds either an excerpt or a note text, not both and not neither',
      }),
    mutates: true,
  }),
  'boards.moveCard': method<T.BoardCard>()({
    input: z
      .object({
        id: id<T.CardId>(),
        groupId: id<T.GroupId>().nullable(),
        x: coord,
        y: coord,
        order: z.number().int().min(0).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'boards.deleteCard': method<{ deleted: true }>()({
    input: z.object({ id: id<T.CardId>() }).strict(),
    mutates: true,
  }),
} as const;
