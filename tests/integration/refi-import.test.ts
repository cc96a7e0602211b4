/**
 * REFI-QDA import through documents.import: the real exports in ../shared/data/refi-qda
 * (counts read from their XML here, independently of the importer) and projects built in
 * the test (positions with emoji, CJK, CRLF, BOM; cases, variables, notes, sets).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';
import { countRows, g, project, qdpx, REFI, rows } from './refi-helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const count = (xml: string, element: string) => (xml.match(new RegExp(`<${element}[\\s/>]`, 'g')) ?? []).length;

describe('real REFI-QDA exports import with their counts', () => {
  const samples = [
    join(REFI, 'projects', 'atlasti-8.4-mac_sky-loom', 'TestProject.qdpx'),
    join(REFI, 'projects', 'nvivo-mac-15.0.0_cproctor', 'nvivo_project.qdpx'),
  ];
  for (const path of samples) {
    it(path.split('/').slice(-2).join('/'), async () => {
      t = await newTestApp();
      const bytes = readFileSync(path);
      const zip = unzipSync(bytes);
      const qdeName = Object.keys(zip).find((n) => /^project\.qde$/i.test(n)) as string;
      const xml = new TextDecoder().decode(zip[qdeName]);
      const names = new Set(Object.keys(zip).map((n) => n.toLowerCase()));
      // A text source comes in when its plain (or Word) text is in the archive's sources/.
      const textSources = [...xml.matchAll(/<TextSource\b([^>]*?)(\/?)>/g)];
      const inArchive = (attrs: string, which: string) => {
        const path = new RegExp(`${which}="internal://([^"]+)"`).exec(attrs)?.[1];
        return path !== undefined && names.has(`sources/${path.toLowerCase()}`);
      };
      const present = textSources.filter(
        ([, attrs = '']) => inArchive(attrs, 'plainTextPath') || inArchive(attrs, 'richTextPath'),
      );

      const result = await t.call('documents.import', { files: [file(path.split('/').pop() as string, bytes)] });
      expect(result.rejected).toEqual([]);
      const [imported] = result.imported;
      expect(imported?.format).toBe('qdpx');
      expect(imported?.documentIds).toHaveLength(present.length);

      expect(countRows(t.path, 'SELECT count(*) AS n FROM codes')).toBe(count(xml, 'Code'));
      expect(countRows(t.path, 'SELECT count(*) AS n FROM documents')).toBe(present.length);
      expect(countRows(t.path, 'SELECT count(*) AS n FROM participants')).toBe(count(xml, 'Case'));
      expect(countRows(t.path, `SELECT count(*) AS n FROM memos WHERE title != 'Description'`)).toBe(
        count(xml, 'Note'),
      );
      expect(countRows(t.path, "SELECT count(*) AS n FROM coders WHERE name != 'Tester'")).toBe(count(xml, 'User'));
      // Every selection of a source that came in is an excerpt; the others are reported.
      const blocks = [...xml.matchAll(/<TextSource\b([^>]*?)(?:\/>|>([\s\S]*?)<\/TextSource>)/g)];
      const placed = blocks
        .filter(([, attrs = '']) => inArchive(attrs, 'plainTextPath') || inArchive(attrs, 'richTextPath'))
        .reduce((n, [, , inner = '']) => n + count(inner, 'PlainTextSelection'), 0);
      expect(countRows(t.path, 'SELECT count(*) AS n FROM excerpts')).toBe(placed);
      const missing = textSources.length - present.length;
      const warnings = imported?.warnings ?? [];
      expect(warnings.filter((w) => /is not in the archive/.test(w))).toHaveLength(missing);
      // Sets: one per set name (a mixed set would split by kind).
      expect(countRows(t.path, 'SELECT count(DISTINCT name) AS n FROM sets')).toBe(count(xml, 'Set'));
      // Nothing names the current coder as the author of imported codings.
      expect(
        countRows(
          t.path,
          "SELECT count(*) AS n FROM codings WHERE coder_id = (SELECT id FROM coders WHERE name = 'Tester')",
        ),
      ).toBe(0);
    });
  }

  it('ATLAS.ti: codes keep colours and descriptions; missing text, picture, PDF and video sources are reported', async () => {
    t = await newTestApp();
    const path = join(REFI, 'projects', 'atlasti-8.4-mac_sky-loom', 'TestProject.qdpx');
    const result = await t.call('documents.import', { files: [file('TestProject.qdpx', readFileSync(path))] });
    const codes = await t.call('codes.list', {});
    const coke = codes.find((c) => c.name === 'Coke::diet Coke');
    expect(coke?.color).toBe('#966450');
    expect(coke?.description).toBe('non sucré');
    expect(codes.find((c) => c.name === '"rushed"')).toBeDefined();
    const warnings = result.imported[0]?.warnings ?? [];
    expect(warnings.some((w) => /Mabel\.txt.*not in the archive, so neither is its selection/.test(w))).toBe(true);
    expect(warnings.some((w) => /picture source "cornflakes-n-milk\.jpg"/.test(w))).toBe(true);
    expect(warnings.some((w) => /video source/.test(w))).toBe(true);
    const memos = await t.call('memos.list', {});
    expect(memos.map((m) => m.title).sort()).toEqual(['My favorite Coke ad', 'Research Plan']);
    expect(memos.find((m) => m.title === 'Research Plan')?.body).toContain('dynamic team');
    // The set "<3" (an escaped name) came through decoded.
    expect(countRows(t.path, `SELECT count(*) AS n FROM sets WHERE name = '<3'`)).toBe(1);
    expect(
      countRows(
        t.path,
        `SELECT count(*) AS n FROM set_members m JOIN sets s ON s.id = m.set_id WHERE s.name = 'Feelings'`,
      ),
    ).toBe(6);
  });

  it('NVivo: the code tree keeps its nesting and GUIDs', async () => {
    t = await newTestApp();
    const path = join(REFI, 'projects', 'nvivo-mac-15.0.0_cproctor', 'nvivo_project.qdpx');
    await t.call('documents.import', { files: [file('nvivo_project.qdpx', readFileSync(path))] });
    const codes = await t.call('codes.list', {});
    const programming = codes.filter((c) => c.name === 'programming');
    expect(programming.map((c) => c.parent).sort()).toEqual(['competencies', 'cs_as_programming']);
    expect(rows<{ guid: string }>(t.path, `SELECT guid FROM codes WHERE name = 'rq1_definition'`)[0]?.guid).toBe(
      '34653336-3766-3235-6466-363134396437',
    );
  });
});

const CODEBOOK = `<CodeBook><Codes>
  <Code guid="${g(1)}" name="Price" isCodable="true" color="#C00"><Description>What it costs</Description>
    <Code guid="${g(2)}" name="Too expensive 💸" isCodable="true" color="#00ff00"/>
  </Code>
  <Code guid="${g(3)}" name="配送" isCodable="true"/>
</Codes></CodeBook>`;

describe('constructed projects', () => {
  it('lands selections on the right characters: emoji, CJK, RTL, CRLF and a BOM, counted in code points', async () => {
    t = await newTestApp();
    const text = '\uFEFFI: 😀 We talked.\r\nP1: 价格太贵了 💸, שלום and done.\r\n';
    const cps = [...text.slice(1)];
    const at = (needle: string) => {
      const i = text.slice(1).indexOf(needle);
      return [...text.slice(1, 1 + i)].length;
    };
    const sel = (n: number, needle: string, code: number, name = needle) => {
      const s = at(needle);
      const e = s + [...needle].length;
      return `<PlainTextSelection guid="${g(100 + n)}" name="${name}" startPosition="${s}" endPosition="${e}" creatingUser="${g(50)}">
        <Coding guid="${g(200 + n)}" creatingUser="${g(51)}"><CodeRef targetGUID="${g(code)}"/></Coding></PlainTextSelection>`;
    };
    expect(cps.length).toBeGreaterThan(0);
    const xml = project(
      'QualCoder 3.5',
      `<Users><User guid="${g(50)}" name="Ana"/><User guid="${g(51)}" name="Bo"/></Users>${CODEBOOK.replace('<CodeBook>', '<CodeBook>')}
      <Variables><Variable guid="${g(60)}" name="Age" typeOfVariable="Integer"/><Variable guid="${g(61)}" name="Member" typeOfVariable="Boolean"/></Variables>
      <Cases><Case guid="${g(70)}" name="P1"><VariableValue><VariableRef targetGUID="${g(60)}"/><IntegerValue>34</IntegerValue></VariableValue>
        <VariableValue><VariableRef targetGUID="${g(61)}"/><BooleanValue>true</BooleanValue></VariableValue><SourceRef targetGUID="${g(80)}"/></Case></Cases>
      <Sources><TextSource guid="${g(80)}" name="Interview 1" plainTextPath="internal://${g(80)}.txt">
        ${sel(1, '😀 We', 1)}${sel(2, '价格太贵了', 2)}${sel(3, 'שלום', 3, 'Hebrew greeting')}${sel(4, 'done.', 1)}
        <NoteRef targetGUID="${g(90)}"/></TextSource></Sources>
      <Notes><Note guid="${g(90)}" name="About P1" creatingUser="${g(50)}"><PlainTextContent>Spoke fast 🏃</PlainTextContent></Note>
        <Note guid="${g(91)}" name="Loose"><PlainTextContent>Project-wide</PlainTextContent></Note></Notes>
      <Sets><Set guid="${g(95)}" name="Mixed"><MemberCode targetGUID="${g(1)}"/><MemberSource targetGUID="${g(80)}"/></Set></Sets>`,
    );
    const result = await t.call('documents.import', {
      files: [file('study.qdpx', qdpx(xml, { [`sources/${g(80)}.txt`]: text }))],
    });
    expect(result.rejected).toEqual([]);
    expect(result.imported[0]?.warnings ?? []).toEqual([]);
    const [docId] = result.imported[0]?.documentIds ?? [];
    const excerpts = await t.call('excerpts.list', { documentId: docId });
    expect(excerpts.map((e) => e.text)).toEqual(['😀 We', '价格太贵了', 'שלום', 'done.']);
    expect(excerpts.map((e) => e.codes.map((c) => c.name))).toEqual([
      ['Price'],
      ['Too expensive 💸'],
      ['配送'],
      ['Price'],
    ]);
    const doc = await t.call('documents.get', { id: docId as DocumentId });
    expect(doc.text).toBe('I: 😀 We talked.\nP1: 价格太贵了 💸, שלום and done.\n');
    expect(doc.participant).toBe('P1');
    // Codings keep their coder (Bo), excerpts their creator (Ana).
    expect(
      rows<{ name: string }>(t.path, 'SELECT DISTINCT k.name FROM codings g JOIN coders k ON k.id = g.coder_id'),
    ).toEqual([{ name: 'Bo' }]);
    expect(
      rows<{ name: string }>(t.path, 'SELECT DISTINCT k.name FROM excerpts e JOIN coders k ON k.id = e.created_by'),
    ).toEqual([{ name: 'Ana' }]);
    const participants = await t.call('participants.list', {});
    expect(participants.find((p) => p.label === 'P1')?.attributes).toMatchObject({ Age: '34', Member: 'true' });
    expect(rows(t.path, `SELECT name, type FROM attributes ORDER BY position`)).toEqual([
      { name: 'Age', type: 'number' },
      { name: 'Member', type: 'boolean' },
    ]);
    const codes = await t.call('codes.list', {});
    expect(codes.map((c) => [c.name, c.color])).toEqual(
      expect.arrayContaining([
        ['Price', '#CC0000'],
        ['Too expensive 💸', '#00FF00'],
      ]),
    );
    const memos = await t.call('memos.list', {});
    expect(memos.find((m) => m.title === 'About P1')).toMatchObject({ targetKind: 'document', body: 'Spoke fast 🏃' });
    expect(memos.find((m) => m.title === 'Loose')).toMatchObject({ targetKind: 'project' });
    expect(rows(t.path, `SELECT kind FROM sets WHERE name = 'Mixed' ORDER BY kind`)).toEqual([
      { kind: 'codes' },
      { kind: 'documents' },
    ]);
    // Imported rows keep their producer's GUIDs.
    expect(countRows(t.path, `SELECT count(*) AS n FROM excerpts WHERE guid = ?`, g(101))).toBe(1);
    expect(countRows(t.path, `SELECT count(*) AS n FROM documents WHERE guid = ?`, g(80))).toBe(1);
  });

  it('NVivo projects count UTF-16 units (BOM not counted, CRLF as two)', async () => {
    t = await newTestApp();
    const body = '😀😀 first line\r\n🎉 second line';
    const s = body.indexOf('second');
    const xml = project(
      'NVivo for Windows 12.6',
      `${CODEBOOK}<Sources><TextSource guid="${g(80)}" name="Comments" plainTextPath="internal://a.txt">
        <PlainTextSelection guid="${g(101)}" startPosition="${s}" endPosition="${s + 11}"><Coding guid="${g(201)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
      </TextSource></Sources>`,
    );
    const result = await t.call('documents.import', {
      files: [file('nvivo.qdpx', qdpx(xml, { 'sources/a.txt': `\uFEFF${body}` }))],
    });
    const excerpts = await t.call('excerpts.list', { documentId: result.imported[0]?.documentIds[0] });
    expect(excerpts.map((e) => e.text)).toEqual(['second line']);
  });

  it('a selection that splits a composed character is reported, not moved', async () => {
    t = await newTestApp();
    const xml = project(
      'Test',
      `${CODEBOOK}<Sources><TextSource guid="${g(80)}" name="Café"><PlainTextContent>Cafe\u0301 noir</PlainTextContent>
        <PlainTextSelection guid="${g(101)}" startPosition="0" endPosition="4"><Coding guid="${g(201)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
        <PlainTextSelection guid="${g(102)}" startPosition="6" endPosition="10"><Coding guid="${g(202)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
      </TextSource></Sources>`,
    );
    const result = await t.call('documents.import', { files: [file('cafe.qdpx', qdpx(xml))] });
    expect(result.imported[0]?.warnings).toEqual([expect.stringMatching(/0–4 falls inside a character/)]);
    const excerpts = await t.call('excerpts.list', {});
    expect(excerpts.map((e) => e.text)).toEqual(['noir']);
  });

  it('a .qdc codebook imports codes and code sets; re-importing reuses the codes', async () => {
    t = await newTestApp();
    const qdc = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4"><Codes>
      <Code guid="${g(1)}" name="Price" isCodable="true" color="#C00"><Code guid="${g(2)}" name="Cheap" isCodable="true"/></Code></Codes>
      <Sets><Set guid="${g(9)}" name="Money"><MemberCode guid="${g(2)}"/></Set></Sets></CodeBook>`;
    const first = await t.call('documents.import', { files: [file('book.qdc', qdc)] });
    expect(first.imported).toEqual([{ file: 'book.qdc', documentIds: [], format: 'qdc', warnings: [] }]);
    const codes = await t.call('codes.list', {});
    expect(codes.map((c) => [c.name, c.parent])).toEqual([
      ['Price', null],
      ['Cheap', 'Price'],
    ]);
    expect(
      countRows(
        t.path,
        `SELECT count(*) AS n FROM set_members m JOIN sets s ON s.id = m.set_id WHERE s.kind = 'codes'`,
      ),
    ).toBe(1);
    await t.call('documents.import', { files: [file('book-copy.qdc', `${qdc}\n`)] });
    expect(await t.call('codes.list', {})).toHaveLength(2);
  });

  it('a source with only Word text comes in through the .docx importer; selections are kept only where their name matches', async () => {
    t = await newTestApp();
    const word = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Price was 贵 😬 for sure.</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(word),
    });
    const xml = project(
      'MAXQDA 24',
      `${CODEBOOK}<Sources><TextSource guid="${g(80)}" name="Rich" richTextPath="internal://r.docx">
        <PlainTextSelection guid="${g(101)}" name="贵 😬" startPosition="10" endPosition="13"><Coding guid="${g(201)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
        <PlainTextSelection guid="${g(102)}" name="Quote 1" startPosition="0" endPosition="5"><Coding guid="${g(202)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
      </TextSource></Sources>`,
    );
    const result = await t.call('documents.import', {
      files: [file('rich.qdpx', qdpx(xml, { 'sources/r.docx': docx }))],
    });
    expect(result.rejected).toEqual([]);
    expect(result.imported[0]?.warnings).toEqual([
      expect.stringMatching(/"Quote 1" in "Rich" was not imported: .*Word file/),
    ]);
    expect((await t.call('excerpts.list', {})).map((e) => e.text)).toEqual(['贵 😬']);
  });
});
