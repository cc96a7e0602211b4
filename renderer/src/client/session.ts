/**
 * The `quarry serve` session token, kept per tab. The printed link carries it as `?token=`;
 * on load it moves into sessionStorage and leaves the address bar and the history entry, so
 * it is not bookmarked, shared in a screenshot or sent onwards. sessionStorage belongs to this
 * origin (scheme, host and port) and this tab, so no other local server or page can read it,
 * unlike a cookie, which the browser would send to every port on 127.0.0.1. A reload keeps
 * the tab's token; a new tab opens from the printed link again.
 */
const KEY = 'quarry.token';
const TOKEN = /^[A-Za-z0-9_-]{16,}$/;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/** Moves `?token=` from the address into this tab's storage; returns the tab's token. */
export function adoptUrlToken(): string | null {
  if (typeof window === 'undefined') return null;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    if (TOKEN.test(fromUrl)) storage()?.setItem(KEY, fromUrl);
  }
  return sessionToken();
}

export function sessionToken(): string | null {
  return storage()?.getItem(KEY) ?? null;
}
