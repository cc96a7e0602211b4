/**
 * documents.import with a `{path}` file source (issue 8): local hosts (the CLI, Electron's main
 * process) name the file and the core reads it once, instead of carrying it as base64. The
 * result must be the same as the uploaded form, the size limit must hold before reading, and a
 * refused file writes nothing. The HTTP refusal of this form is in serve.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localPathRefusal } from '../../core/contract/localPaths.js';
import type { DocumentId } from '../../core/contract/types.js';
import { Repositories } from '../../db/repositories/index.js';
import { SHARED_DATA } from '../shared-data.js';
import { ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const VTT =
  'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ada>配送が遅れました, again\n\n00:00:02.500 --> 00:00:03.000\n<v Ben>I see\n';

describe('documents.import from a path', () => {
  it('stores what the uploaded form stores: bytes, sha256, text, turns, search rows', async () => {
    t = await newTestApp();
    const path = join(t.dir, 'call.vtt');
    writeFileSync(path, VTT);
    const byPath = await t.call('documents.import', { files: [{ path }] });
    expect(byPath.rejected).toEqual([]);
    expect(byPath.imported).toEqual([expect.objectContaining({ file: 'call.vtt', format: 'vtt' })]);
    const uploaded = await t.call('documents.import', { files: [file('call.vtt', VTT)], duplicates: 'keep' });
    const [a, b] = await Promise.all(
      [byPath, uploaded].map((r) => t.call('documents.get', { id: r.imported[0]?.documentIds[0] as DocumentId })),
    );
    expect(a?.text).toBe('Ada: 配送が遅れました, again\n\nBen: I see');
    expect(a?.text).toBe(b?.text);
    expect(a?.turns.map((x) => [x.speaker, x.start, x.end])).toEqual(b?.turns.map((x) => [x.speaker, x.start, x.end]));
    expect(await t.call('search.query', { query: '配送' })).toHaveLength(2);
    const repos = new Repositories(new Database(t.path, { readonly: true }));
    const sha = createHash('sha256').update(VTT).digest('hex');
    const sources = repos.sources.findBySha256(sha);
    expect(sources.map((s) => s.fileName)).toEqual(['call.vtt', 'call.vtt']);
    expect(repos.sources.bytes(sources[0]?.id ?? 0)?.toString('utf8')).toBe(VTT);
    repos.close();
  });

  it('refuses a file over the limit before reading it, a missing file and a folder, writing nothing', async () => {
    t = await newTestApp({ maxImportBytes: 64 });
    const big = join(t.dir, 'big.vtt');
    writeFileSync(big, VTT.repeat(3));
    mkdirSync(join(t.dir, 'folder.vtt'));
    const before = await t.call('project.info', {});
    const result = await t.call('documents.import', {
      files: [{ path: big }, { path: join(t.dir, 'missing.vtt') }, { path: join(t.dir, 'folder.vtt') }],
      participant: 'P01',
    });
    expect(result.imported).toEqual([]);
    expect(result.rejected).toEqual([
      { file: 'big.vtt', error: expect.stringMatching(/over the import limit/) },
      { file: 'missing.vtt', error: expect.stringMatching(/could not be read \(ENOENT\)/) },
      { file: 'folder.vtt', error: expect.stringMatching(/not a file/) },
    ]);
    expect((await t.call('project.info', {})).counts).toEqual(before.counts);
  });

  it('refuses a file that changed on disk while it was being imported, writing nothing', async () => {
    // A Word file: its parse (mammoth, JSZip) yields to the event loop between the hash, taken
    // when the import starts, and the bytes stored at its end; the file is rewritten in between.
    t = await newTestApp();
    const original = readFileSync(join(SHARED_DATA, 'docx', 'mammoth.js', 'single-paragraph.docx'));
    const warmup = join(t.dir, 'first.docx');
    writeFileSync(warmup, original);
    // The first import loads the importers, so the second one hashes before any macrotask runs.
    expect((await t.call('documents.import', { files: [{ path: warmup }] })).rejected).toEqual([]);
    const before = await t.call('project.info', {});
    const path = join(t.dir, 'interview.docx');
    writeFileSync(path, original);
    const changed = readFileSync(join(SHARED_DATA, 'docx', 'mammoth.js', 'simple-list.docx'));
    const importing = t.call('documents.import', { files: [{ path }], duplicates: 'keep' });
    setImmediate(() => writeFileSync(path, changed));
    const result = await importing;
    expect(result.imported).toEqual([]);
    expect(result.rejected).toEqual([
      { file: 'interview.docx', error: 'It changed on disk while it was being imported; import it again.' },
    ]);
    expect((await t.call('project.info', {})).counts).toEqual(before.counts);
    const repos = new Repositories(new Database(t.path, { readonly: true }));
    for (const bytes of [original, changed])
      expect(repos.sources.findBySha256(createHash('sha256').update(bytes).digest('hex')).length).toBe(
        bytes === original ? 1 : 0,
      );
    repos.close();
  });

  it('is refused from page-facing hosts, and only the path form is', () => {
    expect(localPathRefusal('documents.import', { files: [{ path: '/etc/passwd' }] })).toMatch(/not by a path/);
    expect(localPathRefusal('project.merge', { source: { path: '/tmp/x.quarry' } })).toMatch(/not by a path/);
    expect(localPathRefusal('documents.import', { files: [{ name: 'a.txt', dataBase64: 'YQ==' }] })).toBeNull();
    expect(localPathRefusal('project.open', { path: '/tmp/x.quarry' })).toBeNull();
    expect(localPathRefusal('documents.previewCsv', { file: { path: '/tmp/s.csv' } })).toMatch(/not by a path/);
  });

  it('previews a CSV by its path (as Electron sends a picked file), with the upload’s answer', async () => {
    t = await newTestApp();
    const csv = 'id,age,comment\np1,34,Delivery was late\np2,41,配送が遅い\n';
    const path = join(t.dir, 'survey.csv');
    writeFileSync(path, csv);
    const byPath = await t.call('documents.previewCsv', { file: { path } });
    expect(byPath).toEqual(await t.call('documents.previewCsv', { file: file('survey.csv', csv) }));
    expect(byPath.file).toBe('survey.csv');
    expect(byPath.rows).toBe(2);
    await expect(t.call('documents.previewCsv', { file: { path: join(t.dir, 'missing.csv') } })).rejects.toThrow(
      /missing\.csv: It could not be read \(ENOENT\)/,
    );
  });
});

describe('quarry import', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('imports a file by its path, and names it by that path in the result', () => {
    const dir = makeTempDir('quarry-import-path-');
    try {
      const project = join(dir, 'p.quarry');
      expect(quarry(dir, ['new', project, '--json']).code).toBe(0);
      const vtt = join(dir, 'call.vtt');
      writeFileSync(vtt, VTT);
      const run = quarry(dir, ['import', project, vtt, '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).imported).toEqual([expect.objectContaining({ file: vtt, format: 'vtt' })]);
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});
