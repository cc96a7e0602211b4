/**
 * The contract: every operation Quarry offers, with its validated input and typed output.
 * Electron IPC, the HTTP host and the CLI all bind this one table; adding a method here
 * makes it available everywhere (see core/host.ts for the dispatcher).
 */
import { z } from 'zod';
import type * as T from './types.js';

/** Ids arrive as positive integers; the schema types them with their brand. */
const id = <B extends number>() => z.number().int().positive() as unknown as z.ZodType<B, B>;

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colours are #RRGGBB, e.g. #4C9A2A');
const name = z.string().trim().min(1, 'A name cannot be empty').max(200, 'Names are at most 200 characters');
const offset = z.number().int().min(0);
/** Board coordinates: finite numbers within a generous canvas. */
const coord = z.number().finite().min(-1_000_000).max(1_000_000);
const empty = z.object({}).strict();
const memoTarget = z.enum(['project', 'document', 'code', 'excerpt', 'participant']);
const attributeType = z.enum(['text', 'number', 'date', 'choice', 'boolean']);
const searchFilters = z
  .object({
    codeId: id<T.CodeId>().optional(),
    documentId: id<T.DocumentId>().optional(),
    round: z.string().min(1).optional(),
    /** Participant attribute values that must all match (name → value). */
    attributes: z.record(z.string().min(1), z.string().max(2000)).optional(),
  })
  .strict();

export type Scope = 'app' | 'project';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Writes to the project: hosts notify change listeners and undo will record these. */
  mutates: boolean;
  /** 'project' methods need an open project and fail with NoProject otherwise. */
  scope: Scope;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; mutates: boolean; scope?: Scope }): MethodSpec<I, O> => ({
    input: spec.input,
    mutates: spec.mutates,
    scope: spec.scope ?? 'project',
  });
}

export const fileUpload = z.object({
  name: z.string().min(1).max(1024),
  /** The file's bytes, base64-encoded (files travel as bytes so every host behaves alike). */
  dataBase64: z.string(),
});

const csvMapping = z
  .object({
    idColumn: z.string().min(1).nullable(),
    attributeColumns: z.array(z.string().min(1)).max(500),
    textColumns: z.array(z.string().min(1)).min(1, 'Choose at least one open-text column').max(500),
  })
  .strict();

export const contract = {
  // ---- app: projects ----
  'app.status': method<T.AppStatus>()({ input: empty, mutates: false, scope: 'app' }),
  'project.create': method<T.ProjectInfo>()({
    input: z.object({ path: z.string().min(1), name: name.optional() }).strict(),
    mutates: true,
    scope: 'app',
  }),
  'project.open': method<T.ProjectInfo>()({
    input: z.object({ path: z.string().min(1) }).strict(),
    mutates: false,
    scope: 'app',
  }),
  'project.info': method<T.ProjectInfo>()({ input: empty, mutates: false }),
  /** The coder identity recorded on new codings; kept in the app's preferences. */
  'app.setCoder': method<{ id: T.CoderId | null; name: string }>()({
    input: z.object({ name }).strict(),
    mutates: true,
    scope: 'app',
  }),
  'coders.list': method<T.Coder[]>()({ input: empty, mutates: false }),

  // ---- undo / redo (one step per contract call, for as long as the project is open) ----
  'history.undo': method<T.HistoryStatus>()({ input: empty, mutates: true }),
  'history.redo': method<T.HistoryStatus>()({ input: empty, mutates: true }),
  'history.status': method<T.HistoryStatus>()({ input: empty, mutates: false }),

  // ---- documents ----
  'documents.import': method<T.ImportResult>()({
    input: z
      .object({
        files: z.array(fileUpload).min(1, 'Choose at least one file to import').max(10_000),
        participant: name.optional(),
        /** A regular expression found in each file name (first group, or the match): e.g. "p\\d+". */
        participantPattern: z.string().min(1).max(200).optional(),
        /** Each document's participant is its main speaker (interviewer-like labels left out). */
        participantFromSpeaker: z.boolean().optional(),
        study: name.optional(),
        /** The study round (wave); created in the study when missing. */
        round: name.optional(),
        /** A file already in the project (same sha256): skipped (default) or imported again. */
        duplicates: z.enum(['skip', 'keep']).optional(),
        /** Column roles for survey CSVs (from documents.previewCsv); guessed when absent. */
        csv: csvMapping.optional(),
      })
      .strict(),
    mutates: true,
  }),
  'documents.previewCsv': method<T.CsvPreview>()({
    input: z.object({ file: fileUpload }).strict(),
    mutates: false,
  }),
  'documents.list': method<T.DocumentSummary[]>()({ input: empty, mutates: false }),
  'documents.get': method<T.DocumentDetail>()({
    input: z.object({ id: id<T.DocumentId>() }).strict(),
    mutates: false,
  }),

  // ---- codebook ----
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

  // ---- excerpts & coding ----
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
  'excerpts.untag': method<{ excerptDeleted: boolean }>()({
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
      })
      .strict(),
    mutates: false,
  }),

  // ---- memos ----
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

  // ---- attributes ----
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
      })
      .strict(),
    mutates: true,
  }),

  // ---- participants ----
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

  // ---- search ----
  'search.query': method<T.SearchHit[]>()({
    input: z
      .object({
        query: z.string().trim().min(1, 'Type something to search for'),
        limit: z.number().int().min(1).max(10_000).optional(),
        filters: searchFilters.optional(),
        /** Every occurrence in a matching passage (for review before "code all hits"), not only the first. */
        every: z.boolean().optional(),
      })
      .strict(),
    mutates: false,
  }),
  /** Memo bodies matching the query (same syntax as search.query). */
  'search.memos': method<T.MemoHit[]>()({
    input: z
      .object({
        query: z.string().trim().min(1, 'Type something to search for'),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    mutates: false,
  }),
  /**
   * Codes search hits with a code, after review: the given hits (as reviewed), or every hit
   * of the query when `hits` is omitted. One undo step.
   */
  'search.codeAll': method<T.CodeAllResult>()({
    input: z
      .object({
        query: z.string().trim().min(1, 'Type something to search for'),
        codeId: id<T.CodeId>(),
        filters: searchFilters.optional(),
        hits: z
          .array(z.object({ documentId: id<T.DocumentId>(), start: offset, end: offset }).strict())
          .max(10_000)
          .optional(),
      })
      .strict(),
    mutates: true,
  }),

  // ---- boards ----
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

  // ---- insights ----
  'insights.add': method<{ insightId: T.InsightId }>()({
    input: z
      .object({
        title: name,
        statement: z.string().trim().min(1, 'An insight needs a statement').max(20_000),
        evidence: z.array(id<T.ExcerptId>()).default([]),
        priority: z.enum(['high', 'medium', 'low']).optional(),
      })
      .strict(),
    mutates: true,
  }),
  'insights.list': method<T.Insight[]>()({ input: empty, mutates: false }),

  // ---- export ----
  'export.report': method<T.ExportResult>()({
    input: z
      .object({
        format: z.enum(['md', 'html', 'pdf', 'docx', 'pptx', 'csv', 'xlsx', 'qdpx', 'qdc']),
        redact: z.boolean().default(false),
      })
      .strict(),
    mutates: false,
  }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends MethodName> = NonNullable<Contract[K]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(contract, value);
}

/** What a host is told after a mutating call, so views can refresh. */
export interface ChangeEvent {
  method: MethodName;
}
