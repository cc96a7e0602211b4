/**
 * The .quarry file as the researcher's data: reading never writes it, closing leaves nothing
 * only in the WAL, writers beside each other wait their turn, and nobody else's file is
 * touched. Real files, the real app object and the real built CLI (two processes at once).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type QuarryApp } from '../../core/app.js';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { BIN, ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';
import { file } from './helpers.js';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir('quarry-file-');
}, 240_000);
afterAll(() => removeDir(dir));

/** Everything that must stay the same when a file is only read: bytes, mtime, no WAL left. */
function fingerprint(path: string) {
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mtimeMs: statSync(path).mtimeMs,
    wal: existsSync(`${path}-wal`),
    shm: existsSync(`${path}-shm`),
  };
}

function newApp(name: string, coderName = 'Tester'): { app: QuarryApp; call: QuarryApp['dispatcher']['call'] } {
  const app = createApp({ configDir: join(dir, `cfg-${name}`), coderName });
  return { app, call: app.dispatcher.call.bind(app.dispatcher) as QuarryApp['dispatcher']['call'] };
}

const TEXT = 'Interviewer: How was it?\n\nAna: The coupon 优惠券 was hidden.\n';

/** A closed project with a document, a coded excerpt, a memo and a board. */
async function studyFile(name: string): Promise<string> {
  const path = join(dir, name);
  const { app, call } = newApp(name, 'Author');
  await call('project.create', { path });
  const [imported] = (await call('documents.import', { files: [file('ana.txt', TEXT)] })).imported;
  const documentId = imported?.documentIds[0] as DocumentId;
  const code = await call('codes.add', { name: 'Coupon' });
  const start = TEXT.indexOf('The coupon');
  await call('excerpts.tag', { documentId, start, end: start + 10, codeIds: [code.id] });
  await call('memos.add', { targetKind: 'project', body: 'Remember the coupon.' });
  await call('boards.create', { name: 'Board' });
  app.close();
  return path;
}

