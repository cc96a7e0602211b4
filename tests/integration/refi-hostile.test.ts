/**
 * Hostile and broken REFI-QDA files, built here with fflate: each is refused with a reason
 * and leaves the project exactly as it was (no codes, documents, sources or memos).
 */
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { file, newTestApp, type TestApp } from './helpers.js';
import { countRows, g, project, qdpx } from './refi-helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const CODES = `<CodeBook><Codes><Code guid="${g(1)}" name="Price" isCodable="true"/></Codes></CodeBook>`;
const GOOD = project(
  'Test',
  `${CODES}<Sources><TextSource guid="${g(2)}" name="A" plainTextPath="internal://a.txt"/></Sources>`,
);

async function refused(name: string, bytes: Uint8Array, reason: RegExp) {
  t = await newTestApp();
  const result = await t.call('documents.import', { files: [file(name, bytes)] });
  expect(result.imported).toEqual([]);
  expect(result.rejected).toEqual([{ file: name, error: expect.stringMatching(reason) }]);
  for (const table of ['codes', 'documents', 'sources', 'memos', 'excerpts', 'participants', 'sets']) {
    expect(countRows(t.path, `SELECT count(*) AS n FROM ${table}`), table).toBe(0);
  }
}

describe('hostile archives are refused and write nothing', () => {
  it('zip slip: an entry with ../ in its path', async () => {
    await refused(
      'slip.qdpx',
      qdpx(GOOD, { '../../evil.txt': 'x', 'sources/a.txt': 'hello' }),
      /"\.\.\/\.\.\/evil\.txt" points outside/,
    );
  });

  it('an absolute entry path', async () => {
    await refused('abs.qdpx', qdpx(GOOD, { '/etc/cron.d/evil': 'x' }), /points outside the archive's folder/);
  });

  it('a symbolic link entry', async () => {
    const bytes = zipSync({
      'project.qde': strToU8(GOOD),
      // Unix host (3), mode lrwxrwxrwx in the high 16 bits of the external attributes.
      'sources/a.txt': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    await refused('link.qdpx', bytes, /"sources\/a\.txt" is a symbolic link/);
  });

  it('a decompression bomb (a sources/ entry of 24 MB of zeros)', async () => {
    const bytes = qdpx(GOOD, { 'sources/a.txt': new Uint8Array(24 * 1024 * 1024) });
    expect(bytes.byteLength).toBeLessThan(200_000);
    await refused('bomb.qdpx', bytes, /decompression bomb/);
  });

  it('XXE: a DOCTYPE with an external entity', async () => {
    const xml = GOOD.replace(
      '<Project',
      '<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project',
    ).replace('name="A"', 'name="&xxe;"');
    await refused('xxe.qdpx', qdpx(xml, { 'sources/a.txt': 'hello' }), /declares a document type or entities/);
  });

  it('billion laughs: nested entity expansion', async () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = GOOD.replace('<Project', `<!DOCTYPE Project [${lol.join('')}]>\n<Project`).replace(
      'name="A"',
      'name="&lol9;"',
    );
    await refused('laughs.qdpx', qdpx(xml, { 'sources/a.txt': 'hello' }), /declares a document type or entities/);
  });

  it('a selection outside its text', async () => {
    const xml = project(
      'Test',
      `${CODES}<Sources><TextSource guid="${g(2)}" name="Short" plainTextPath="internal://a.txt">
        <PlainTextSelection guid="${g(3)}" name="x" startPosition="2" endPosition="500"><Coding guid="${g(4)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
      </TextSource></Sources>`,
    );
    await refused(
      'outside.qdpx',
      qdpx(xml, { 'sources/a.txt': 'hello 😀' }),
      /runs from 2 to 500, outside its text of 7 code points/,
    );
  });

  it('a negative position', async () => {
    const xml = project(
      'Test',
      `<Sources><TextSource guid="${g(2)}" name="Short"><PlainTextContent>hello</PlainTextContent>
        <PlainTextSelection guid="${g(3)}" startPosition="-3" endPosition="2"/></TextSource></Sources>`,
    );
    await refused('negative.qdpx', qdpx(xml), /outside its text/);
  });

  it('a file that is not a zip (a saved web page named .qdpx)', async () => {
    await refused(
      'demo.qdpx',
      strToU8('<!DOCTYPE html><html><body>GitHub</body></html>'),
      /not a complete zip archive/,
    );
  });

  it('a zip without project.qde', async () => {
    await refused('empty.qdpx', zipSync({ 'sources/a.txt': strToU8('hi') }), /no project\.qde inside/);
  });

  it('malformed XML', async () => {
    await refused('broken.qdpx', qdpx('<Project name="x"><Users></Project>'), /not well-formed XML/);
  });

  it('a GUID that is not one', async () => {
    await refused(
      'guid.qdpx',
      qdpx(project('Test', '<Users><User guid="robert\'); DROP TABLE codes;--" name="x"/></Users>')),
      /not a GUID/,
    );
  });

  it('a .qdc with a DOCTYPE', async () => {
    const qdc = `<?xml version="1.0"?><!DOCTYPE CodeBook SYSTEM "http://attacker.example/x.dtd"><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`;
    await refused('evil.qdc', strToU8(qdc), /declares a document type/);
  });
});

describe('paths outside the archive are never read', () => {
  it('file:// and ../ source paths are reported as missing, not followed', async () => {
    t = await newTestApp();
    const xml = project(
      'Test',
      `<Sources><TextSource guid="${g(2)}" name="Passwd" plainTextPath="file:///etc/passwd"/>
        <TextSource guid="${g(3)}" name="Up" plainTextPath="internal://../../../etc/hostname"/></Sources>`,
    );
    const result = await t.call('documents.import', { files: [file('paths.qdpx', qdpx(xml))] });
    expect(result.imported[0]?.documentIds).toEqual([]);
    expect(result.imported[0]?.warnings).toEqual([
      expect.stringMatching(/"Passwd" was not imported: its text \(file:\/\/\/etc\/passwd\) is not in the archive/),
      expect.stringMatching(/"Up" was not imported/),
    ]);
    expect(countRows(t.path, 'SELECT count(*) AS n FROM documents')).toBe(0);
  });
});
