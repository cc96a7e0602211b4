/**
 * IPC transport for Electron: the preload exposes `window.quarry` through contextBridge.
 * The renderer never sees ipcRenderer itself.
 */
import type { Envelope, InputOf, MethodName, OutputOf } from '../../../core/contract/index.js';
import { type RendererClient, unwrap } from './transport.js';

export type OpenDialogResult =
  | { canceled: true }
  | { canceled: false; paths: string[]; files: { name: string; path: string }[] };
export type SaveDialogResult = { canceled: true } | { canceled: false; path: string };

/**
 * What electron/preload exposes (electron/bridge.ts `DesktopBridge`). The dialog helpers are
 * optional so the renderer keeps working against an older or partial shell.
 */
export interface QuarryBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  onChange(listener: (method: string, tables?: Record<string, (number | string)[]>) => void): () => void;
  platform: 'electron';
  /** Native "save as" for a new project; resolves null when cancelled. */
  pickNewProjectPath?: () => Promise<string | null>;
  /** Native "open" for an existing project; resolves null when cancelled. */
  pickProjectPath?: () => Promise<string | null>;
  /**
   * Native file chooser for imports; the files come back as paths, which the main process lets
   * this window send to documents.import as `{ path }` (only those: electron/pickedPaths.ts).
   */
  openDialog?: (request: { purpose: 'import' } | { purpose: 'project' }) => Promise<Envelope<OpenDialogResult>>;
  /** Native "save as" that writes an export where the user chooses. */
  saveDialog?: (request: {
    purpose: 'export';
    fileName: string;
    encoding: 'utf8' | 'base64';
    data: string;
  }) => Promise<Envelope<SaveDialogResult>>;
}

declare global {
  interface Window {
    quarry?: QuarryBridge;
  }
}

export function createIpcClient(bridge: QuarryBridge): RendererClient {
  return {
    platform: 'electron',
    async call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
      const envelope = (await bridge.call(method, input ?? {})) as Envelope<OutputOf<K>>;
      return unwrap(envelope);
    },
    onChange(listener) {
      return bridge.onChange((method, tables) => listener(method as MethodName, tables));
    },
  };
}
