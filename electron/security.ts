/**
 * Locks every page the app creates: no navigation away from our bundle, no new windows (vetted
 * https links go to the user's browser), no webviews, no permissions, no remote requests.
 */
import { app, type Session, shell } from 'electron';
import { isInternalUrl, isVettedExternalUrl } from './policy.js';

function openOutside(url: string): void {
  if (isVettedExternalUrl(url)) void shell.openExternal(url);
}

/** Requests may only go to our own scheme and to in-memory data (images, downloads made by the page). */
function isAllowedRequest(url: string): boolean {
  return isInternalUrl(url) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:');
}

export function hardenSession(target: Session): void {
  // Writing to the clipboard ("copy excerpt") is the one capability the UI uses.
  const allowed = (permission: string, origin: string) =>
    permission === 'clipboard-sanitized-write' && isInternalUrl(origin);
  target.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowed(permission, contents.getURL())),
  );
  target.setPermissionCheckHandler((_contents, permission, origin) => allowed(permission, origin));
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isInternalUrl(url)) return;
      event.preventDefault();
      openOutside(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isInternalUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
  });
}
