/**
 * IPC transport for Electron: the preload exposes `window.quarry` through contextBridge.
 * The renderer never sees ipcRenderer itself.
 */
import type { Envelope, InputOf, MethodName, OutputOf } from '../../../core/contract/index.js';
import { type RendererClient, unwrap } from './transport.js';

/** What electron/preload exposes. Dialog helpers are optional until the shell provides them. */
export interface QuarryBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  onChange(listener: (method: string) => void): () => void;
  platform: 'electron';
  /** Native "save as" for a new project; resolves null when cancelled. */
  pickNewProjectPath?: () => Promise<string | null>;
  /** Native "open" for an existing project; resolves null when cancelled. */
  pickProjectPath?: () => Promise<string | null>;
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
      return bridge.onChange((method) => listener(method as MethodName));
    },
  };
}
