/** Contract methods: boards (the affinity wall). */
import { z } from 'zod';
import { color, coord, empty, id, method, name } from '../define.js';
import type * as T from '../types.js';

/** Many cards in one call: a wall of a few thousand excerpts moves or grows in one step. */
const MAX_BATCH = 5000;
const size = z.number().finite().min(40).max(100_000);
const noteText = z.string().trim().min(1, 'A note needs some text').max(20_000);

export const boardsMethods = {
  'boards.list': method<T.Board[]>()({ input: empty, mutates: false }),
  'boards.create': method<T.Board>()({ input: z.object({ name }).strict(), mutates: true }),
  'boards.rename': method<T.Board>()({
    input: z.object({ id: id<T.BoardId>(), name }).strict(),
    mutates: true,
  }),
  'boards.delete': method<{ deleted: true }>()({
    input: z.object({ id: id<T.BoardId>() }).strict(),
    mutates: true,
  }),
  'boards.get': method<T.BoardDetail>()({
    input: z.object({ id: id<T.BoardId>() }).strict(),
    mutates: false,
  }),
  /** Where the board was last looked at; not undoable and announced to nobody (a view's own state). */
  'boards.setViewport': method<T.BoardViewport>()({
    input: z.object({ id: id<T.BoardId>(), x: coord, y: coord, zoom: z.number().finite().min(0.01).max(100) }).strict(),
    mutates: false,
  }),
  /** One group per code, bound to it, holding a card for each of the code's excerpts. */
  'boards.fromCodes': method<{ boardId: T.BoardId }>()({
    input: z.object({ name, codeIds: z.array(id<T.CodeId>()).min(1, 'Choose at least one code').max(500) }).strict(),
    mutates: true,
  }),
  'boards.addGroup': method<T.BoardGroup>()({
    input: z
      .object({
        boardId: id<T.BoardId>(),
        name,
        x: coord.optional(),
        y: coord.optional(),
        color: color.optional(),
        parentId: id<T.GroupId>().nullable().optional(),
        /** Bind the new group to this code (it takes the code's name). */
        codeId: id<T.CodeId>().optional(),
      })
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
        w: size.optional(),
        h: size.optional(),
        /** Nest the group in another one (null: top level); a group cannot end up inside itself. */
        parentId: id<T.GroupId>().nullable().optional(),
        collapsed: z.boolean().optional(),
      })
      .strict(),
    mutates: true,
  }),
  'boards.deleteGroup': method<{ deleted: true; cardsUngrouped: number }>()({
    input: z.object({ id: id<T.GroupId>() }).strict(),
    mutates: true,
  }),
  /**
   * Binds a group to a code (applying it to the excerpt cards already in it), creates a code
   * named like the group and binds it (`createCode`), or unbinds (`codeId: null`; the codings
   * the group applied stay).
   */
  'boards.bindGroup': method<T.BindGroupResult>()({
    input: z
      .object({
        groupId: id<T.GroupId>(),
        codeId: id<T.CodeId>().nullable().optional(),
        createCode: z.boolean().optional(),
        parentCodeId: id<T.CodeId>().optional(),
      })
      .strict()
      .refine((v) => (v.codeId !== undefined) !== (v.createCode === true), {
        message: 'Give either codeId (null to unbind) or createCode: true',
      }),
    mutates: true,
  }),
  /** Lays the group's cards out in a grid inside it and resizes it to fit. */
  'boards.tidyGroup': method<T.BoardGroup>()({
    input: z.object({ id: id<T.GroupId>() }).strict(),
    mutates: true,
  }),
  'boards.addCard': method<T.BoardCard>()({
    input: z
      .object({
        boardId: id<T.BoardId>(),
        excerptId: id<T.ExcerptId>().optional(),
        text: noteText.optional(),
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
  /**
   * Many excerpts at once, in one step; an excerpt already on the board keeps its card (its id
   * is returned). Cards go into free space: inside the group, or below the board's content.
   */
  'boards.addCards': method<{ cardIds: T.CardId[] }>()({
    input: z
      .object({
        boardId: id<T.BoardId>(),
        excerptIds: z.array(id<T.ExcerptId>()).min(1).max(MAX_BATCH),
        groupId: id<T.GroupId>().optional(),
        x: coord.optional(),
        y: coord.optional(),
      })
      .strict(),
    mutates: true,
  }),
  /**
   * Spans of text (search hits) as cards, in one step: a span (widened to `extent`) that is
   * already an excerpt keeps it, any other becomes a new uncoded excerpt (an excerpt needs no code: it is selected text,
   * and coding it later codes the card); then as boards.addCards.
   */
  'boards.addSpans': method<T.AddSpansResult>()({
    input: z
      .object({
        boardId: id<T.BoardId>(),
        spans: z
          .array(
            z
              .object({
                documentId: id<T.DocumentId>(),
                start: z.number().int().min(0),
                end: z.number().int().min(1),
              })
              .strict()
              .refine((s) => s.end > s.start, { message: 'A span ends after it starts' }),
          )
          .min(1)
          .max(MAX_BATCH),
        /** How much text each card holds: the span itself (default), its sentence, or its turn. */
        extent: z.enum(['match', 'sentence', 'turn']).optional(),
        groupId: id<T.GroupId>().optional(),
      })
      .strict(),
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
  /**
   * Moves many cards in one step. Into a bound group: its code is applied to the excerpt; out of
   * one: the coding that group applied is removed, unless `keepCodes`.
   */
  'boards.moveCards': method<T.MoveCardsResult>()({
    input: z
      .object({
        moves: z
          .array(
            z
              .object({
                id: id<T.CardId>(),
                groupId: id<T.GroupId>().nullable(),
                /** Omitted: the card takes the next free slot of its new group, or stays where it is. */
                x: coord.optional(),
                y: coord.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(MAX_BATCH),
        keepCodes: z.boolean().optional(),
      })
      .strict(),
    mutates: true,
  }),
  /** A sticky note's text. */
  'boards.updateCard': method<T.BoardCard>()({
    input: z.object({ id: id<T.CardId>(), text: noteText }).strict(),
    mutates: true,
  }),
  'boards.updateCards': method<{ updated: number }>()({
    input: z.object({ ids: z.array(id<T.CardId>()).min(1).max(MAX_BATCH), color: color.nullable() }).strict(),
    mutates: true,
  }),
  'boards.deleteCard': method<{ deleted: true }>()({
    input: z.object({ id: id<T.CardId>() }).strict(),
    mutates: true,
  }),
  'boards.deleteCards': method<{ deleted: number }>()({
    input: z.object({ ids: z.array(id<T.CardId>()).min(1).max(MAX_BATCH) }).strict(),
    mutates: true,
  }),
  /** The current coder's dot vote: +1 adds one, -1 takes one of theirs back; returns the target's total. */
  'boards.vote': method<{ votes: number; mine: number }>()({
    input: z
      .object({
        target: z.enum(['card', 'group']),
        id: z.number().int().positive(),
        delta: z.union([z.literal(1), z.literal(-1)]),
      })
      .strict(),
    mutates: true,
  }),
} as const;
