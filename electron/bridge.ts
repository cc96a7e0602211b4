/**
 * What crosses between the desktop renderer and the main process: the channel names, the
 * shape of `window.quarry`, and validators for the dialog requests. The preload repeats the
 * channel names (a sandboxed preload cannot load this file); a unit test keeps them equal.
 */
import { z } from 'zod';
import type { Envelope } from '../core/contract/client.js';
import type { MethodName } from '../core/contract/methods.js';

export const CHANNELS = {
  /** invoke(method, input) → Envelope; the whole contract goes through this one channel. */
  call: 'quarry:call',
  /** main → renderer: a mutating method ran, or the open project changed. */
  changed: 'quarry:changed',
  openDialog: 'quarry:open-dialog',
  saveDialog: 'quarry:save-dialog',
} as const;

export const openDialogRequest = z.discriminatedUnion('purpose', [
  /** Pick an existing .quarry project; the renderer then calls project.open with the path. */
  z.object({ purpose: z.literal('project') }).strict(),
  /** Pick files to import; their paths come back, granted for documents.import (electron/pickedPaths.ts). */
  z.object({ purpose: z.literal('import') }).strict(),
]);
export type OpenDialogRequest = z.infer<typeof openDialogRequest>;

export const saveDialogRequest = z.discriminatedUnion('purpose', [
  /** Choose where a new project goes; nothing is written, the renderer calls project.create. */
  z.object({ purpose: z.literal('project'), defaultName: z.string().trim().min(1).max(200).optional() }).strict(),
  /** Write an export (export.report's result) where the user chooses. */
  z
    .object({
      purpose: z.literal('export'),
      fileName: z.string().trim().min(1).max(255),
      encoding: z.enum(['utf8', 'base64']),
      data: z.string(),
    })
    .strict(),
]);
export type SaveDialogRequest = z.infer<typeof saveDialogRequest>;

/** A file the import dialog picked: the renderer sends `{ path }` back to documents.import. */
export interface PickedFile {
  name: string;
  path: string;
}

export type OpenDialogResult = { canceled: true } | { canceled: false; paths: string[]; files: PickedFile[] };

export type SaveDialogResult = { canceled: true } | { canceled: false; path: string };

/**
 * `window.quarry` in the desktop app (the browser build talks HTTP instead); matches
 * renderer/src/client/ipc.ts `QuarryBridge`. Change listeners get the method name and the rows it changed by table (not for the window's own calls).
 */
export interface DesktopBridge {
  platform: 'electron';
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  onChange(listener: (method: MethodName, tables?: Record<string, (number | string)[]>) => void): () => void;
  /** Native "open" for an existing project; null when cancelled. */
  pickProjectPath(): Promise<string | null>;
  /** Native "save as" for a new project (nothing is written); null when cancelled. */
  pickNewProjectPath(): Promise<string | null>;
  openDialog(request: OpenDialogRequest): Promise<Envelope<OpenDialogResult>>;
  saveDialog(request: SaveDialogRequest): Promise<Envelope<SaveDialogResult>>;
}
