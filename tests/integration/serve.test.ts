/**
 * `quarry serve` and its HTTP host: the real CLI process for the printed line, the token, the
 * Host/Origin checks, contract calls and change events; the host in-process (startServer) for
 * static files, path traversal and request limits against a renderer build in a temp dir.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../cli/serve/server.js';
import { createApp } from '../../core/app.js';
import { BIN, ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (port: number, token: string, method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(input),
  });

/** Collects an SSE stream until `until` matches what arrived, or times out. */
function listen(port: number, headers: Record<string, string>, ready: () => Promise<unknown>, until: RegExp) {
  return new Promise<{ status: number; contentType: string | undefined; text: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let text = '';
        const timer = setTimeout(() => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text });
        }, 5000);
        res.on('data', (c: Buffer) => {
          const first = text === '';
          text += c.toString('utf8');
          if (first) ready().catch(reject);
          if (until.test(text)) {
            clearTimeout(timer);
            req.destroy();
            resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text });
          }
        });
      },
    );
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });
}

const LINE = /^Quarry is serving (.+) at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{16,})$/;

describe('quarry serve (the real command)', () => {
  let dir: string;
  let project: string;
  let child: ChildProcess;
  let port: number;
  let token: string;
  let printed: string;

  beforeAll(async () => {
    ensureBuilt();
    dir = makeTempDir('quarry-serve-');
    project = join(dir, 'served.quarry');
    const created = quarry(dir, ['new', project]);
    if (created.code !== 0) throw new Error(created.stderr);
    child = spawn(process.execPath, [BIN, 'serve', project, '--no-open'], {
      cwd: dir,
      env: { ...process.env, QUARRY_CONFIG_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    printed = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`serve printed nothing in time: ${err}`)), 20_000);
      child.stderr?.on('data', (c: Buffer) => {
        err += c.toString();
      });
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(out.split('\n')[0] ?? '');
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${err}`)));
    });
    const match = LINE.exec(printed);
    port = Number(match?.[2]);
    token = match?.[3] ?? '';
  }, 240_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    removeDir(dir);
  });

  it('prints exactly the documented line', () => {
    expect(printed).toMatch(LINE);
    expect(LINE.exec(printed)?.[1]).toBe(project);
    expect(port).toBeGreaterThan(0);
  });

  it('serves the page without the token but answers 401 to the API without it or with a wrong one', async () => {
    // The page is the public renderer build; its script moves ?token= into the tab's storage.
    expect((await send(port, { path: '/' })).status).toBe(200);
    const noToken = await send(port, {
      method: 'POST',
      path: '/api/project.info',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false });
    expect((await api(port, 'x'.repeat(token.length), 'project.info', {})).status).toBe(401);
    const inQuery = await send(port, {
      method: 'POST',
      path: `/api/project.info?token=${token}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(inQuery.status).toBe(401);
  });

  it('never puts the token in a cookie, and refuses a request that has it only in a cookie', async () => {
    // Cookies ignore ports: any other server on 127.0.0.1 would receive it.
    for (const path of [`/?token=${token}`, '/', '/board/1', `/api/events?token=${token}`]) {
      const reply = await send(port, { path });
      expect(reply.headers['set-cookie']).toBeUndefined();
      expect(JSON.stringify(reply.headers)).not.toContain(token);
    }
    const called = await api(port, token, 'project.info', {});
    expect(called.headers['set-cookie']).toBeUndefined();
    for (const name of ['quarry_token', `quarry_token_${port}`, 'token']) {
      const viaCookie = await send(port, {
        method: 'POST',
        path: '/api/codes.list',
        headers: { 'Content-Type': 'application/json', Cookie: `${name}=${token}` },
        body: '{}',
      });
      expect(viaCookie.status).toBe(401);
    }
  });

  it('refuses the event stream with the token in the query string or a cookie', async () => {
    const inQuery = await send(port, { path: `/api/events?token=${token}` });
    expect(inQuery.status).toBe(401);
    expect(inQuery.headers['content-type']).toMatch(/^application\/json/);
    const inCookie = await send(port, { path: '/api/events', headers: { Cookie: `quarry_token_${port}=${token}` } });
    expect(inCookie.status).toBe(401);
  });

  it('answers 403 to a foreign Host header (DNS rebinding) even with the token', async () => {
    const rebound = await api(port, token, 'project.info', {}, { Host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    const otherPort = await send(port, { path: `/?token=${token}`, headers: { Host: `127.0.0.1:${port + 1}` } });
    expect(otherPort.status).toBe(403);
  });

  it('answers 403 to a foreign Origin even with the token', async () => {
    const foreign = await api(port, token, 'codes.add', { name: 'Injected' }, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const nullOrigin = await api(port, token, 'codes.add', { name: 'Injected' }, { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const own = await api(port, token, 'codes.list', {}, { Origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
    const codes = JSON.parse(own.body) as { result: { name: string }[] };
    expect(codes.result.map((c) => c.name)).not.toContain('Injected');
  });

  it('runs contract calls over HTTP with the bearer token or the X-Quarry-Token header', async () => {
    const infoReply = await api(port, token, 'project.info', {});
    expect(infoReply.status).toBe(200);
    const info = JSON.parse(infoReply.body) as { ok: boolean; result: { schemaVersion: number; counts: object } };
    expect(info.ok).toBe(true);
    expect(info.result.schemaVersion).toBeGreaterThanOrEqual(1);

    const viaHeader = await send(port, {
      method: 'POST',
      path: '/api/codes.add',
      headers: { 'Content-Type': 'application/json', 'X-Quarry-Token': token },
      body: JSON.stringify({ name: 'Trust', color: '#336699' }),
    });
    expect(viaHeader.status).toBe(200);
    expect(JSON.parse(viaHeader.body).result).toMatchObject({ name: 'Trust', color: '#336699' });
  });

  it('maps contract errors to statuses and keeps messages', async () => {
    const missing = await api(port, token, 'documents.get', { id: 9999 });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { kind: 'NotFound' } });
    const bad = await api(port, token, 'codes.add', { name: '' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.kind).toBe('BadInput');
    const unknown = await api(port, token, 'nope.nothing', {});
    expect(unknown.status).toBe(404);
    const get = await send(port, { path: '/api/codes.list', headers: { Authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
    const text = await send(port, {
      method: 'POST',
      path: '/api/codes.list',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    const broken = await send(port, {
      method: 'POST',
      path: '/api/codes.list',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(broken.status).toBe(400);
  });

  it('answers 400, not 500, to deeply nested JSON in any field, and stores nothing', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const [method, body] of [
      ['codes.add', `{"name":${deep}}`],
      ['memos.add', `{"targetKind":"project","body":"x","title":${deep}}`],
      ['analysis.matrix', `{"attribute":"a","filters":{"attributes":${`{"a":`.repeat(50_000)}1${'}'.repeat(50_000)}}}`],
      ['codes.list', deep],
    ] as const) {
      const reply = await send(port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
      });
      expect({ method, status: reply.status }).toEqual({ method, status: 400 });
      expect(JSON.parse(reply.body).error.kind).toBe('BadInput');
    }
    const codes = JSON.parse((await api(port, token, 'codes.list', {})).body).result as { name: string }[];
    expect(codes.map((c) => c.name)).not.toContain('');
  });

  it('answers 400 to a file named by path (only local hosts read files), and imports nothing', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'Interviewer: a file on the server the page must not read\n');
    const byPath = await api(port, token, 'documents.import', { files: [{ path: secret }] });
    expect(byPath.status).toBe(400);
    expect(JSON.parse(byPath.body).error).toMatchObject({
      kind: 'BadInput',
      message: expect.stringMatching(/not by a path/),
    });
    const merge = await api(port, token, 'project.merge', { source: { path: secret }, dryRun: true });
    expect(merge.status).toBe(400);
    const docs = JSON.parse((await api(port, token, 'documents.list', {})).body).result as unknown[];
    expect(docs).toHaveLength(0);
    // The browser's form, the file's content, still imports.
    const upload = await api(port, token, 'documents.import', {
      files: [{ name: 'upload.txt', dataBase64: Buffer.from('Ada: uploaded by the page\n').toString('base64') }],
    });
    expect(JSON.parse(upload.body).result.imported).toHaveLength(1);
  });

  it('sends a change event to listeners after a mutating call', async () => {
    const events = await listen(
      port,
      { Authorization: `Bearer ${token}` },
      () => api(port, token, 'codes.add', { name: 'Evented' }),
      /"method":"codes\.add"/,
    );
    expect(events.status).toBe(200);
    expect(events.contentType).toMatch(/text\/event-stream/);
    expect(events.text).toMatch(/data: \{"method":"codes\.add","tables":\{"codes":\[\d+\]\}\}/);
  });

  it('refuses a port in use with exit 1, and serves without a project when none is given', async () => {
    const busy = quarry(dir, ['serve', project, '--no-open', '--port', String(port)]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/already in use/);
    const bare = spawn(process.execPath, [BIN, 'serve', '--no-open'], {
      env: { ...process.env, QUARRY_CONFIG_DIR: dir },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const line = await new Promise<string>((resolve) => {
        let out = '';
        bare.stdout?.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
      });
      expect(line).toMatch(/^Quarry is serving at http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{16,}$/);
    } finally {
      bare.kill('SIGTERM');
    }
  });

  it('stops cleanly on SIGTERM and leaves a project the CLI can open', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const codes = quarry(dir, ['codes', project, '--json']);
    expect(codes.code).toBe(0);
    expect((JSON.parse(codes.stdout) as { name: string }[]).map((c) => c.name)).toEqual(
      expect.arrayContaining(['Trust', 'Evented']),
    );
  });
});

describe('the HTTP host in-process (startServer)', () => {
  let dir: string;
  let server: RunningServer;
  let app: ReturnType<typeof createApp>;
  const auth = () => ({ Authorization: `Bearer ${server.token}` });

  beforeAll(async () => {
    dir = makeTempDir('quarry-host-');
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Quarry test build</title><div id="root"></div>');
    writeFileSync(join(renderer, 'assets', 'app-1234.js'), 'console.log("quarry");');
    writeFileSync(join(renderer, 'assets', 'app-1234.css'), 'body{margin:0}');
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET outside the build');
    app = createApp({ configDir: dir, nativeDialogs: false });
    server = await startServer({
      app,
      projectPath: null,
      port: 0,
      host: '127.0.0.1',
      rendererDir: renderer,
      maxBodyBytes: 1024,
    });
  });

  afterAll(async () => {
    await server.close();
    app.close();
    removeDir(dir);
  });

  it('returns a URL with a long URL-safe token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{16,}$/);
    expect(server.url).toContain(String(server.port));
  });

  it('serves index.html with the security headers and no caching', async () => {
    const page = await send(server.port, { path: `/?token=${server.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Quarry test build');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content types, and index.html for app routes', async () => {
    const js = await send(server.port, { path: '/assets/app-1234.js', headers: auth() });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    const css = await send(server.port, { path: '/assets/app-1234.css', headers: auth() });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    const route = await send(server.port, { path: '/board/3', headers: auth() });
    expect(route.status).toBe(200);
    expect(route.body).toContain('Quarry test build');
    expect((await send(server.port, { path: '/assets/missing.js', headers: auth() })).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
  ])('refuses path traversal: %s', async (path) => {
    const reply = await send(server.port, { path, headers: auth() });
    expect(reply.body).not.toContain('TOP SECRET');
    expect([400, 403, 404]).toContain(reply.status);
  });

  it('answers 413 to a body over the limit', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: '/api/codes.list',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(4096) }),
    });
    expect(reply.status).toBe(413);
  });

  it('answers NoProject as an envelope when nothing is open', async () => {
    const reply = await api(server.port, server.token, 'codes.list', {});
    expect(reply.status).toBe(409);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'NoProject' } });
    const status = await api(server.port, server.token, 'app.status', {});
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body).result.project).toBeNull();
  });

  it('explains how to build when the renderer is missing', async () => {
    const bare = await startServer({ app, port: 0, host: '127.0.0.1', rendererDir: join(dir, 'nothing-here') });
    try {
      const page = await send(bare.port, { path: `/?token=${bare.token}` });
      expect(page.status).toBe(500);
      expect(page.body).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
