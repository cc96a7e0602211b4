/**
 * The only bridge between the sandboxed renderer and the main process. It must stay
 * self-contained: a sandboxed preload can require 'electron' and nothing else, so the
 * channel names are repeated here (tests/unit/electron-policy.test.ts checks they match
 * electron/bridge.ts). It exposes exactly the client the renderer needs (the DesktopBridge
 * interface in electron/bridge.ts), never ipcRenderer itself.
 */
import electron = require('electron');

import type { IpcRendererEvent } from 'electron';

const { contextBridge, ipcRenderer } = electron;

const CALL = 'quarry:call';
const CHANGED = 'quarry:changed';
const OPEN_DIALOG = 'quarry:open-dialog';
const SAVE_DIALOG = 'quarry:save-dialog';

type Reply = { ok: true; result: unknown } | { ok: false; error: { message: string } };

/** For the path pickers, which resolve to a path or null and reject with the user-facing message. */
async function pickPath(channel: string, request: unknown, key: 'paths' | 'path'): Promise<string | null> {
  const reply = (await ipcRenderer.invoke(channel, request)) as Reply;
  if (!reply.ok) throw new Error(reply.error.message);
  const result = reply.result as { canceled: boolean; paths?: string[]; path?: string };
  if (result.canceled) return null;
  return key === 'paths' ? (result.paths?.[0] ?? null) : (result.path ?? null);
}

/**
 * The renderer only ever imports files with openDialog and saves exports with saveDialog
 * (projects go through the two pickers), so nothing else is forwarded, and only the fields
 * those requests have: a compromised page cannot reach other dialog purposes through these.
 */
function importRequest(request: unknown): { purpose: 'import' } {
  if ((request as { purpose?: unknown } | null)?.purpose !== 'import')
    throw new TypeError('openDialog imports files only');
  return { purpose: 'import' };
}

function exportRequest(request: unknown) {
  const r = (request ?? {}) as { purpose?: unknown; fileName?: unknown; encoding?: unknown; data?: unknown };
  if (r.purpose !== 'export') throw new TypeError('saveDialog saves exports only');
  return { purpose: 'export', fileName: String(r.fileName), encoding: String(r.encoding), data: String(r.data) };
}

contextBridge.exposeInMainWorld('quarry', {
  platform: 'electron',
  call: (method: string, input: unknown) => ipcRenderer.invoke(CALL, String(method), input),
  onChange(listener: (method: string, tables?: Record<string, (number | string)[]>) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onChange needs a function');
    // Wrapped so the renderer never sees the IPC event object (it carries `sender`).
    const forward = (_event: IpcRendererEvent, payload: { method?: unknown; tables?: unknown } | null) => {
      if (!payload || typeof payload.method !== 'string') return;
      const tables = payload.tables && typeof payload.tables === 'object' ? payload.tables : undefined;
      listener(payload.method, tables as Record<string, (number | string)[]> | undefined);
    };
    ipcRenderer.on(CHANGED, forward);
    return () => {
      ipcRenderer.removeListener(CHANGED, forward);
    };
  },
  pickProjectPath: () => pickPath(OPEN_DIALOG, { purpose: 'project' }, 'paths'),
  pickNewProjectPath: () => pickPath(SAVE_DIALOG, { purpose: 'project' }, 'path'),
  openDialog: async (request: unknown) => ipcRenderer.invoke(OPEN_DIALOG, importRequest(request)),
  saveDialog: async (request: unknown) => ipcRenderer.invoke(SAVE_DIALOG, exportRequest(request)),
});
