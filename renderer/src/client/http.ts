/**
 * HTTP transport for `quarry serve`: POST /api/<method> with a JSON body; the session cookie
 * (set when the page was opened with ?token=…) authenticates same-origin requests.
 * Change notifications arrive over Server-Sent Events on /api/events; the stream's first
 * event names this tab (`hello`), and calls carry that id so the server does not echo this
 * tab's own changes back to it.
 */
import type { Envelope, InputOf, MethodName, OutputOf } from '../../../core/contract/index.js';
import { QuarryClientError } from './errors.js';
import { type ChangeListener, type ChangeTables, type RendererClient, unwrap } from './transport.js';

export function createHttpClient(base = '/api/'): RendererClient {
  let clientId: string | null = null;

  async function call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
    let response: Response;
    try {
      response = await fetch(`${base}${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(clientId ? { 'x-quarry-client': clientId } : {}) },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new QuarryClientError(
        'Transport',
        'Quarry is not reachable. Is `quarry serve` still running? Start it again and reload this page.',
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new QuarryClientError(
        'Unauthorized',
        'This page is not signed in to Quarry. Open the link that `quarry serve` printed (it carries the token).',
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new QuarryClientError('Transport', `Quarry answered ${response.status} without a readable result.`);
    }
    return unwrap(body as Envelope<OutputOf<K>>);
  }

  function onChange(listener: ChangeListener): () => void {
    if (typeof EventSource === 'undefined') return () => {};
    const source = new EventSource(`${base}events`, { withCredentials: true });
    const handle = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { method?: unknown; tables?: unknown };
        if (typeof data.method !== 'string') return;
        const tables = data.tables && typeof data.tables === 'object' ? (data.tables as ChangeTables) : undefined;
        listener(data.method as MethodName, tables);
      } catch {
        // Keep-alive comments and foreign payloads are not change events.
      }
    };
    const hello = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { clientId?: unknown };
        if (typeof data.clientId === 'string') clientId = data.clientId;
      } catch {
        // A hello without an id: calls simply go without one (and are echoed).
      }
    };
    source.addEventListener('message', handle);
    source.addEventListener('change', handle as EventListener);
    source.addEventListener('hello', hello as EventListener);
    return () => {
      source.close();
      clientId = null;
    };
  }

  return { call, onChange, platform: 'web' };
}
