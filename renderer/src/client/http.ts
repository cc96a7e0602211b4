/**
 * HTTP transport for `quarry serve`: POST /api/<method> with a JSON body and the tab's token
 * (session.ts) in `Authorization: Bearer`. Change notifications arrive over Server-Sent
 * Events on /api/events, read with fetch so the same header authenticates them; the stream's
 * first event names this tab (`hello`), and calls carry that id so the server does not echo
 * this tab's own changes back to it.
 */
import type { Envelope, InputOf, MethodName, OutputOf } from '../../../core/contract/index.js';
import { QuarryClientError } from './errors.js';
import { openEventStream } from './event-stream.js';
import { sessionToken } from './session.js';
import { type ChangeListener, type ChangeTables, type RendererClient, unwrap } from './transport.js';

const authHeaders = (): Record<string, string> => {
  const token = sessionToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

export function createHttpClient(base = '/api/'): RendererClient {
  let clientId: string | null = null;

  async function call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
    let response: Response;
    try {
      response = await fetch(`${base}${method}`, {
        method: 'POST',
        credentials: 'omit',
        headers: {
          'content-type': 'application/json',
          ...authHeaders(),
          ...(clientId ? { 'x-quarry-client': clientId } : {}),
        },
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
    if (typeof fetch === 'undefined' || typeof ReadableStream === 'undefined') return () => {};
    const close = openEventStream({
      url: `${base}events`,
      headers: authHeaders,
      onData(raw) {
        try {
          const data = JSON.parse(raw) as { method?: unknown; tables?: unknown; clientId?: unknown };
          // The stream's hello names this tab; every other event is a change.
          if (typeof data.clientId === 'string') clientId = data.clientId;
          if (typeof data.method !== 'string') return;
          const tables = data.tables && typeof data.tables === 'object' ? (data.tables as ChangeTables) : undefined;
          listener(data.method as MethodName, tables);
        } catch {
          // Foreign payloads are not change events.
        }
      },
    });
    return () => {
      close();
      clientId = null;
    };
  }

  return { call, onChange, platform: 'web' };
}
