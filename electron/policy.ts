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

/**
 * Links the user may open in their own browser: plain https to a named host, without
 * credentials. Everything else (file:, javascript:, custom schemes, IP tricks) stays closed.
 */
export function isVettedExternalUrl(rawUrl: string): boolean {
  const url = parse(rawUrl);
  if (url?.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname;
  if (!/^[a-z0-9.-]+$/i.test(host) || !host.includes('.')) return false;
  if (/^[0-9.]+$/.test(host)) return false;
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
