/**
 * Change notifications as Server-Sent Events. Each stream first gets `event: hello` with its
 * `clientId`; the tab sends that id with its calls (the `X-Quarry-Client` header), and after
 * every mutating call every *other* tab receives `data: {"method": "...", "tables": {...}}`
 * (ChangeEvent: the rows the call changed) and refreshes what it shows. The tab that made the
 * change already has the result, so it is not echoed back.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Dispatcher } from '../../core/host.js';

/** The request header naming the event stream of the tab that makes a call. */
export const CLIENT_HEADER = 'x-quarry-client';

const HEARTBEAT_MS = 20_000;

export interface EventHub {
  attach(res: ServerResponse): void;
  close(): void;
  readonly clients: number;
}

export function createEventHub(dispatcher: Dispatcher): EventHub {
  const clients = new Map<ServerResponse, string>();
  const broadcast = (chunk: string, skip?: string) => {
    for (const [res, id] of clients) if (id !== skip) res.write(chunk);
  };
  const unsubscribe = dispatcher.onChange((_method, { origin, ...event }) =>
    broadcast(`data: ${JSON.stringify(event)}\n\n`, origin),
  );
  // Comments keep idle connections from being dropped by proxies and browsers.
  const heartbeat = setInterval(() => broadcast(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();

  return {
    attach(res) {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Connection', 'keep-alive');
      res.setHeader('X-Accel-Buffering', 'no');
      res.flushHeaders();
      const id = randomUUID();
      res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ clientId: id })}\n\n`);
      clients.set(res, id);
      res.on('close', () => clients.delete(res));
    },
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const res of clients.keys()) res.end();
      clients.clear();
    },
    get clients() {
      return clients.size;
    },
  };
}
