/**
 * Survey exports imported with the guessed defaults (issue 7): the respondent id found however
 * its header is written, short open answers recognised by what they look like, every
 * respondent a participant with typed attributes, BOM and semicolon (European Excel) files.
 */
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const roles = (preview: { columns: { name: string; role: string }[] }) =>
  Object.fromEntries(preview.columns.map((c) => [c.name, c.role]));

/** Five respondents; R5 answered nothing; "One word for us?" is a short open question. */
function survey(idHeader: string, delimiter = ','): string {
  const rows = [
    [idHeader, 'market', 'NPS', 'signed_up', 'joined', 'One word for us?', 'What should we change?'],
    ['R1', 'DE', '9', 'yes', '2024-03-05', 'Fast!', 'Nothing really, the checkout is quick and simple.'],
    ['R2', 'FR', '3', 'no', '2024-03-06', 'too slow', 'The delivery took far too long; I waited ten days.'],
    ['R3', 'DE', '10', 'yes', '2024-03-07', 'love the app', ''],
    ['R4', 'US', '6', 'no', '2024-03-08', 'Meh, confusing', 'Cheaper shipping, please.'],
    ['R5', 'FR', '0', 'yes', '2024-03-09', '', ''],
  ];
  const cell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(delimiter)).join('\r\n');
}

