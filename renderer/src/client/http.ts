/**
 * HTTP transport for `quarry serve`: POST /api/<method> with a JSON body; the session cookie
 * (set when the page was opened with ?token=…) authenticates same-origin requests.
 * Change notifications arrive over Server-Sent Events on /api/events.
 */
import type { Envelope, InputOf, MethodName, OutputOf } from '../../../core/contract/index.js';
import { QuarryClientError } from './errors.js';
import { type RendererClient, unwrap } from './transport.js';

export function createHttpClient(base = '/api/'): RendererClient {
  async function call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
    let response: Response;
    try {
      response = await fetch(`${base}${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
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

  function onChange(listener: (method: MethodName) => void): () => void {
    if (typeof EventSource === 'undefined') return () => {};
    const source = new EventSource(`${base}events`, { withCredentials: true });
    const handle = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { method?: unknown };
        if (typeof data.method === 'string') listener(data.method as MethodName);
      } catch {
        // Keep-alive comments and foreign payloads are not change events.
      }
    };
    source.addEventListener('message', handle);
    source.addEventListener('change', handle as EventListener);
    return () => source.close();
  }

  return { call, onChange, platform: 'web' };
}
