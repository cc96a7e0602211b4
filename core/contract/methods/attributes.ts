/** Contract methods: attributes. */
import { z } from 'zod';
import { attributeType, empty, id, method, name } from '../define.js';
import type * as T from '../types.js';

export const attributesMethods = {
  'attributes.list': method<T.Attribute[]>()({ input: empty, mutates: false }),
  'attributes.add': method<T.Attribute>()({
    input: z
      .object({
        name,
        type: attributeType,
        choices: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'attributes.update': method<T.Attribute>()({
    input: z
      .object({
        id: id<T.AttributeId>(),
        name: name.optional(),
        type: attributeType.optional(),
        choices: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
        /** Marks the attribute as identifying a person (left out of redacted reports). */
        identifying: z.boolean().optional(),
      })
      .strict(),
    mutates: true,
  }),
} as const;
