/** Contract methods: the hypothesis register. */
import { z } from 'zod';
import { empty, id, method } from '../define.js';
import { HYPOTHESIS_STATUSES, type Hypothesis, type HypothesisId, type HypothesisStatus } from '../hypotheses-types.js';
import type * as T from '../types.js';

const statement = z.string().trim().min(1, 'A hypothesis needs a statement').max(20_000);
const note = z.string().max(20_000).optional();

export const hypothesesMethods = {
  'hypotheses.list': method<Hypothesis[]>()({ input: empty, mutates: false }),
  'hypotheses.add': method<{ hypothesisId: HypothesisId }>()({
    input: z.object({ statement, rationale: z.string().max(20_000).optional() }).strict(),
    mutates: true,
  }),
  'hypotheses.update': method<Hypothesis>()({
    input: z
      .object({ id: id<HypothesisId>(), statement: statement.optional(), rationale: z.string().max(20_000).optional() })
      .strict(),
    mutates: true,
  }),
  'hypotheses.setStatus': method<Hypothesis>()({
    input: z
      .object({
        id: id<HypothesisId>(),
        status: z.enum(HYPOTHESIS_STATUSES as [HypothesisStatus, ...HypothesisStatus[]]),
        note,
      })
      .strict(),
    mutates: true,
  }),
  'hypotheses.linkEvidence': method<Hypothesis>()({
    input: z
      .object({
        id: id<HypothesisId>(),
        excerptIds: z.array(id<T.ExcerptId>()).min(1, 'Choose at least one excerpt').max(10_000),
        stance: z.enum(['supports', 'contradicts']),
        note,
      })
      .strict(),
    mutates: true,
  }),
  'hypotheses.unlinkEvidence': method<Hypothesis>()({
    input: z.object({ id: id<HypothesisId>(), excerptId: id<T.ExcerptId>() }).strict(),
    mutates: true,
  }),
  'hypotheses.delete': method<{ deleted: true }>()({
    input: z.object({ id: id<HypothesisId>() }).strict(),
    mutates: true,
  }),
} as const;
