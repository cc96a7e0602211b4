/** .docx through documents.import: Word files written here, the shared fixtures, and refusals. */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentId, ImportResult } from '../../core/contract/types.js';
import { openDocx } from '../../core/importers/docx/zip.js';
import { SHARED_DATA } from '../shared-data.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await newTestApp();
});
afterAll(() => t?.dispose());

const DOCX = `${SHARED_DATA}/docx`;
const GERMAN = `${SHARED_DATA}/transcripts/haski-nodegrade-de`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A minimal, valid .docx whose body is the given WordprocessingML. */
function docx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(xml),
    ...extra,
  });
}
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

async function importAll(files: { name: string; dataBase64: string }[]): Promise<ImportResult> {
  return t.call('documents.import', { files, duplicates: 'keep' });
}
async function importOne(name: string, bytes: Uint8Array): Promise<DocumentDetail> {
  const result = await importAll([file(name, bytes)]);
  expect(result.rejected).toEqual([]);
  return t.call('documents.get', { id: result.imported[0]?.documentIds[0] as DocumentId });
}

describe('.docx written here', () => {
  it('reads speaker paragraphs in several languages with emoji and RTL', async () => {
    const doc = await importOne(
      'multi.docx',
      docx(
        [
          p('Interview P07 — 3 March'),
          p('Moderator: How do you pay? 💳'),
          p('P07: Mostly „mit Karte“, sometimes 现金.'),
          p('Moderator: And your sister?'),
          p('P07: אחותי משלמת במזומן'),
        ].join(''),
      ),
    );
    expect(doc.format).toBe('docx');
    expect(doc.text.startsWith('Interview P07 — 3 March\n\nModerator: How do you pay? 💳')).toBe(true);
    expect(doc.turns.map((x) => [x.speaker, doc.text.slice(x.start, x.end)])).toEqual([
      ['Moderator', 'How do you pay? 💳'],
      ['P07', 'Mostly „mit Karte“, sometimes 现金.'],
      ['Moderator', 'And your sister?'],
      ['P07', 'אחותי משלמת במזומן'],
    ]);
  });

  it('reads tracked changes as accepted: insertions kept, deletions dropped', async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">We paid </w:t></w:r>' +
      '<w:del w:id="1" w:author="Ed"><w:r><w:delText>in cash</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="Ed"><w:r><w:t>by card</w:t></w:r></w:ins>' +
      '<w:r><w:t>.</w:t></w:r></w:p>';
    const doc = await importOne('tracked.docx', docx(body));
    expect(doc.text).toBe('We paid by card.');
  });

  it('reads a table as rows of cells separated by " | "', async () => {
    const cell = (s: string) => `<w:tc><w:p><w:r><w:t>${esc(s)}</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl><w:tr>${cell('Market')}${cell('Score')}</w:tr><w:tr>${cell('DE')}${cell('7')}</w:tr></w:tbl>`;
    const doc = await importOne('table.docx', docx(p('Before') + table + p('After')));
    expect(doc.text).toBe('Before\n\nMarket | Score\nDE | 7\n\nAfter');
  });
});

describe('.docx fixtures', () => {
  it('keeps lists, tables, footnotes and endnotes readable, and drops comments', async () => {
    const list = await importOne('simple-list.docx', readFileSync(`${DOCX}/mammoth.js/simple-list.docx`));
    expect(list.text).toMatch(/^• Apple\n• Banana$/m);
    const tables = await importOne('tables.docx', readFileSync(`${DOCX}/mammoth.js/tables.docx`));
    expect(tables.text).toBe('Above\n\nTop left | Top right\nBottom left | Bottom right\n\nBelow');
    const foot = await importOne('footnotes.docx', readFileSync(`${DOCX}/mammoth.js/footnotes.docx`));
    expect(foot.text).toBe('Ouch[1].[2]\n\nNotes\n\n[1] A tachyon walks into a bar.\n[2] Fin.');
    const end = await importOne('endnotes.docx', readFileSync(`${DOCX}/mammoth.js/endnotes.docx`));
    expect(end.text).toBe('Ouch[1].[2]\n\nNotes\n\n[1] A tachyon walks into a bar.\n[2] Fin.');
    const comments = await importOne('comments.docx', readFileSync(`${DOCX}/mammoth.js/comments.docx`));
    expect(comments.text).toBe('Ouch.');
  });

  it('imports every python-docx and mammoth fixture with text, and refuses the text-less ones with a reason', async () => {
    const { readdirSync } = await import('node:fs');
    const names = ['mammoth.js', 'python-docx'].flatMap((d) =>
      readdirSync(`${DOCX}/${d}`)
        .filter((n) => n.endsWith('.docx'))
        .map((n) => `${d}/${n}`),
    );
    const result = await importAll(names.map((n) => file(n, readFileSync(`${DOCX}/${n}`))));
    expect(result.imported.length + result.rejected.length).toBe(names.length);
    expect(result.rejected.map((r) => r.file).sort()).toEqual([
      'mammoth.js/empty.docx',
      'mammoth.js/external-picture.docx',
      'mammoth.js/tiny-picture-target-base-relative.docx',
      'mammoth.js/tiny-picture.docx',
    ]);
    for (const r of result.rejected) expect(r.error).toBe('The Word document has no text.');
  });

  it('reads the German interviews: I:/S1: speakers, „quotes“ and untagged paragraphs', async () => {
    const doc = await importOne(
      'interview1.docx',
      readFileSync(`${GERMAN}/NodeGrade_paper_ECSEE_qualitative_data_interview1_german.docx`),
    );
    expect(doc.language).toBe('de');
    const speakers = new Set(doc.turns.map((x) => x.speaker));
    expect([...speakers].sort()).toEqual(['I', 'S1', 'S2']);
    expect(doc.turns[0]?.speaker).toBe('I');
    expect(doc.text.slice(doc.turns[0]?.start, doc.turns[0]?.end)).toMatch(/^Wie gut fühlt ihr euch/);
    expect(doc.text).toMatch(/^Interview with S1 and S2/);
    const two = await importOne(
      'interview2.docx',
      readFileSync(`${GERMAN}/NodeGrade_paper_ECSEE_qualitative_data_interview2_german.docx`),
    );
    expect(new Set(two.turns.map((x) => x.speaker))).toEqual(new Set(['I', 'S3', 'S4']));
    expect(two.text).toMatch(/„[^“]+“/);
    expect(two.text).not.toMatch(/<[a-z]+>|&amp;/);
  });
});

