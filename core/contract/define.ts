/** Building blocks of the contract: shared input schemas and the method() helper. */
import { z } from 'zod';
import type * as T from './types.js';

/** Ids arrive as positive integers; the schema types them with their brand. */
export const id = <B extends number>() => z.number().int().positive() as unknown as z.ZodType<B, B>;

export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colours are #RRGGBB, e.g. #4C9A2A');
export const name = z.string().trim().min(1, 'A name cannot be empty').max(200, 'Names are at most 200 characters');
export const offset = z.number().int().min(0);
/** Board coordinates: finite numbers within a generous canvas. */
export const coord = z.number().finite().min(-1_000_000).max(1_000_000);
export const empty = z.object({}).strict();
export const memoTarget = z.enum(['project', 'document', 'code', 'excerpt', 'participant']);
export const attributeType = z.enum(['text', 'number', 'date', 'choice', 'boolean']);
export const searchFilters = z
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

export function method<O>() {
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

/**
 * A file on this machine, read by the core itself: only local hosts (the CLI, Electron's main
 * process) send it, so a large file is not carried as base64 too (issue 8). The HTTP and
 * renderer hosts refuse it (core/contract/localPaths.ts): a page must not read the server's files.
 */
export const filePath = z.object({ path: z.string().min(1).max(4096) }).strict();

export const csvMapping = z
  .object({
    idColumn: z.string().min(1).nullable(),
    attributeColumns: z.array(z.string().min(1)).max(500),
    textColumns: z.array(z.string().min(1)).min(1, 'Choose at least one open-text column').max(500),
  })
  .strict();
