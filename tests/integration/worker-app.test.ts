/**
 * The worker-backed app (core/worker) that keeps the Electron main process free: same
 * contract, same typed errors, change events, and the host's event loop keeps turning while
 * a large import runs. Runs the compiled build, as Electron does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerApp } from '../../core/worker/app.js';
import { ensureBuilt, makeTempDir, ROOT, removeDir } from './cli-harness.js';

let createWorkerApp: (options?: object) => WorkerApp;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  ({ createWorkerApp } = await import(pathToFileURL(join(ROOT, 'dist/core/worker/app.js')).href));
  dir = makeTempDir('quarry-worker-');
}, 240_000);
afterAll(() => removeDir(dir));

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('createWorkerApp', () => {
  it('runs the contract on a worker thread, with change events and typed errors', async () => {
    const app = createWorkerApp({ configDir: join(dir, 'cfg'), coderName: 'Ana' });
    const changes: string[] = [];
    app.dispatcher.onChange((method) => changes.push(method));
    const path = join(dir, 'w.quarry');

    const info = (await app.dispatcher.call('project.create', { path, name: 'Worker study' })) as { name: string };
    expect(info.name).toBe('Worker study');
    expect(app.projectPath()).toBe(path);

    const imported = (await app.dispatcher.call('documents.import', {
      files: [{ name: 'p1.txt', dataBase64: b64('Interviewer: Hello?\nAnna: Delivery was slow 🚚.\n') }],
    })) as { imported: { documentIds: number[] }[] };
    expect(imported.imported[0]?.documentIds).toHaveLength(1);
    expect(changes).toEqual(['project.create', 'documents.import']);

    await expect(app.dispatcher.dispatch('documents.get', { id: 999 })).rejects.toMatchObject({ kind: 'NotFound' });
    await expect(app.dispatcher.dispatch('codes.add', { name: '' })).rejects.toMatchObject({ kind: 'BadInput' });
    await expect(app.dispatcher.dispatch('no.such', {})).rejects.toMatchObject({ kind: 'BadInput' });

    await app.closeAndWait();
    await expect(app.dispatcher.dispatch('project.info', {})).rejects.toMatchObject({ kind: 'Internal' });
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("keeps the host's event loop turning during a large import", async () => {
    const app = createWorkerApp({ configDir: join(dir, 'cfg2') });
    await app.dispatcher.call('project.create', { path: join(dir, 'big.quarry') });
    const line = 'Respondent: The delivery fee appeared only at the very end of checkout, which annoyed me.\n';
    const files = Array.from({ length: 8 }, (_, i) => ({
      name: `big-${i}.txt`,
      dataBase64: b64(`File ${i}\n${line.repeat(20_000)}`),
    }));

    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = (await app.dispatcher.call('documents.import', { files })) as { imported: unknown[] };
    clearInterval(timer);

    expect(result.imported).toHaveLength(8);
    // In-process, a synchronous import would let no interval fire until it finished.
    expect(ticks).toBeGreaterThan(3);
    await app.closeAndWait();
    // What is asserted is the ticks, not the speed: 8 × 1.8 MB takes about 26 s on a loaded 2-core machine.
  }, 120_000);
});
