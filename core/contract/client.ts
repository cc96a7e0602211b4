/**
 * The one client interface the renderer talks to. Its transport (Electron IPC or HTTP) is
 * chosen when the app boots; nothing above it knows which.
 */
import type { InputOf, MethodName, OutputOf } from './methods.js';

export interface QuarryClient {
  call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>>;
}

/** What a transport gives back: a result or a wire error, never a thrown stack. */
export type Envelope<O> = { ok: true; result: O } | { ok: false; error: { kind: string; message: string } };
