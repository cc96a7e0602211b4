/**
 * Serves the built renderer (dist/renderer). Paths are decoded, resolved and checked to stay
 * inside the build folder (symlinks included); unknown routes without a file extension get
 * index.html so the app's own routes survive a reload.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { sendPage } from './respond.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export interface StaticSite {
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

export function createStaticSite(rendererDir: string): StaticSite {
  const root = resolve(rendererDir);

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    cacheControl: string,
  ): Promise<void> {
    const data = await readFile(file);
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeOf(file));
    res.setHeader('Content-Length', data.length);
    res.setHeader('Cache-Control', cacheControl);
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      sendPage(
        res,
        500,
        'Quarry is not built yet',
        `The browser interface was not found in ${root}. Run "npm run build" in the Quarry folder, then start "quarry serve" again.`,
      );
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendPage(res, 400, 'Bad request', 'The address is not valid.');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      sendPage(res, 400, 'Bad request', 'The address is not valid.');
      return;
    }
    const target = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
    if (!inside(root, target)) {
      sendPage(res, 403, 'Forbidden', 'That file is outside the Quarry interface.');
      return;
    }
    if (target === root || decoded === '/index.html') {
      await sendFile(req, res, index, 'no-store');
      return;
    }
    const info = await stat(target).catch(() => null);
    if (info?.isFile()) {
      // A symlink inside the build could still point outside it.
      if (!inside(realpathSync(root), realpathSync(target))) {
        sendPage(res, 403, 'Forbidden', 'That file is outside the Quarry interface.');
        return;
      }
      const isHtml = extname(target).toLowerCase() === '.html';
      // Vite puts content-hashed files under assets/: they never change under the same name.
      const hashed = relative(root, target).startsWith(`assets${sep}`);
      await sendFile(
        req,
        res,
        target,
        isHtml ? 'no-store' : hashed ? 'private, max-age=31536000, immutable' : 'no-cache',
      );
      return;
    }
    if (decoded === '/favicon.ico') {
      // Browsers ask for it unprompted; "nothing" is better than a 404 in the console.
      res.statusCode = 204;
      res.end();
      return;
    }
    if (extname(decoded) === '') {
      await sendFile(req, res, index, 'no-store');
      return;
    }
    sendPage(res, 404, 'Not found', `There is no ${pathname} in the Quarry interface.`);
  }

  return { handle };
}
