import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type QuarryApp } from '../../core/app.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { file, tempDir } from './helpers.js';

const apps: QuarryApp[] = [];
function app(configDir: string, coderName = 'Tester'): QuarryApp {
  const a = createApp({ configDir, coderName });
  apps.push(a);
  return a;
}
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

describe('projects', () => {
  it('names a new project after its file, records the coder, and lists it as recent', async () => {
    const dir = tempDir();
    const a = app(join(dir, 'cfg'), 'Maria');
    const path = join(dir, 'Checkout Study.quarry');
    const info = await a.dispatcher.call('project.create', { path });
    expect(info).toMatchObject({ path, name: 'Checkout Study', schemaVersion: SCHEMA_VERSION });
    const status = await a.dispatcher.call('app.status', {});
    expect(status.coder?.name).toBe('Maria');
    expect(status.recent.map((r) => r.path)).toEqual([path]);
    const recentFile = JSON.parse(readFileSync(join(dir, 'cfg', 'recent-projects.json'), 'utf8'));
    expect(recentFile[0]).toMatchObject({ path, name: 'Checkout Study' });
  });

  it('refuses project methods with NoProject until a project is open', async () => {
    const a = app(join(tempDir(), 'cfg'));
    await expect(a.dispatcher.call('documents.list', {})).rejects.toMatchObject({ kind: 'NoProject' });
    const status = await a.dispatcher.call('app.status', {});
    expect(status).toMatchObject({ project: null, coder: null, nativeDialogs: false });
  });

  it('reopens a project with its data, switches projects and closes the previous one', async () => {
    const dir = tempDir();
    const cfg = join(dir, 'cfg');
    const first = join(dir, 'one.quarry');
    const second = join(dir, 'two.quarry');
    const a = app(cfg);
    await a.dispatcher.call('project.create', { path: first, name: 'One' });
    await a.dispatcher.call('codes.add', { name: 'Trust' });
    await a.dispatcher.call('project.create', { path: second, name: 'Two' });
    expect(a.projectPath()).toBe(second);
    expect(await a.dispatcher.call('codes.list', {})).toEqual([]);
    // the first file was closed cleanly: another connection can take an exclusive lock
    const probe = new Database(first);
    probe.exec('BEGIN EXCLUSIVE; COMMIT;');
    probe.close();
    await a.dispatcher.call('project.open', { path: first });
    expect((await a.dispatcher.call('codes.list', {})).map((c) => c.name)).toEqual(['Trust']);
    expect((await a.dispatcher.call('app.status', {})).recent.map((r) => r.name)).toEqual(['One', 'Two']);
    a.close();
    expect(a.projectPath()).toBeNull();

    const b = app(cfg);
    const reopened = await b.dispatcher.call('project.open', { path: first });
    expect(reopened.name).toBe('One');
    expect(reopened.counts.codes).toBe(1);
  });

  it('refuses to create over an existing file, and says when the folder is missing', async () => {
    const dir = tempDir();
    const a = app(join(dir, 'cfg'));
    const path = join(dir, 'p.quarry');
    writeFileSync(path, 'keep me');
    await expect(a.dispatcher.call('project.create', { path })).rejects.toMatchObject({ kind: 'Conflict' });
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    await expect(a.dispatcher.call('project.create', { path: join(dir, 'missing', 'p.quarry') })).rejects.toMatchObject(
      { kind: 'BadInput', message: expect.stringContaining('folder') },
    );
  });

  it('migrates an empty SQLite file (schema 0) to schema 1', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.quarry');
    const db = new Database(path);
    db.pragma('user_version = 0');
    db.exec('CREATE TABLE scratch (x); DROP TABLE scratch;');
    db.close();
    const a = app(join(dir, 'cfg'));
    const info = await a.dispatcher.call('project.open', { path });
    expect(info).toMatchObject({ schemaVersion: SCHEMA_VERSION, name: 'old' });
    const imported = await a.dispatcher.call('documents.import', { files: [file('a.txt', 'hello world')] });
    expect(imported.imported).toHaveLength(1);
    a.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('refuses a project from a newer Quarry without changing a byte', async () => {
    const dir = tempDir();
    const path = join(dir, 'future.quarry');
    const db = new Database(path);
    db.exec('CREATE TABLE future_things (x)');
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(path);
    const a = app(join(dir, 'cfg'));
    await expect(a.dispatcher.call('project.open', { path })).rejects.toMatchObject({
      kind: 'Conflict',
      message: expect.stringContaining('newer version of Quarry'),
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(a.projectPath()).toBeNull();
  });

  it('refuses a file that is not SQLite without changing a byte', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.quarry');
    writeFileSync(path, 'These are my notes, not a database.\n');
    const before = readFileSync(path);
    const a = app(join(dir, 'cfg'));
    await expect(a.dispatcher.call('project.open', { path })).rejects.toMatchObject({
      kind: 'BadInput',
      message: expect.stringContaining('not a SQLite database'),
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    await expect(a.dispatcher.call('project.open', { path: join(dir, 'nope.quarry') })).rejects.toMatchObject({
      kind: 'NotFound',
    });
  });

  it('keeps the open project when opening another one fails', async () => {
    const dir = tempDir();
    const a = app(join(dir, 'cfg'));
    const good = join(dir, 'good.quarry');
    await a.dispatcher.call('project.create', { path: good });
    const bad = join(dir, 'bad.quarry');
    writeFileSync(bad, 'nope');
    await expect(a.dispatcher.call('project.open', { path: bad })).rejects.toBeTruthy();
    expect(a.projectPath()).toBe(good);
    expect((await a.dispatcher.call('project.info', {})).name).toBe('good');
  });
});
