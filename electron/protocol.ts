/**
 * Serves the renderer build from app://quarry/ instead of file://, so the page has its own
 * origin, a Content-Security-Policy header on every response, and no way to read other
 * files on disk.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeFor, resolveRendererAsset } from './policy.js';

/** Must run before the app is ready: the scheme behaves like https (secure context, fetch, modules). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export function serveRenderer(target: Session, rendererDir: string): void {
  target.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererAsset(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: baseHeaders });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...baseHeaders, 'Content-Type': contentTypeFor(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: baseHeaders });
    }
  });
}
