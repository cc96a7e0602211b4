/** Contract methods: app: projects. */
import { z } from 'zod';
import { empty, method, name } from '../define.js';
import type * as T from '../types.js';

export const appMethods = {
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
  /**
   * Merges a teammate's .quarry, .qdpx or .qdc into the open project (by path on this machine,
   * or as file content from the browser host). dryRun counts without writing.
   */
  'project.merge': method<T.MergeResult>()({
    input: z
      .object({
        source: z.union([
          z.object({ path: z.string().min(1) }).strict(),
          z.object({ name: z.string().min(1).max(1000), dataBase64: z.string() }).strict(),
        ]),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    mutates: true,
  }),
} as const;
