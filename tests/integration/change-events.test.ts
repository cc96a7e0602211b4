/**
 * Precise change events: each names the tables and rows a call changed, and the host does
 * not echo it to the connection that made the call (a serve tab with two clients; the worker).
 */
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../cli/serve/server.js';
import type { ChangeEvent } from '../../core/contract/methods.js';
import type { DocumentId } from '../../core/contract/types.js';
import type { WorkerApp } from '../../core/worker/app.js';
import { ensureBuilt, ROOT } from './cli-harness.js';
import { file, newTestApp, type TestApp, tempDir } from './helpers.js';

let t: TestApp | null = null;
let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  t?.dispose();
  t = null;
});

const TEXT = 'Anna: The price is too high.\nBen: Delivery was slow, and the price hurt.';

/** An open event stream: its hello id and the change events it received. */
interface Stream {
  clientId: string;
  events: ChangeEvent[];
  close(): void;
}

function openStream(port: number, token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: ChangeEvent[] = [];
    let buffer = '';
    let clientId = '';
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/events',
        headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` },
      },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (data && name === 'hello') {
              clientId = (JSON.parse(data) as { clientId: string }).clientId;
              resolve({ clientId, events, close: () => req.destroy() });
            } else if (data) events.push(JSON.parse(data) as ChangeEvent);
            end = buffer.indexOf('\n\n');
          }
        });
      },
    );
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });
}

async function post(port: number, token: string, method: string, input: unknown, clientId?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...(clientId ? { 'X-Quarry-Client': clientId } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; result: unknown };
  if (!body.ok) throw new Error(JSON.stringify(body));
  return body.result as never;
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('change events', () => {
  it('name the tables and rows a call changed and are not echoed to the tab that made it', async () => {
    t = await newTestApp();
    const imported = await t.call('documents.import', { files: [file('i.txt', TEXT)] });
    const documentId = imported.imported[0]?.documentIds[0] as DocumentId;
    server = await startServer({ app: t.app, port: 0, host: '127.0.0.1', rendererDir: join(t.dir, 'none') });
    const { port, token } = server;
    const a = await openStream(port, token);
    const b = await openStream(port, token);
    expect(a.clientId).not.toBe(b.clientId);

    const code = await post(port, token, 'codes.add', { name: 'Price' }, a.clientId);
    const tagged = await post(
      port,
      token,
      'excerpts.tag',
      { documentId, start: 6, end: 28, codeIds: [(code as { id: number }).id] },
      a.clientId,
    );
    await settle();
    // The tab that made the changes hears nothing back; the other tab hears exactly what changed.
    expect(a.events).toEqual([]);
    expect(b.events).toHaveLength(2);
    expect(b.events[0]).toEqual({ method: 'codes.add', tables: { codes: [(code as { id: number }).id] } });
    const tag = b.events[1] as ChangeEvent;
    expect(tag.method).toBe('excerpts.tag');
    expect(tag.tables?.excerpts).toEqual([(tagged as { excerptId: number }).excerptId]);
    expect(tag.tables?.codings).toHaveLength(1);
    expect(Object.keys(tag.tables ?? {}).sort()).toEqual(['codings', 'excerpts']);
    expect(JSON.stringify(tag).length).toBeLessThan(120);

    // Undo from B: A hears it with the same rows, B does not.
    await post(port, token, 'history.undo', {}, b.clientId);
    await settle();
    expect(a.events).toHaveLength(1);
    expect(a.events[0]?.method).toBe('history.undo');
    expect(a.events[0]?.tables?.excerpts).toEqual(tag.tables?.excerpts);
    expect(b.events).toHaveLength(2);

    // A call without a client id (the CLI, a script) reaches every tab.
    await post(port, token, 'codes.add', { name: 'Delivery' });
    await settle();
    expect(a.events).toHaveLength(2);
    expect(b.events).toHaveLength(3);
    // A failed call changes nothing and announces nothing.
    await expect(post(port, token, 'codes.add', { name: 'Delivery' }, a.clientId)).rejects.toThrow(/Conflict|exists/);
    await settle();
    expect(b.events).toHaveLength(3);
    a.close();
    b.close();
  });

  it('the worker host forwards the rows and the origin', async () => {
    // The worker runs the compiled build, as Electron does.
    ensureBuilt();
    const { createWorkerApp } = (await import(pathToFileURL(join(ROOT, 'dist/core/worker/app.js')).href)) as {
      createWorkerApp: (options: object) => WorkerApp;
    };
    const dir = tempDir();
    const app = createWorkerApp({ configDir: join(dir, 'config'), coderName: 'T' });
    try {
      const seen: ChangeEvent[] = [];
      app.dispatcher.onChange((_method, event) => seen.push(event));
      await app.dispatcher.dispatch('project.create', { path: join(dir, 'w.quarry') }, 'tab-1');
      const code = (await app.dispatcher.dispatch('codes.add', { name: 'Price' }, 'tab-1')) as { id: number };
      await settle();
      expect(seen.map((e) => e.method)).toEqual(['project.create', 'codes.add']);
      expect(seen[0]).toEqual({ method: 'project.create', origin: 'tab-1' });
      expect(seen[1]).toEqual({ method: 'codes.add', tables: { codes: [code.id] }, origin: 'tab-1' });
    } finally {
      await app.closeAndWait();
    }
  });
});