describe('reading never writes', () => {
  it('opening a project and every read-only method leave the file byte for byte and its mtime as they were', async () => {
    const path = await studyFile('read.quarry');
    const before = fingerprint(path);
    expect(before).toMatchObject({ wal: false, shm: false });
    await new Promise((r) => setTimeout(r, 20)); // a write now would show in the mtime
    // Another coder than the author: opening must not record them yet.
    const { app, call } = newApp('reader', 'Someone Else');
    await call('project.open', { path });
    const status = await call('app.status', {});
    expect(status.coder).toEqual({ id: null, name: 'Someone Else' });
    const [doc] = await call('documents.list', {});
    await call('documents.get', { id: doc?.id as DocumentId });
    await call('project.info', {});
    await call('codes.list', {});
    await call('coders.list', {});
    await call('excerpts.list', {});
    await call('search.query', { query: 'coupon' });
    await call('search.query', { query: '优惠券', every: true });
    await call('search.memos', { query: 'coupon' });
    await call('memos.list', {});
    await call('boards.list', {});
    await call('participants.list', {});
    await call('history.status', {});
    await call('export.report', { format: 'html' });
    app.close();
    expect(fingerprint(path)).toEqual(before);
  });

  it('the read-only CLI commands leave the file as it was, and no command adds to the recent list', async () => {
    const path = await studyFile('cli-read.quarry');
    const config = join(dir, 'cli-config');
    mkdirSync(config);
    const before = fingerprint(path);
    await new Promise((r) => setTimeout(r, 20));
    const out = join(dir, 'report.md');
    for (const args of [
      ['info', path, '--json'],
      ['docs', path, '--json'],
      ['show', path, '1', '--json'],
      ['codes', path, '--json'],
      ['excerpts', path, '--json'],
      ['excerpts', path, '--code', 'Coupon', '--json'],
      ['search', path, '优惠券', '--json'],
      ['insights', path, '--json'],
      ['export', path, '--format', 'md', '--out', out],
    ]) {
      const result = quarry(config, args);
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: expect.any(String) });
    }
    expect(readFileSync(out, 'utf8')).toContain('Coupon');
    expect(fingerprint(path)).toEqual(before);
    // Writing commands too: the recent-projects list is the desktop app's, not the CLI's.
    expect(quarry(config, ['new', join(dir, 'cli-new.quarry')]).code).toBe(0);
    expect(quarry(config, ['code', 'add', path, 'Later']).code).toBe(0);
    expect(readdirSync(config)).toEqual([]);
  }, 180_000);

  it("the CLI refuses another program's SQLite file by name and leaves it unchanged", () => {
    const path = join(dir, 'orders.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders (total) VALUES (12.5);');
    db.close();
    const before = fingerprint(path);
    writeFileSync(join(dir, 'ana.txt'), TEXT);
    for (const args of [
      ['info', path],
      ['import', path, join(dir, 'ana.txt')],
      ['code', 'add', path, 'X'],
    ]) {
      const result = quarry(dir, args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${path} is not a Quarry project`);
      expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // a message, not a stack trace
    }
    expect(fingerprint(path)).toEqual(before);
  }, 60_000);
});

describe('closing', () => {
  it('leaves nothing only in the WAL: a copy of the .quarry file alone holds every write', async () => {
    const path = join(dir, 'wal.quarry');
    const { app, call } = newApp('wal');
    await call('project.create', { path });
    for (let i = 0; i < 20; i++) await call('codes.add', { name: `Code ${i}` });
    await call('documents.import', { files: [file('ana.txt', TEXT)] });
    // While open, the writes are in the WAL (so this test does test the checkpoint).
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    app.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const copy = join(dir, 'copied', 'wal.quarry');
    mkdirSync(join(dir, 'copied'));
    copyFileSync(path, copy);
    const { app: other, call: otherCall } = newApp('copy');
    const info = await otherCall('project.open', { path: copy });
    expect(info.counts).toMatchObject({ codes: 20, documents: 1 });
    other.close();
  });
});

/** Runs the built CLI without blocking this process, so two can run at once. */
function quarryAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, QUARRY_CONFIG_DIR: join(dir, 'cli-async'), NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function folderOf(name: string, n: number): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (let i = 1; i <= n; i++) {
    const body = `Interviewer: Tell me about checkout ${i}.\n\nP${i}: ${'The price and the coupon field. '.repeat(200)}\n`;
    writeFileSync(join(folder, `p${String(i).padStart(2, '0')}.txt`), body);
  }
  return folder;
}

describe('concurrent writers', () => {
  it('two CLI imports of one 20-file folder at once store each file once', async () => {
    const folder = folderOf('twenty', 20);
    const path = join(dir, 'twice.quarry');
    expect(quarry(dir, ['new', path]).code).toBe(0);
    const [a, b] = await Promise.all([
      quarryAsync(['import', path, folder, '--study', 'S', '--round', 'R1', '--json']),
      quarryAsync(['import', path, folder, '--study', 'S', '--round', 'R1', '--json']),
    ]);
    // Both succeed (no "database is locked"); whichever came second reports the other's files as skipped.
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(`${a.stderr}${b.stderr}`).not.toMatch(/locked|busy|went wrong/i);
    const [first = 0, second = 0] = [a, b].map(
      (r) => (JSON.parse(r.stdout) as { imported: unknown[] }).imported.length,
    );
    expect(first + second).toBe(20);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 20 });
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 20 });
    expect(db.prepare('SELECT count(*) AS n FROM rounds').get()).toEqual({ n: 1 });
    db.close();
  }, 120_000);

  it('a CLI import beside the open app: every app write and the import succeed, and the app sees the documents', async () => {
    const folder = folderOf('beside', 20);
    const path = join(dir, 'beside.quarry');
    const { app, call } = newApp('beside');
    await call('project.create', { path });
    const [seed] = (await call('documents.import', { files: [file('seed.txt', TEXT)] })).imported;
    const documentId = seed?.documentIds[0] as DocumentId;
    const importing = quarryAsync(['import', path, folder, '--json']);
    let done = false;
    void importing.then(() => {
      done = true;
    });
    const failures: string[] = [];
    let writes = 0;
    // Writes that read first (tag checks the document and code, then inserts), in a loop until the import ends.
    while (!done || writes < 20) {
      try {
        const code = await call('codes.add', { name: `Code ${writes}` });
        await call('excerpts.tag', { documentId, start: 0, end: 11, codeIds: [code.id as CodeId] });
      } catch (err) {
        failures.push((err as Error).message);
      }
      writes++;
      await new Promise((r) => setImmediate(r));
    }
    const result = await importing;
    expect(failures).toEqual([]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { imported: unknown[] }).imported).toHaveLength(20);
    expect(await call('documents.list', {})).toHaveLength(21);
    expect((await call('codes.list', {})).length).toBe(writes);
    app.close();
  }, 120_000);
});

describe("the user's recent-projects list", () => {
  it('is out of reach of every test: the default config dir is a temp folder', async () => {
    const { defaultConfigDir } = await import('../../core/services/recent.js');
    expect(defaultConfigDir().startsWith(tmpdir())).toBe(true);
    expect(defaultConfigDir()).not.toContain(homedir());
  });
});
