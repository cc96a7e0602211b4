/**
 * Who may talk to the server. It is reachable only from this machine, but any web page the
 * user visits can aim requests at 127.0.0.1, so every request must also:
 * - name this server in Host (defeats DNS rebinding),
 * - come from this server's own origin when a browser says where it comes from,
 * - for the API and the event stream, carry the session token in a header.
 * The printed link's `?token=` is read only by the page's own script, which moves it into
 * sessionStorage and out of the address bar (renderer/src/client/session.ts); the page and
 * its assets are the public renderer build, served without a token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 24 random bytes → 32 URL-safe characters (letters, digits, - and _). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

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

function sameToken(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The token is accepted only in a request header the page's own script sets. A cookie would
 * also reach every other server on 127.0.0.1 (cookies ignore ports), and a URL ends up in
 * history, logs and Referer headers, so neither is ever read.
 */
export function checkToken(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const header = req.headers['x-quarry-token'];
  return sameToken(bearer, token) || sameToken(typeof header === 'string' ? header : undefined, token);
}
