/**
 * The renderer's single entry to the contract. The transport is chosen once at boot:
 * IPC when the Electron preload is present, HTTP otherwise. Nothing above knows which.
 */
import { createHttpClient } from './http.js';
import { createIpcClient } from './ipc.js';
import { adoptUrlToken } from './session.js';
import type { RendererClient } from './transport.js';

export { errorMessage, QuarryClientError } from './errors.js';
export type { RendererClient } from './transport.js';
export { unwrap } from './transport.js';

let client: RendererClient | null = null;

// At load, before the app renders anything: the printed link's token leaves the address bar
// at once (and only in the browser; Electron has no token).
if (typeof window !== 'undefined' && !window.quarry) adoptUrlToken();

export function getClient(): RendererClient {
  if (!client)
    client = typeof window !== 'undefined' && window.quarry ? createIpcClient(window.quarry) : createHttpClient();
  return client;
}

export function bridge() {
  return typeof window !== 'undefined' ? window.quarry : undefined;
}
