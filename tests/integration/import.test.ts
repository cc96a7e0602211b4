import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { Repositories } from '../../db/repositories/index.js';
import { SHARED_DATA } from '../shared-data.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const REAL_TRANSCRIPT = `${SHARED_DATA}/transcripts/qualcoder/transcript.txt`;

async function importOne(name: string, content: string | Uint8Array) {
  const result = await t.call('documents.import', { files: [file(name, content)] });
  expect(result.rejected).toEqual([]);
  const id = result.imported[0]?.documentIds[0] as DocumentId;
  return t.call('documents.get', { id });
}

function withBom(bom: number[], body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(bom), body]);
}

describe('documents.import: text decoding', () => {
  it('stores UTF-8 with a BOM, CRLF line ends and decomposed accents as NFC with \\n', async () => {
    t = await newTestApp();
    const doc = await importOne(
      'crlf.txt',
      withBom([0xef, 0xbb, 0xbf], Buffer.from('Anna: Cafe\u0301!\r\nBen: Ja.\r\nAnna: Gut.\r\n')),
    );
    expect(doc.text).toBe('Anna: Café!\nBen: Ja.\nAnna: Gut.\n');
    expect(doc.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(doc.turns.map((x) => doc.text.slice(x.start, x.end))).toEqual(['Café!', 'Ja.', 'Gut.']);
  });

  it('reads UTF-16 LE and BE transcripts by their BOM', async () => {
    t = await newTestApp();
    const body = 'Interviewer: 你好 👋\nTeilnehmerin: Grüße aus Köln\nInterviewer: Danke';
    const le = await importOne('le.txt', withBom([0xff, 0xfe], Buffer.from(body, 'utf16le')));
    expect(le.text).toBe(body);
    const swapped = Buffer.from(body, 'utf16le').swap16();
    const be = await importOne('be.txt', withBom([0xfe, 0xff], swapped));
    expect(be.text).toBe(body);
    expect(be.turns).toHaveLength(3);
  });

  it('keeps emoji, RTL Arabic/Hebrew and CJK text with offsets that slice exactly', async () => {
    t = await newTestApp();
    const body = [
      'مريم: الدفع كان سهلا 👍🏽',
      'דנה: לא הסכמתי עם זה',
      '张伟：我觉得付款页面太慢了。',
      'مريم: لماذا؟ 🤔',
    ].join('\n');
    const doc = await importOne('mixed.txt', body);
    expect(doc.text).toBe(body);
    expect(doc.turns.map((x) => [x.speaker, doc.text.slice(x.start, x.end)])).toEqual([
      ['مريم', 'الدفع كان سهلا 👍🏽'],
      ['דנה', 'לא הסכמתי עם זה'],
      ['张伟', '我觉得付款页面太慢了。'],
      ['مريم', 'لماذا؟ 🤔'],
    ]);
  });

  it('imports the real QualCoder transcript with its [id] speakers', async () => {
    t = await newTestApp();
    const bytes = readFileSync(REAL_TRANSCRIPT);
    const doc = await importOne('transcript.txt', bytes);
    expect(doc.title).toBe('transcript');
    expect(doc.text).toBe(bytes.toString('utf8').replace(/\r\n?/g, '\n').normalize('NFC'));
    expect(new Set(doc.turns.map((x) => x.speaker))).toEqual(new Set(['id1', 'id2', 'id3']));
    expect(doc.turns).toHaveLength(7);
    for (const turn of doc.turns) expect(doc.text.slice(turn.start, turn.end)).not.toMatch(/^\[|^\s|\s$/);
  });

  it('imports Markdown without markup noise', async () => {
    t = await newTestApp();
    const doc = await importOne(
      'notes.md',
      '# Field notes\n\n**Anna:** The *fee* was [hidden](http://x).\n\n**Ben:** Yes.\n\n**Anna:** See?',
    );
    expect(doc.title).toBe('Field notes');
    expect(doc.format).toBe('md');
    expect(doc.text).toBe('Field notes\n\nAnna: The fee was hidden.\n\nBen: Yes.\n\nAnna: See?');
    expect(doc.turns.map((x) => x.speaker)).toEqual(['Anna', 'Ben', 'Anna']);
  });
});

describe('documents.import: what is stored', () => {
  it('keeps the original bytes with name, media type, size and sha256', async () => {
    t = await newTestApp();
    const bytes = Buffer.from('Anna: hi\r\nBen: hello\r\nAnna: bye', 'utf8');
    await t.call('documents.import', { files: [file('sub/dir/orig.txt', bytes)] });
    const repos = new Repositories(new Database(t.path, { readonly: true }));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const [source] = repos.sources.findBySha256(sha);
    expect(source).toMatchObject({ fileName: 'orig.txt', mediaType: 'text/plain', size: bytes.length, sha256: sha });
    expect(repos.sources.bytes(source?.id ?? 0)?.equals(bytes)).toBe(true);
    // one search segment per turn
    expect(repos.search.countSegments('document', 1)).toBe(3);
    repos.close();
  });

  it('links --participant and --study, creating them once', async () => {
    t = await newTestApp();
    const r = await t.call('documents.import', {
      files: [file('a.txt', 'one'), file('b.txt', 'two')],
      participant: 'P07',
      study: 'Checkout 2026',
    });
    expect(r.imported).toHaveLength(2);
    const docs = await t.call('documents.list', {});
    expect(docs.map((d) => d.participant)).toEqual(['P07', 'P07']);
    const participants = await t.call('participants.list', {});
    expect(participants.map((p) => p.label)).toEqual(['P07']);
    const info = await t.call('project.info', {});
    expect(info.counts).toMatchObject({ studies: 1, participants: 1, documents: 2 });
  });

  it('maps a speaker label to an existing participant in turns', async () => {
    t = await newTestApp();
    await t.call('participants.add', { label: 'Anna' });
    await importOne('a.txt', 'Anna: hi\nBen: yo\nAnna: ok');
    const repos = new Repositories(new Database(t.path, { readonly: true }));
    const p = repos.participants.findByLabel('Anna');
    expect(repos.documents.turns(1 as DocumentId).map((x) => [x.speaker, x.participantId])).toEqual([
      ['Anna', p?.id],
      ['Ben', null],
      ['Anna', p?.id],
    ]);
    expect(repos.documents.get(1 as DocumentId)?.participantId).toBeNull();
    repos.close();
  });
});

describe('documents.import: refusals', () => {
  it('refuses bad files one by one with the file name and reason, writing nothing for them', async () => {
    t = await newTestApp({ maxImportBytes: 1024 });
    const before = await t.call('project.info', {});
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const result = await t.call('documents.import', {
      files: [
        file('empty.txt', ''),
        file('blank.txt', '  \n\t\r\n  '),
        file('image.txt', png),
        file('report.pdf', '%PDF-1.4 something'),
        file('huge.txt', 'x'.repeat(2048)),
        file('good.txt', 'Anna: fine'),
      ],
      participant: 'P99',
      study: 'Never',
    });
    expect(result.imported.map((i) => i.file)).toEqual(['good.txt']);
    expect(result.rejected).toEqual([
      { file: 'empty.txt', error: expect.stringMatching(/empty/) },
      { file: 'blank.txt', error: expect.stringMatching(/only whitespace/) },
      { file: 'image.txt', error: expect.stringMatching(/binary/) },
      { file: 'report.pdf', error: expect.stringMatching(/\.pdf files are not supported/) },
      { file: 'huge.txt', error: expect.stringMatching(/over the import limit of 1\.0 KB|over the import limit/) },
    ]);
    const after = await t.call('project.info', {});
    expect(after.counts.documents).toBe(before.counts.documents + 1);
  });

  it('leaves every count unchanged when all files are refused, including participant and study', async () => {
    t = await newTestApp();
    const before = await t.call('project.info', {});
    const result = await t.call('documents.import', {
      files: [file('a.txt', ''), file('b.bin', 'data'), file('c.md', '<!-- only a comment -->')],
      participant: 'P01',
      study: 'S',
    });
    expect(result.imported).toEqual([]);
    expect(result.rejected).toHaveLength(3);
    expect((await t.call('project.info', {})).counts).toEqual(before.counts);
    const repos = new Repositories(new Database(t.path, { readonly: true }));
    expect(repos.search.countSegments('document', 1)).toBe(0);
    repos.close();
  });

  it('validates the batch itself', async () => {
    t = await newTestApp();
    await expect(t.call('documents.import', { files: [] })).rejects.toMatchObject({
      kind: 'BadInput',
      message: expect.stringContaining('at least one file'),
    });
  });
});
