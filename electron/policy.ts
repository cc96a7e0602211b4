/**
 * The desktop shell's security decisions as pure functions, so they are unit-tested without
 * the Electron runtime: which frames may call the contract, which URLs may leave the app,
 * which files the app:// scheme may serve, and which command-line argument is a project.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The renderer is served from a custom scheme (not file://) so it has a real origin and real headers. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'quarry';
export const RENDERER_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_ENTRY = `${RENDERER_ORIGIN}/index.html`;

/**
 * Only our own bundle runs; nothing remote is loaded or contacted. Inline styles are allowed
 * because React and dnd-kit position elements through style attributes; scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A frame as IPC reports it: its URL and whether it is the window's top frame. */
export interface SenderFrame {
  url: string;
  isTop: boolean;
}

/**
 * Whether an IPC message comes from our renderer: the top frame of a page served by the
 * app:// scheme. A destroyed frame (null), a sub-frame, or any other origin is refused.
 */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  if (!frame?.isTop) return false;
  const url = parse(frame.url);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '';
}

/** Whether a navigation stays inside the app (reloads of our own bundle). */
export function isInternalUrl(rawUrl: string): boolean {
  const url = parse(rawUrl);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Names that never lead to the public web: loopback, the local network, reserved for tests. */
const LOCAL_TLDS = new Set([
  'localhost',
  'localdomain',
  'local',
  'lan',
  'home',
  'internal',
  'intranet',
  'corp',
  'arpa',
  'test',
  'invalid',
  'example',
]);
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/**
 * `https://`, then a host of letters, digits, dots and hyphens (no credentials, no escapes, no
 * brackets), an optional port, then a path/query/fragment without spaces or backslashes.
 */
const PLAIN_HTTPS = /^https:\/\/([a-z0-9.-]+)(?::(\d{1,5}))?(?:[/?#][^\s\\]*)?$/i;
const MAX_EXTERNAL_URL = 2048;

/**
 * Links the user may open in their own browser: plain https to a public host name. The URL
 * parser forgives what a browser would also accept (`https:example.com`, backslashes, tabs,
 * `https://@host`, numeric hosts such as `https://2130706433/`), so the raw text itself must
 * already be in its plain form. Refused: other schemes, credentials, IP literals, loopback and
 * local-network names (`localhost`, `localhost.`, `*.local`…), a trailing dot, and punycode
 * (`xn--`) labels, since a look-alike of a known name cannot be told from a real one here.
 */
export function isVettedExternalUrl(rawUrl: string): boolean {
  if (typeof rawUrl !== 'string' || rawUrl.length > MAX_EXTERNAL_URL) return false;
  const plain = PLAIN_HTTPS.exec(rawUrl);
  const url = parse(rawUrl);
  if (!plain || url?.protocol !== 'https:') return false;
  const host = (plain[1] ?? '').toLowerCase();
  if (url.hostname !== host || url.username !== '' || url.password !== '') return false;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => HOST_LABEL.test(label) && !label.startsWith('xn--'))) return false;
  const tld = labels[labels.length - 1] ?? '';
  if (!/^[a-z]{2,63}$/.test(tld) || LOCAL_TLDS.has(tld)) return false;
  return true;
}

/**
 * Maps an app:// request to a file under the renderer build, or null when the request names
 * another host or climbs out of the folder.
 */
export function resolveRendererAsset(rootDir: string, requestUrl: string): string | null {
  const url = parse(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, wanted);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The project a launch asks for: the first argument that names a `.quarry` file (Windows and
 * Linux pass the double-clicked file this way; macOS uses the open-file event instead).
 */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith('.quarry')) return resolve(cwd, arg);
  }
  return null;
}
