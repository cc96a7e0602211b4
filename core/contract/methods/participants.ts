/** Contract methods: participants. */
import { z } from 'zod';
import { id, method, name } from '../define.js';
import type * as T from '../types.js';

export const participantsMethods = {
  'participants.list': method<T.Participant[]>()({
    input: z
      .object({
        /** Only participants whose attributes have all these values (name → value). */
        attributes: z.record(name, z.string().max(2000)).optional(),
      })
      .strict(),
    mutates: false,
  }),
  'participants.update': method<T.Participant>()({
    input: z
      .object({
        id: id<T.ParticipantId>(),
        label: name.optional(),
        displayName: z.string().trim().max(200).nullable().optional(),
      })
      .strict(),
    mutates: true,
  }),
  'participants.add': method<T.Participant>()({
    input: z
      .object({
        label: name,
        displayName: z.string().trim().max(200).optional(),
        /** Attribute name → value; unknown attributes are created as text attributes. */
        attributes: z.record(name, z.string().max(2000)).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'participants.setAttributes': method<T.Participant>()({
    input: z
      .object({ id: id<T.ParticipantId>(), attributes: z.record(name, z.string().max(2000).nullable()) })
      .strict(),
    mutates: true,
  }),
  'documents.setParticipant': method<T.DocumentSummary>()({
    input: z.object({ documentId: id<T.DocumentId>(), participantId: id<T.ParticipantId>().nullable() }).strict(),
    mutates: true,
  }),
} as const;
