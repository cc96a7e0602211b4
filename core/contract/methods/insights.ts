/** Contract methods: insights. */
import { z } from 'zod';
import { empty, id, method, name } from '../define.js';
import type * as T from '../types.js';

const statement = z.string().trim().min(1, 'An insight needs a statement').max(20_000);
const priority = z.enum(['high', 'medium', 'low']);
const stance = z.enum(['supports', 'contradicts']);

export const insightsMethods = {
  /**
   * Evidence is the union of `evidence`, the excerpt cards of `fromGroup` (and its nested
   * groups; the insight remembers the group) and the excerpts of `fromCards`.
   */
  'insights.add': method<{ insightId: T.InsightId }>()({
    input: z
      .object({
        title: name,
        statement,
        evidence: z.array(id<T.ExcerptId>()).default([]),
        priority: priority.optional(),
        fromGroup: id<T.GroupId>().optional(),
        fromCards: z.array(id<T.CardId>()).max(5000).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'insights.list': method<T.Insight[]>()({ input: empty, mutates: false }),
  'insights.get': method<T.InsightDetail>()({
    input: z.object({ id: id<T.InsightId>() }).strict(),
    mutates: false,
  }),
  'insights.update': method<T.InsightDetail>()({
    input: z
      .object({
        id: id<T.InsightId>(),
        title: name.optional(),
        statement: statement.optional(),
        recommendation: z.string().trim().max(20_000).optional(),
        priority: priority.nullable().optional(),
        status: z.enum(['draft', 'review', 'final', 'archived']).optional(),
        ownerId: id<T.CoderId>().nullable().optional(),
      })
      .strict(),
    mutates: true,
  }),
  /** Adds an excerpt as evidence, or changes its stance. */
  'insights.setEvidence': method<T.InsightDetail>()({
    input: z.object({ id: id<T.InsightId>(), excerptId: id<T.ExcerptId>(), stance }).strict(),
    mutates: true,
  }),
  'insights.removeEvidence': method<T.InsightDetail>()({
    input: z.object({ id: id<T.InsightId>(), excerptId: id<T.ExcerptId>() }).strict(),
    mutates: true,
  }),
  /** Places the insight just before `before` (the end when null or omitted). */
  'insights.reorder': method<T.Insight[]>()({
    input: z.object({ id: id<T.InsightId>(), before: id<T.InsightId>().nullable().optional() }).strict(),
    mutates: true,
  }),
  'insights.delete': method<{ deleted: true }>()({
    input: z.object({ id: id<T.InsightId>() }).strict(),
    mutates: true,
  }),
} as const;
