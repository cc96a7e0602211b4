import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuarryError } from '../../core/errors.js';
import { CHANNELS, openDialogRequest, saveDialogRequest } from '../../electron/bridge.js';
import { toEnvelope } from '../../electron/envelope.js';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isInternalUrl,
  isTrustedSender,
  isVettedExternalUrl,
  projectPathFromArgv,
  RENDERER_ENTRY,
  resolveRendererAsset,
} from '../../electron/policy.js';
import { ensureUserSample, SAMPLE_FILE_NAME } from '../../electron/sample.js';

describe('IPC sender check', () => {
  it('trusts only the top frame of our app:// renderer', () => {
    expect(isTrustedSender({ url: RENDERER_ENTRY, isTop: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://quarry/index.html#/board/3', isTop: true })).toBe(true);
  });

  it.each([
    ['a sub-frame of our page', { url: RENDERER_ENTRY, isTop: false }],
    ['a file:// page', { url: 'file:///tmp/index.html', isTop: true }],
    ['a remote page', { url: 'https://quarry.example.com/index.html', isTop: true }],
    ['another app:// host', { url: 'app://evil/index.html', isTop: true }],
    ['a look-alike with credentials', { url: 'app://x@quarry/index.html', isTop: true }],
    ['about:blank', { url: 'about:blank', isTop: true }],
    ['garbage', { url: 'not a url', isTop: true }],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('refuses a destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('navigation and external links', () => {
  it('keeps navigation inside app://quarry', () => {
    expect(isInternalUrl('app://quarry/index.html')).toBe(true);
    expect(isInternalUrl('https://example.com/')).toBe(false);
    expect(isInternalUrl('file:///etc/passwd')).toBe(false);
  });

  it('opens plain https links to public host names outside', () => {
    for (const url of [
      'https://www.example.org/guide?x=1',
      'https://example.com',
      'https://EXAMPLE.com/Path#part',
      'https://docs.example.co.uk:8443/a/b?q=%20x',
      'https://my-site.example.org/ünïcode-path',
    ]) {
      expect(isVettedExternalUrl(url), url).toBe(true);
    }
  });

  it.each([
    ['another scheme', 'http://example.org/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['a custom scheme', 'smb://server/share'],
    ['our own scheme', 'app://quarry/index.html'],
    ['https without slashes', 'https:example.com'],
    ['https with one slash', 'https:/example.com'],
    ['https with backslashes', 'https:\\\\example.com'],
    ['a backslash in the path', 'https://example.com\\@evil.example.org'],
    ['leading whitespace', ' https://example.com/'],
    ['a tab in the host', 'https://exam\tple.com/'],
    ['a space in the path', 'https://example.com/a b'],
    ['credentials', 'https://user:pw@example.org/'],
    ['an empty user', 'https://@example.org/'],
    ['a user only', 'https://user@example.org/'],
    ['a percent-escaped host', 'https://ex%61mple.com/'],
    ['IPv4 loopback', 'https://127.0.0.1/'],
    ['IPv4 in hex', 'https://0x7f.0.0.1/'],
    ['IPv4 as one number', 'https://2130706433/'],
    ['short IPv4', 'https://127.1/'],
    ['a private address', 'https://192.168.1.10/'],
    ['IPv6 loopback', 'https://[::1]/'],
    ['IPv4-mapped IPv6', 'https://[::ffff:127.0.0.1]/'],
    ['localhost', 'https://localhost/'],
    ['localhost with a trailing dot', 'https://localhost./'],
    ['localhost with a trailing dot and port', 'https://localhost.:8080/'],
    ['a localhost subdomain', 'https://app.localhost/'],
    ['a trailing dot', 'https://example.com./'],
    ['an empty label', 'https://example..com/'],
    ['a leading dot', 'https://.example.com/'],
    ['a single label', 'https://intranet/'],
    ['an mDNS name', 'https://printer.local/'],
    ['an internal name', 'https://wiki.corp/'],
    ['a numeric TLD', 'https://example.123/'],
    ['a label ending in a hyphen', 'https://bad-.example.com/'],
    ['punycode', 'https://xn--pple-43d.com/'],
    ['a Unicode look-alike', 'https://аpple.com/'],
    ['an underscore', 'https://a_b.example.com/'],
    ['a very long URL', `https://example.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, url) => {
    expect(isVettedExternalUrl(url)).toBe(false);
  });

  it('the CSP allows no remote origin and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('app:// file mapping', () => {
  const root = resolve('/srv/quarry/dist/renderer');

  it('serves files under the renderer build, index.html for /', () => {
    expect(resolveRendererAsset(root, 'app://quarry/')).toBe(join(root, 'index.html'));
    expect(resolveRendererAsset(root, 'app://quarry/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererAsset(root, 'app://quarry/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it('refuses other hosts and anything that climbs out', () => {
    expect(resolveRendererAsset(root, 'app://other/index.html')).toBeNull();
    expect(resolveRendererAsset(root, 'app://quarry/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    // The URL parser folds encoded dot segments, so this stays inside the build folder.
    expect(resolveRendererAsset(root, 'app://quarry/%2e%2e/secret')).toBe(join(root, 'secret'));
    expect(resolveRendererAsset(root, 'app://quarry/a%00b')).toBeNull();
    expect(resolveRendererAsset(root, 'app://quarry/%E0%A4%A')).toBeNull();
    expect(resolveRendererAsset(root, 'https://quarry/index.html')).toBeNull();
  });

  it('names content types', () => {
    expect(contentTypeFor('x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x/blob.bin')).toBe('application/octet-stream');
  });
});

describe('project from the command line', () => {
  it('finds the first .quarry argument, resolved against the working directory', () => {
    const cwd = resolve('/home/r');
    expect(projectPathFromArgv(['/opt/Quarry/quarry', 'Study.QUARRY'], cwd)).toBe(join(cwd, 'Study.QUARRY'));
    expect(projectPathFromArgv(['electron', '.', '--inspect', '/data/a.quarry'], cwd)).toBe(resolve('/data/a.quarry'));
    expect(projectPathFromArgv(['quarry', '--flag=x.quarry', 'notes.txt'], cwd)).toBeNull();
    expect(projectPathFromArgv(['a.quarry'], cwd)).toBeNull();
  });
});

describe('bridge', () => {
  it('the self-contained preload uses the same channel names as the main process', () => {
    const preload = readFileSync(resolve('electron/preload.cts'), 'utf8');
    for (const channel of Object.values(CHANNELS)) expect(preload).toContain(`'${channel}'`);
  });

  it('validates dialog requests', () => {
    expect(openDialogRequest.safeParse({ purpose: 'import' }).success).toBe(true);
    expect(openDialogRequest.safeParse({ purpose: 'import', path: '/etc' }).success).toBe(false);
    expect(openDialogRequest.safeParse({ purpose: 'anything' }).success).toBe(false);
    expect(
      saveDialogRequest.safeParse({ purpose: 'export', fileName: 'r.md', encoding: 'utf8', data: '#' }).success,
    ).toBe(true);
    expect(saveDialogRequest.safeParse({ purpose: 'export', fileName: '', encoding: 'utf8', data: '' }).success).toBe(
      false,
    );
    expect(saveDialogRequest.safeParse({ purpose: 'export', fileName: 'a', encoding: 'hex', data: '' }).success).toBe(
      false,
    );
  });

  it('wraps results and flattens errors into envelopes without stacks', async () => {
    expect(await toEnvelope(() => 42)).toEqual({ ok: true, result: 42 });
    expect(await toEnvelope(() => Promise.reject(new QuarryError('NotFound', 'No such code.')))).toEqual({
      ok: false,
      error: { kind: 'NotFound', message: 'No such code.' },
    });
    const internal = await toEnvelope(() => {
      throw new TypeError('boom');
    });
    expect(internal).toEqual({
      ok: false,
      error: { kind: 'Internal', message: 'Something went wrong inside Quarry: boom' },
    });
  });
});

describe('sample project copy', () => {
  it('copies a pre-built sample once into the user data folder and then keeps the user copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quarry-sample-'));
    const bundled = join(dir, 'bundled.quarry');
    writeFileSync(bundled, 'v1');
    const userData = join(dir, 'user');
    const first = await ensureUserSample(userData, [join(dir, 'missing.quarry'), bundled]);
    expect(first).toBe(join(userData, SAMPLE_FILE_NAME));
    expect(readFileSync(first as string, 'utf8')).toBe('v1');
    writeFileSync(first as string, 'edited by the researcher');
    writeFileSync(bundled, 'v2');
    const again = await ensureUserSample(userData, [bundled], () => Promise.reject(new Error('must not build')));
    expect(readFileSync(again as string, 'utf8')).toBe('edited by the researcher');
  });

  it('builds the sample when no pre-built one exists, and gives null when building fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quarry-sample-'));
    const built = await ensureUserSample(join(dir, 'a'), [join(dir, 'none.quarry')], async (out) =>
      writeFileSync(out, 'built'),
    );
    expect(readFileSync(built as string, 'utf8')).toBe('built');
    const failed = await ensureUserSample(join(dir, 'b'), [], () => Promise.reject(new Error('no resources')));
    expect(failed).toBeNull();
    expect(existsSync(join(dir, 'b', SAMPLE_FILE_NAME))).toBe(false);
    expect(await ensureUserSample(join(dir, 'c'), [])).toBeNull();
  });
});