describe('survey exports with the default roles', () => {
  it.each([
    'respondent_id',
    'RespondentID',
    'respondentId',
    'Respondent ID',
    'ID',
    '回答者ID',
    'Teilnehmer-ID',
    'Teilnehmernummer',
    '응답자 ID',
    'Identifiant du répondant',
  ])('finds the respondent id in a header written %s', async (header) => {
    t = await newTestApp();
    const preview = await t.call('documents.previewCsv', { file: file('s.csv', survey(header)) });
    expect(roles(preview)[header]).toBe('id');
  });

  it('recognises a short open question by its values, and types numbers, dates and yes/no', async () => {
    t = await newTestApp();
    const preview = await t.call('documents.previewCsv', { file: file('s.csv', survey('respondent_id')) });
    expect(roles(preview)).toEqual({
      respondent_id: 'id',
      market: 'attribute',
      NPS: 'attribute',
      signed_up: 'attribute',
      joined: 'attribute',
      'One word for us?': 'text',
      'What should we change?': 'text',
    });
    expect(Object.fromEntries(preview.columns.map((c) => [c.name, c.type]))).toMatchObject({
      market: 'text',
      NPS: 'number',
      signed_up: 'boolean',
      joined: 'date',
    });
  });

  it('keeps categories as attributes even when every value is different', async () => {
    t = await newTestApp();
    const csv = [
      'id,city,age band,comment',
      '1,New York,18 to 24,"I liked it, mostly."',
      '2,San Francisco,25 to 34,"Too many steps; I gave up."',
      '3,Los Angeles,35 to 44,"Great support team, fast answers."',
    ].join('\n');
    const preview = await t.call('documents.previewCsv', { file: file('c.csv', csv) });
    expect(roles(preview)).toEqual({ id: 'id', city: 'attribute', 'age band': 'attribute', comment: 'text' });
  });

  it('makes every respondent a participant, with typed attributes, whether or not they answered', async () => {
    t = await newTestApp();
    const result = await t.call('documents.import', { files: [file('wave1.csv', survey('respondent_id'))] });
    expect(result.rejected).toEqual([]);
    expect(result.imported[0]?.documentIds).toHaveLength(4);
    const people = await t.call('participants.list', {});
    expect(people.map((p) => [p.label, p.attributes, p.documents.length])).toEqual([
      ['R1', { market: 'DE', NPS: '9', signed_up: 'true', joined: '2024-03-05' }, 1],
      ['R2', { market: 'FR', NPS: '3', signed_up: 'false', joined: '2024-03-06' }, 1],
      ['R3', { market: 'DE', NPS: '10', signed_up: 'true', joined: '2024-03-07' }, 1],
      ['R4', { market: 'US', NPS: '6', signed_up: 'false', joined: '2024-03-08' }, 1],
      ['R5', { market: 'FR', NPS: '0', signed_up: 'true', joined: '2024-03-09' }, 0],
    ]);
    const types = Object.fromEntries((await t.call('attributes.list', {})).map((a) => [a.name, a.type]));
    expect(types).toEqual({ market: 'text', NPS: 'number', signed_up: 'boolean', joined: 'date' });
    // The short answers are document text, so search finds them.
    const hits = await t.call('search.query', { query: 'confusing' });
    expect(hits).toHaveLength(1);
    const doc = await t.call('documents.get', { id: hits[0]?.documentId as never });
    expect(doc.participant).toBe('R4');
    expect(doc.text).toBe('One word for us?\nMeh, confusing\n\nWhat should we change?\nCheaper shipping, please.');
    // A later wave with a value that does not fit an existing attribute's type is refused whole.
    const bad = survey('respondent_id').replace('R1,DE,9,', 'R9,DE,nine,').replace(/R2/g, 'R8');
    const refused = await t.call('documents.import', { files: [file('wave2.csv', bad)] });
    expect(refused.rejected[0]?.error).toMatch(/"NPS" takes a number; "nine" is not one/);
    expect(await t.call('participants.list', {})).toHaveLength(5);
  });

  it('reads a European Excel export: semicolons, decimal commas, day-first dates, a BOM, Windows-1252', async () => {
    t = await newTestApp();
    const csv =
      'Teilnehmer-ID;Land;Zufriedenheit;Datum;Geändert?;Was würden Sie ändern?\r\n' +
      'T1;Österreich;7,5;05.03.2024;ja;Die Lieferung dauerte zu lange.\r\n' +
      'T2;Deutschland;8;06.03.2024;nein;Mehr Auswahl bei den Größen, bitte.\r\n' +
      'T3;Schweiz;6,25;07.03.2024;ja;\r\n';
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
      iconv.encode(csv, 'win1252'),
    ]) {
      t?.dispose();
      t = await newTestApp();
      const preview = await t.call('documents.previewCsv', { file: file('export.csv', bytes) });
      expect(preview.delimiter).toBe(';');
      expect(roles(preview)).toEqual({
        'Teilnehmer-ID': 'id',
        Land: 'attribute',
        Zufriedenheit: 'attribute',
        Datum: 'attribute',
        'Geändert?': 'attribute',
        'Was würden Sie ändern?': 'text',
      });
      const result = await t.call('documents.import', { files: [file('export.csv', bytes)] });
      expect(result.rejected).toEqual([]);
      const people = await t.call('participants.list', {});
      expect(people.map((p) => [p.label, p.attributes])).toEqual([
        ['T1', { Land: 'Österreich', Zufriedenheit: '7.5', Datum: '2024-03-05', 'Geändert?': 'true' }],
        ['T2', { Land: 'Deutschland', Zufriedenheit: '8', Datum: '2024-03-06', 'Geändert?': 'false' }],
        ['T3', { Land: 'Schweiz', Zufriedenheit: '6.25', Datum: '2024-03-07', 'Geändert?': 'true' }],
      ]);
    }
    const db = new Database(t.path, { readonly: true });
    expect(db.prepare('SELECT name, type FROM attributes ORDER BY position, id').all()).toEqual([
      { name: 'Land', type: 'text' },
      { name: 'Zufriedenheit', type: 'number' },
      { name: 'Datum', type: 'date' },
      { name: 'Geändert?', type: 'boolean' },
    ]);
    db.close();
  });

  it('finds short open answers in Chinese, and keeps a repeated category an attribute', async () => {
    t = await newTestApp();
    const csv = [
      '参与者编号,城市,满意吗？,建议',
      'C1,上海,是,配送太慢了',
      'C2,北京,否,优惠券很好用',
      'C3,上海,是,客服回复很快',
      'C4,上海,是,界面有点乱',
    ].join('\n');
    const preview = await t.call('documents.previewCsv', { file: file('zh.csv', csv) });
    expect(roles(preview)).toEqual({ 参与者编号: 'id', 城市: 'attribute', '满意吗？': 'attribute', 建议: 'text' });
    expect(preview.columns.find((c) => c.name === '满意吗？')?.type).toBe('boolean');
  });
});
