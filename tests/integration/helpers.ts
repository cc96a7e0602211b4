/** Shared set-up for integration tests: a real app over a real project file in a temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp, type QuarryApp } from '../../core/app.js';

export interface TestApp {
  app: QuarryApp;
  dir: string;
  path: string;
  call: QuarryApp['dispatcher']['call'];
  dispose(): void;
}

export function tempDir(prefix = 'quarry-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh app with its own config dir; `create` also creates and opens a project. */
export async function newTestApp(options: AppOptions & { create?: boolean; name?: string } = {}): Promise<TestApp> {
  const dir = tempDir();
  const app = createApp({ configDir: join(dir, 'config'), coderName: 'Tester', ...options });
  const path = join(dir, 'project.quarry');
  if (options.create !== false)
    await app.dispatcher.call('project.create', { path, name: options.name ?? 'Test project' });
  return {
    app,
    dir,
    path,
    call: app.dispatcher.call.bind(app.dispatcher) as QuarryApp['dispatcher']['call'],
    dispose() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function file(name: string, content: string | Uint8Array): { name: string; dataBase64: string } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { name, dataBase64: bytes.toString('base64') };
}
