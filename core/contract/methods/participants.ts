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
        /** The name used in redacted reports; null clears it (a generated P01… is used). */
        pseudonym: z.string().trim().max(200).nullable().optional(),
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
  /**
   * A participant label for every document, found the way import finds one: a regular
   * expression in the file name (its first group, or the match), or the main speaker.
   */
  'participants.suggest': method<T.ParticipantSuggestion[]>()({
    input: z
      .object({
        by: z.enum(['fileName', 'speaker']),
        /** For `fileName`: e.g. "p\\d+"; case-insensitive. */
        pattern: z.string().min(1).max(200).optional(),
      })
      .strict(),
    mutates: false,
  }),
  /**
   * Links many documents at once, each to the participant with that label (created when
   * missing) or to nobody (null). One transaction, one undo step. The document's turns whose
   * speaker is that label go to the participant too.
   */
  'participants.linkDocuments': method<T.LinkResult>()({
    input: z
      .object({
        links: z
          .array(z.object({ documentId: id<T.DocumentId>(), participant: name.nullable() }).strict())
          .min(1, 'Choose at least one document to link')
          .max(10_000),
      })
      .strict(),
    mutates: true,
  }),
  'documents.setParticipant': method<T.DocumentSummary>()({
    input: z.object({ documentId: id<T.DocumentId>(), participantId: id<T.ParticipantId>().nullable() }).strict(),
    mutates: true,
  }),
} as const;
