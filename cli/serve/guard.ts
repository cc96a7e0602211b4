/**
 * Who may talk to the server. It is reachable only from this machine, but any web page the
 * user visits can aim requests at 127.0.0.1, so every request must also:
 * - name this server in Host (defeats DNS rebinding),
 * - come from this server's own origin when a browser says where it comes from,
 * - carry the session token (query on the first page load, then cookie or header).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 24 random bytes → 32 URL-safe characters (letters, digits, - and _). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Cookies ignore ports, so the name carries it: two servers on 127.0.0.1 stay apart. */
export const cookieName = (port: number) => `quarry_token_${port}`;

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export type Verdict = { ok: true } | { ok: false; status: 403; reason: string };

export function checkHostAndOrigin(req: IncomingMessage, port: number): Verdict {
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).has(host)) {
    return { ok: false, status: 403, reason: 'This server only answers requests addressed to 127.0.0.1 or localhost.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { ok: false, status: 403, reason: 'Requests from other web sites are refused.' };
  }
  // Browsers that do not send Origin on a GET still say where a request comes from. A link
  // followed from elsewhere may open the app (it still needs the token); nothing else may.
  const site = req.headers['sec-fetch-site'];
  const navigation = req.headers['sec-fetch-mode'] === 'navigate' && !req.url?.startsWith('/api/');
  if ((site === 'cross-site' || site === 'same-site') && !navigation) {
    return { ok: false, status: 403, reason: 'Requests from other web sites are refused.' };
  }
  return { ok: true };
}

function sameToken(candidate: string | undefined | null, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface TokenCheck {
  ok: boolean;
  /** The token came in the query: the response should set the session cookie. */
  fromQuery: boolean;
}

export function checkToken(req: IncomingMessage, url: URL, token: string, port: number): TokenCheck {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const header = req.headers['x-quarry-token'];
  if (
    sameToken(readCookie(req, cookieName(port)), token) ||
    sameToken(bearer, token) ||
    sameToken(typeof header === 'string' ? header : undefined, token)
  ) {
    return { ok: true, fromQuery: false };
  }
  // Tokens in URLs are only for opening the app; API calls must not need them there.
  if ((req.method === 'GET' || req.method === 'HEAD') && sameToken(url.searchParams.get('token'), token)) {
    return { ok: true, fromQuery: true };
  }
  return { ok: false, fromQuery: false };
}

export function sessionCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
