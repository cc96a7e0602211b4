/**
 * `quarry serve`'s HTTP host: the built renderer and the contract on 127.0.0.1, behind a
 * per-run token. Reused by `npm start` (when Electron is absent) and the e2e tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { QuarryApp } from '../../core/app.js';
import { toWireError } from '../../core/errors.js';
import { packageRoot } from '../package-root.js';
import { DEFAULT_MAX_BODY_BYTES, handleApi } from './api.js';
import { createEventHub } from './events.js';
import { checkHostAndOrigin, checkToken, newToken } from './guard.js';
import { sendError, sendPage, setSecurityHeaders, wantsJson } from './respond.js';
import { createStaticSite } from './static.js';

export interface ServerOptions {
  app: QuarryApp;
  /** A project to open before serving; without it the UI starts on its open/create screen. */
  projectPath?: string | null;
  /** 0 or absent picks a free port. */
  port?: number;
  /** Loopback only, by design; the option exists so callers state it. */
  host?: '127.0.0.1';
  /** A fixed token (tests); by default a fresh random one per run. */
  token?: string;
  /** Where the built renderer is; defaults to <package>/dist/renderer. */
  rendererDir?: string;
  /** Largest accepted API request body; defaults to 512 MB. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  /** The URL to open: http://127.0.0.1:<port>/?token=<token> */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Stops accepting requests, ends event streams and open connections. Does not close the app. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('quarry serve binds 127.0.0.1 only.');
  const token = options.token ?? newToken();
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('The token must be at least 16 URL-safe characters.');
  const { dispatcher } = options.app;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  if (options.projectPath) await dispatcher.call('project.open', { path: resolve(options.projectPath) });

  const site = createStaticSite(options.rendererDir ?? join(packageRoot(), 'dist', 'renderer'));
  const events = createEventHub(dispatcher);
  let port = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const guard = checkHostAndOrigin(req, port);
    if (!guard.ok) {
      sendError(res, guard.status, 'BadInput', guard.reason);
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (wantsJson(url.pathname) && !checkToken(req, token)) {
      sendError(
        res,
        401,
        'BadInput',
        'Missing or wrong token: send it as "Authorization: Bearer <token>". Open the link that "quarry serve" printed.',
      );
      return;
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET');
        sendError(res, 405, 'BadInput', 'Subscribe to events with GET.');
        return;
      }
      events.attach(res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length), dispatcher, maxBodyBytes);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendPage(res, 405, 'Method not allowed', 'Only GET and HEAD are served here.');
      return;
    }
    await site.handle(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const wire = toWireError(err);
      sendError(res, 500, wire.kind, wire.message);
    });
  });
  server.requestTimeout = 0; // large imports over a slow disk must not be cut off
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close() {
      closing ??= new Promise<void>((done) => {
        events.close();
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
