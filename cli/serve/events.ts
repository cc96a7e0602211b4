/**
 * Change notifications as Server-Sent Events: after every mutating contract call each open
 * tab receives `data: {"method": "..."}` and refreshes what it shows.
 */
import type { ServerResponse } from 'node:http';
import type { Dispatcher } from '../../core/host.js';

const HEARTBEAT_MS = 20_000;

export interface EventHub {
  attach(res: ServerResponse): void;
  close(): void;
  readonly clients: number;
}

export function createEventHub(dispatcher: Dispatcher): EventHub {
  const clients = new Set<ServerResponse>();
  const broadcast = (chunk: string) => {
    for (const res of clients) res.write(chunk);
  };
  const unsubscribe = dispatcher.onChange((method) => broadcast(`data: ${JSON.stringify({ method })}\n\n`));
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
      res.write('retry: 2000\n: connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const res of clients) res.end();
      clients.clear();
    },
    get clients() {
      return clients.size;
    },
  };
}
