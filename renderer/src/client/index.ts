/**
 * The renderer's single entry to the contract. The transport is chosen once at boot:
 * IPC when the Electron preload is present, HTTP otherwise. Nothing above knows which.
 */
import { createHttpClient } from './http.js';
import { createIpcClient } from './ipc.js';
import type { RendererClient } from './transport.js';

export { errorMessage, QuarryClientError } from './errors.js';
export type { RendererClient } from './transport.js';
export { unwrap } from './transport.js';

let client: RendererClient | null = null;

export function getClient(): RendererClient {
  if (!client)
    client = typeof window !== 'undefined' && window.quarry ? createIpcClient(window.quarry) : createHttpClient();
  return client;
}

export function bridge() {
  return typeof window !== 'undefined' ? window.quarry : undefined;
}