describe('.docx refusals', () => {
  it('refuses random bytes, a truncated file, a zip without word/document.xml, zip slip and bombs', async () => {
    const real = readFileSync(`${GERMAN}/NodeGrade_paper_ECSEE_qualitative_data_interview1_german.docx`);
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    const notWord = zipSync({ 'hello.txt': strToU8('hello') });
    const slip = zipSync({ 'word/document.xml': strToU8('<x/>'), '../../evil.sh': strToU8('rm -rf ~') });
    // 150 MB of zeros compress to ~150 KB: declared expansion ~1000×.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(150 * 1024 * 1024) }, { level: 9 });
    const result = await importAll([
      file('random.docx', random),
      file('truncated.docx', real.subarray(0, Math.floor(real.length / 2))),
      file('not-word.docx', notWord),
      file('slip.docx', slip),
      file('bomb.docx', bomb),
      file('fine.docx', docx(p('Still imported.'))),
    ]);
    expect(result.imported.map((r) => r.file)).toEqual(['fine.docx']);
    const reasons = Object.fromEntries(result.rejected.map((r) => [r.file, r.error]));
    expect(reasons['random.docx']).toMatch(/not a complete zip archive/);
    expect(reasons['truncated.docx']).toMatch(/not a complete zip archive/);
    expect(reasons['not-word.docx']).toMatch(/no word\/document\.xml/);
    expect(reasons['slip.docx']).toMatch(/"\.\.\/\.\.\/evil\.sh" points outside/);
    expect(reasons['bomb.docx']).toMatch(/expand \d+ times .*decompression bomb/);
    const docs = await t.call('documents.list', {});
    expect(docs.some((d) => ['random', 'truncated', 'not-word', 'slip', 'bomb'].includes(d.title))).toBe(false);
  });

  it('cuts an entry that lies about its size at the declared size, so the file is refused, not inflated', async () => {
    const body = `<w:p><w:r><w:t>${'x'.repeat(2_000_000)}</w:t></w:r></w:p>`;
    const buf = Buffer.from(docx(body));
    // Claim 1,000 bytes for word/document.xml in its central-directory and local headers.
    const name = Buffer.from('word/document.xml');
    let patched = 0;
    for (
      let at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    ) {
      if (buf.subarray(at + 46, at + 46 + name.length).equals(name)) {
        buf.writeUInt32LE(1000, at + 24);
        patched++;
      }
    }
    expect(patched).toBe(1);
    for (
      let at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      at >= 0;
      at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)
    ) {
      if (buf.subarray(at + 30, at + 30 + name.length).equals(name)) buf.writeUInt32LE(1000, at + 22);
    }
    const result = await importAll([file('liar.docx', buf)]);
    expect(result.imported).toEqual([]);
    expect(result.rejected[0]?.error).toMatch(/Word content cannot be read/);
  });

  it('refuses an archive over the absolute cap whatever its ratio', () => {
    const big = zipSync({ 'word/document.xml': new Uint8Array(3 * 1024 * 1024) }, { level: 0 });
    expect(() => openDocx(big, { maxExpandedBytes: 2 * 1024 * 1024, maxRatio: 50, ratioFloorBytes: 0 })).toThrow(
      /over the limit of 2\.0 MB/,
    );
  });
});
