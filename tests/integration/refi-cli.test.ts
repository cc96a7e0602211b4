/** `quarry import` of .qdpx/.qdc and `quarry export --format qdpx|qdc`, through the built CLI. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir } from './cli-harness.js';
import { g, project, qdpx, REFI } from './refi-helpers.js';

let dir = '';
beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
}, 240_000);
afterAll(() => removeDir(dir));

describe('quarry import/export with REFI-QDA', () => {
  it('imports a .qdpx as one file with many documents, prints warnings, exports .qdpx and .qdc', () => {
    const path = join(dir, 'a.quarry');
    expect(quarry(dir, ['new', path]).code).toBe(0);
    const xml = project(
      'Test',
      `<CodeBook><Codes><Code guid="${g(1)}" name="Price" isCodable="true"/></Codes></CodeBook><Sources>
        <TextSource guid="${g(2)}" name="One"><PlainTextContent>First 😀 text</PlainTextContent>
          <PlainTextSelection guid="${g(3)}" startPosition="8" endPosition="12"><Coding guid="${g(4)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection></TextSource>
        <TextSource guid="${g(5)}" name="Two" plainTextPath="internal://two.txt"/>
        <TextSource guid="${g(6)}" name="Gone" plainTextPath="internal://gone.txt"/></Sources>`,
    );
    const file = join(dir, 'study.qdpx');
    writeFileSync(file, qdpx(xml, { 'sources/two.txt': 'Second text' }));
    const run = quarry(dir, ['import', path, file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.imported).toEqual([
      { file, documentIds: [1, 2], format: 'qdpx', warnings: [expect.stringMatching(/"Gone" was not imported/)] },
    ]);
    expect(run.stderr).toMatch(/Warning \(.*study\.qdpx\): The source "Gone" was not imported/);
    expect(quarryJson<{ text: string }[]>(dir, ['excerpts', path, '--json']).map((e) => e.text)).toEqual(['text']);

    const out = join(dir, 'out.qdpx');
    const exported = quarryJson<{ format: string; bytes: number }>(dir, [
      'export',
      path,
      '--format',
      'qdpx',
      '--out',
      out,
      '--json',
    ]);
    expect(exported.format).toBe('qdpx');
    const book = join(dir, 'out.qdc');
    expect(quarry(dir, ['export', path, '--format', 'qdc', '--out', book]).code).toBe(0);

    const b = join(dir, 'b.quarry');
    expect(quarry(dir, ['new', b]).code).toBe(0);
    const again = quarryJson<{ imported: { documentIds: number[] }[] }>(dir, ['import', b, out, '--json']);
    expect(again.imported[0]?.documentIds).toHaveLength(2);
    expect(quarryJson<{ text: string }[]>(dir, ['excerpts', b, '--json']).map((e) => e.text)).toEqual(['text']);
  });

  it('a hostile archive is rejected with exit 3 and the reason', () => {
    const path = join(dir, 'c.quarry');
    expect(quarry(dir, ['new', path]).code).toBe(0);
    const file = join(dir, 'slip.qdpx');
    writeFileSync(file, qdpx(project('Test', ''), { '../evil': 'x' }));
    const run = quarry(dir, [
      'import',
      path,
      file,
      join(REFI, 'projects', 'nvivo-mac-15.0.0_cproctor', 'nvivo_project.qdpx'),
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Rejected .*slip\.qdpx: .*points outside the archive's folder/);
    expect(quarryJson<{ counts: { codes: number } }>(dir, ['info', path, '--json']).counts.codes).toBeGreaterThan(50);
  });

  it('export --help lists qdpx and qdc', () => {
    expect(quarry(dir, ['export', '--help']).stdout).toMatch(/qdpx\|qdc/);
  });
});
