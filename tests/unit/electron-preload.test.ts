/**
 * The real preload source (electron/preload.cts, transpiled as tsc does) run against a
 * stand-in for the 'electron' module, since the runtime is not installed everywhere: it must
 * expose exactly what the renderer uses (renderer/src/client/ipc.ts and the stores that call
 * the dialogs), and forward only the requests the renderer makes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeEach, describe, expect, it } from 'vitest';

type Api = Record<string, unknown> & {
  call(method: unknown, input: unknown): Promise<unknown>;
  onChange(listener: (method: string) => void): () => void;
  openDialog(request: unknown): Promise<unknown>;
  saveDialog(request: unknown): Promise<unknown>;
  pickProjectPath(): Promise<string | null>;
};

interface Fake {
  exposed: Map<string, Api>;
  invoked: unknown[][];
  listeners: Map<string, (...args: unknown[]) => void>;
}

function loadPreload(): Fake {
  const fake: Fake = { exposed: new Map(), invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Api) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        fake.invoked.push(args);
        return { ok: true, result: { canceled: false, paths: ['/tmp/a.quarry'], path: '/tmp/b.quarry' } };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => fake.listeners.set(channel, listener),
      removeListener: (channel: string) => fake.listeners.delete(channel),
    },
  };
  const source = readFileSync(resolve('electron/preload.cts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} };
  const fakeRequire = (name: string) => {
    if (name !== 'electron') throw new Error(`a sandboxed preload can only require 'electron', not '${name}'`);
    return electron;
  };
  new Function('require', 'module', 'exports', outputText)(fakeRequire, module, module.exports);
  return fake;
}

describe('preload', () => {
  let fake: Fake;
  let api: Api;
  beforeEach(() => {
    fake = loadPreload();
    api = fake.exposed.get('quarry') as Api;
  });

  it('exposes one object with exactly the members the renderer uses', () => {
    expect([...fake.exposed.keys()]).toEqual(['quarry']);
    expect(Object.keys(api).sort()).toEqual(
      ['call', 'onChange', 'openDialog', 'pickNewProjectPath', 'pickProjectPath', 'platform', 'saveDialog'].sort(),
    );
    expect(api.platform).toBe('electron');
    for (const member of Object.values(api)) expect(['function', 'string']).toContain(typeof member);
  });

  it('calls the contract on its one channel with a string method name', async () => {
    await api.call({ toString: () => 'codes.list' }, { a: 1 });
    expect(fake.invoked).toEqual([['quarry:call', 'codes.list', { a: 1 }]]);
  });

  it('hands change listeners the method name and changed tables, never the IPC event', () => {
    const seen: unknown[] = [];
    const stop = api.onChange((...args) => seen.push(args));
    fake.listeners.get('quarry:changed')?.({ sender: 'secret' }, { method: 'codes.add' });
    fake.listeners.get('quarry:changed')?.({ sender: 'secret' }, { method: 'excerpts.tag', tables: { excerpts: [3] } });
    fake.listeners.get('quarry:changed')?.({ sender: 'secret' }, { nope: true });
    expect(seen).toEqual([
      ['codes.add', undefined],
      ['excerpts.tag', { excerpts: [3] }],
    ]);
    stop();
    expect(fake.listeners.has('quarry:changed')).toBe(false);
    expect(() => api.onChange('not a function' as never)).toThrow(TypeError);
  });

  it('opens the file dialog only to import, and saves only exports, with only their fields', async () => {
    await api.openDialog({ purpose: 'import', defaultPath: '/etc' });
    await api.saveDialog({ purpose: 'export', fileName: 'r.md', encoding: 'utf8', data: '#', path: '/etc/x' });
    expect(fake.invoked).toEqual([
      ['quarry:open-dialog', { purpose: 'import' }],
      ['quarry:save-dialog', { purpose: 'export', fileName: 'r.md', encoding: 'utf8', data: '#' }],
    ]);
    await expect(api.openDialog({ purpose: 'project' })).rejects.toThrow(TypeError);
    await expect(api.saveDialog({ purpose: 'project' })).rejects.toThrow(TypeError);
    await expect(api.openDialog(null)).rejects.toThrow(TypeError);
    expect(fake.invoked).toHaveLength(2);
  });

  it('picks project paths through the dialog channels', async () => {
    expect(await api.pickProjectPath()).toBe('/tmp/a.quarry');
    expect(fake.invoked).toEqual([['quarry:open-dialog', { purpose: 'project' }]]);
  });
});
