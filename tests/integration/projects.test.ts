import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type QuarryApp } from '../../core/app.js';
import { APPLICATION_ID } from '../../db/connection.js';
import { migration001 } from '../../db/migrations/001-initial.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { tempDir } from './helpers.js';

const apps: QuarryApp[] = [];
function app(configDir: string, coderName = 'Tester'): QuarryApp {
  const a = createApp({ configDir, coderName });
  apps.push(a);
  return a;
}
/** What must not change when a file is only read or refused: its bytes and its mtime. */
function fingerprint(path: string): { sha256: string; mtimeMs: number } {
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: statSync(path).mtimeMs };
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

  it('refuses SQLite files that are not Quarry projects, leaving them exactly as they were', async () => {
    const dir = tempDir();
    const a = app(join(dir, 'cfg'));
    const foreign = (name: string, setUp: (db: Database.Database) => void) => {
      const path = join(dir, name);
      const db = new Database(path);
      setUp(db);
      db.close();
      return path;
    };
    const cases = [
      // another program's database, no application id (rollback journal and WAL)
      foreign('other.sqlite', (db) =>
        db.exec(`CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL);
        INSERT INTO orders (total) VALUES (9.5);`),
      ),
      foreign('other-wal.sqlite', (db) => {
        db.pragma('journal_mode = WAL');
        db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1);');
        db.pragma('user_version = 2');
      }),
      // an empty SQLite file is not a project either
      foreign('empty.sqlite', (db) => db.exec('CREATE TABLE scratch (x); DROP TABLE scratch;')),
      // Quarry's tables, but another application's id: not ours
      foreign('lookalike.quarry', (db) => {
        migration001.up(db);
        db.pragma('user_version = 1');
        db.pragma('application_id = 1179603284');
      }),
    ];
    for (const path of cases) {
      const before = fingerprint(path);
      await expect(a.dispatcher.call('project.open', { path })).rejects.toMatchObject({
        kind: 'BadInput',
        message: expect.stringMatching(/is not a Quarry project .*left untouched/),
      });
      expect(fingerprint(path)).toEqual(before);
      expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
    }
    expect(a.projectPath()).toBeNull();
  });

  it("stamps new projects with Quarry's application id", async () => {
    const dir = tempDir();
    const path = join(dir, 'new.quarry');
    const a = app(join(dir, 'cfg'));
    await a.dispatcher.call('project.create', { path });
    a.close(); // checkpointed: the header in the file itself is current
    const header = readFileSync(path).subarray(0, 100);
    expect(header.readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(APPLICATION_ID.toString(16)).toBe('51525259');
    expect(header.readUInt32BE(60)).toBe(SCHEMA_VERSION);
  });

  it('opens a current Quarry file from before the application id, and stamps it', async () => {
    const dir = tempDir();
    const path = join(dir, 'legacy.quarry');
    const a = app(join(dir, 'cfg'));
    await a.dispatcher.call('project.create', { path, name: 'Legacy' });
    await a.dispatcher.call('codes.add', { name: 'Trust' });
    a.close();
    const raw = new Database(path);
    raw.pragma('application_id = 0');
    raw.close();
    const b = app(join(dir, 'cfg'));
    expect(await b.dispatcher.call('project.open', { path })).toMatchObject({ name: 'Legacy', counts: { codes: 1 } });
    b.close();
    expect(readFileSync(path).readUInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('opens a project another app has open, whose header is still only in the WAL', async () => {
    const dir = tempDir();
    const path = join(dir, 'shared.quarry');
    const a = app(join(dir, 'cfg'));
    await a.dispatcher.call('project.create', { path, name: 'Shared' });
    await a.dispatcher.call('codes.add', { name: 'Trust' });
    // Not checkpointed yet: the file's own header still says "no id, schema 0".
    expect(readFileSync(path).readUInt32BE(68)).toBe(0);
    const b = app(join(dir, 'cfg'));
    expect(await b.dispatcher.call('project.open', { path })).toMatchObject({ name: 'Shared', counts: { codes: 1 } });
  });

  it('refuses a project from a newer Quarry without changing a byte', async () => {
    const dir = tempDir();
    const path = join(dir, 'future.quarry');
    const db = new Database(path);
    db.exec('CREATE TABLE future_things (x)');
    db.pragma('user_version = 99');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    const before = fingerprint(path);
    const a = app(join(dir, 'cfg'));
    await expect(a.dispatcher.call('project.open', { path })).rejects.toMatchObject({
      kind: 'Conflict',
      message: expect.stringContaining('newer version of Quarry'),
    });
    expect(fingerprint(path)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('future.quarry'))).toEqual(['future.quarry']);
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
    await expect(a.dispatcher.call('project.open', { path: bad })).rejects.toMatchObject({
      kind: 'BadInput',
      message: expect.stringContaining('not a SQLite database'),
    });
    expect(a.projectPath()).toBe(good);
    expect((await a.dispatcher.call('project.info', {})).name).toBe('good');
  });
});
