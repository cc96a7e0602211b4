/** Survey CSVs: preview with column roles, then respondents → participants + documents. */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { SHARED_DATA } from '../shared-data.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const SURVEY456 = `${SHARED_DATA}/transcripts/qualcoder/survey456.csv`;
const roles = (preview: { columns: { name: string; role: string }[] }) =>
  Object.fromEntries(preview.columns.map((c) => [c.name, c.role]));

describe('documents.previewCsv', () => {
  it('guesses the roles of the QualCoder survey with sample values', async () => {
    t = await newTestApp();
    const preview = await t.call('documents.previewCsv', { file: file('survey456.csv', readFileSync(SURVEY456)) });
    expect(preview.delimiter).toBe(',');
    expect(preview.rows).toBe(3);
    expect(roles(preview)).toEqual({
      Case: 'id',
      Age: 'attribute',
      Gender: 'attribute',
      Interest: 'attribute',
      freetext: 'text',
    });
    expect(preview.columns.find((c) => c.name === 'Case')?.samples).toEqual(['ID4', 'ID5', 'ID6']);
    expect(preview.columns.find((c) => c.name === 'Age')?.filled).toBe(2);
  });

  it('reads semicolons with a BOM and quoted multi-line cells, and Excel UTF-16 tab-separated text', async () => {
    t = await newTestApp();
    const semi =
      '\uFEFFRespondent ID;Markt;Alter;Was hat Ihnen gefallen?\r\n' +
      'R1;DE;25-34;"Die Bezahlung war schnell;\r\nund einfach, ohne Karte."\r\n' +
      'R2;AT;35-44;"Zu viele Schritte. ""Nie wieder"", sagte ich."\r\n';
    const p1 = await t.call('documents.previewCsv', { file: file('de.csv', semi) });
    expect(p1.delimiter).toBe(';');
    expect(roles(p1)).toEqual({
      'Respondent ID': 'id',
      Markt: 'attribute',
      Alter: 'attribute',
      'Was hat Ihnen gefallen?': 'text',
    });
    const tsv =
      'id\tmarket\tscore\tcomment\n1\tJP\t9\t支払いはとても簡単でした。毎日使っています。カードは不要です。\n2\tKR\t4\t결제가 너무 느렸어요. 다시는 사용하지 않을 것 같아요.\n';
    const p2 = await t.call('documents.previewCsv', {
      file: file('excel.csv', iconv.encode(tsv, 'utf-16le', { addBOM: true })),
    });
    expect(p2.delimiter).toBe('\t');
    expect(roles(p2)).toEqual({ id: 'id', market: 'attribute', score: 'attribute', comment: 'text' });
  });

  it('refuses a CSV without rows with a clear message', async () => {
    t = await newTestApp();
    await expect(t.call('documents.previewCsv', { file: file('head.csv', 'a,b,c\n') })).rejects.toThrow(
      /head\.csv: The CSV file has a header row but no responses/,
    );
  });
});

describe('documents.import of survey CSVs', () => {
  it('makes one participant with attributes and one survey_response document per respondent', async () => {
    t = await newTestApp();
    const result = await t.call('documents.import', { files: [file('survey456.csv', readFileSync(SURVEY456))] });
    expect(result.rejected).toEqual([]);
    expect(result.imported[0]?.format).toBe('csv');
    expect(result.imported[0]?.documentIds).toHaveLength(3);
    const participants = await t.call('participants.list', {});
    expect(participants.map((p) => [p.label, p.attributes])).toEqual([
      ['ID4', { Age: '24', Gender: 'f', Interest: 'shopping' }],
      ['ID5', { Gender: 'm', Interest: 'golf' }],
      ['ID6', { Age: '67', Gender: 'm', Interest: 'gardening' }],
    ]);
    const doc = await t.call('documents.get', { id: result.imported[0]?.documentIds[0] as DocumentId });
    expect(doc.title).toBe('survey456 — ID4');
    expect(doc.participant).toBe('ID4');
    expect(doc.text).toBe(
      'freetext\nI wanted to do some more studies but after leaving school and start working, I really lost the interest.',
    );
    const db = new Database(t.path, { readonly: true });
    expect(db.prepare(`SELECT DISTINCT kind FROM documents`).all()).toEqual([{ kind: 'survey_response' }]);
    db.close();
  });

  it('follows a chosen mapping, puts answers under their questions, skips empty answers, keeps silent respondents', async () => {
    t = await newTestApp();
    const csv = [
      'resp,segment,nps,What did you like?,What should change?,internal note',
      'A-1,SMB,9,"Fast checkout 🚀, really.",,x',
      'A-2,Enterprise,3,,"Too many steps;\nthe code never arrived.",y',
      'A-3,SMB,7,,,z',
    ].join('\n');
    const result = await t.call('documents.import', {
      files: [file('nps.csv', csv)],
      csv: {
        idColumn: 'resp',
        attributeColumns: ['segment', 'nps'],
        textColumns: ['What did you like?', 'What should change?'],
      },
    });
    expect(result.rejected).toEqual([]);
    const ids = result.imported[0]?.documentIds ?? [];
    expect(ids).toHaveLength(2);
    const [one, two] = await Promise.all(ids.map((id) => t.call('documents.get', { id })));
    expect(one?.text).toBe('What did you like?\nFast checkout 🚀, really.');
    expect(two?.text).toBe('What should change?\nToo many steps;\nthe code never arrived.');
    const participants = await t.call('participants.list', {});
    expect(participants.map((p) => [p.label, p.attributes])).toEqual([
      ['A-1', { segment: 'SMB', nps: '9' }],
      ['A-2', { segment: 'Enterprise', nps: '3' }],
      ['A-3', { segment: 'SMB', nps: '7' }],
    ]);
    expect(participants.map((p) => p.documents.length)).toEqual([1, 1, 0]);
    const hits = await t.call('search.query', { query: 'arrived' });
    expect(hits.map((h) => h.documentId)).toEqual([ids[1]]);
  });

  it('refuses a mapping naming a missing column, duplicate respondent ids, and a CSV without text', async () => {
    t = await newTestApp();
    const result = await t.call('documents.import', {
      files: [file('a.csv', 'id,comment\n1,This is a long enough comment to count as text here\n')],
      csv: { idColumn: 'id', attributeColumns: [], textColumns: ['answer'] },
    });
    expect(result.rejected[0]?.error).toMatch(/no column "answer" \(its columns are "id", "comment"\)/);
    const dup = await t.call('documents.import', {
      files: [
        file(
          'dup.csv',
          'id,comment\n1,This is a long enough comment to count as text\n1,Another long enough comment to count as text\n',
        ),
      ],
      csv: { idColumn: 'id', attributeColumns: [], textColumns: ['comment'] },
    });
    expect(dup.rejected[0]?.error).toMatch(/Respondent id "1" appears twice/);
    const short = await t.call('documents.import', { files: [file('short.csv', 'id,age\n1,20\n2,30\n')] });
    expect(short.rejected[0]?.error).toMatch(/No column holds open-text answers/);
    expect(await t.call('documents.list', {})).toEqual([]);
    expect(await t.call('participants.list', {})).toEqual([]);
  });
});
