/**
 * Every file in ../shared/data/transcripts imports sensibly with the defaults (issue 7): the
 * German interviews as I/S1/S2 (S3/S4) turns, QualCoder's bracketed focus group as turns, and its
 * survey as typed respondents.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TRANSCRIPTS = join(process.env.QUARRY_SHARED_DATA ?? resolve(ROOT, '../shared/data'), 'transcripts');

let t: TestApp;
afterEach(() => t?.dispose());

const load = (path: string) => file(path.split('/').pop() as string, readFileSync(join(TRANSCRIPTS, path)));

it('imports the shared transcripts and survey with speakers, turns and typed respondents', async () => {
  t = await newTestApp();
  const result = await t.call('documents.import', {
    files: [
      load('haski-nodegrade-de/NodeGrade_paper_ECSEE_qualitative_data_interview1_german.docx'),
      load('haski-nodegrade-de/NodeGrade_paper_ECSEE_qualitative_data_interview2_german.docx'),
      load('qualcoder/transcript.txt'),
      load('qualcoder/survey456.csv'),
    ],
  });
  expect(result.rejected).toEqual([]);
  const [one, two, focus] = result.imported.map((r) => r.documentIds[0] as DocumentId);
  for (const id of [one, two]) {
    const doc = await t.call('documents.get', { id: id as DocumentId });
    expect(doc.language).toBe('de');
    const speakers = new Set(doc.turns.map((turn) => turn.speaker));
    expect(speakers.size).toBe(3);
    for (const s of speakers) expect(s).toMatch(/^(I|S\d)$/);
    // What a turn covers is what was said: never the label.
    for (const turn of doc.turns) expect(doc.text.slice(turn.start, turn.end)).not.toMatch(/^(I|S\d):/);
  }
  const group = await t.call('documents.get', { id: focus as DocumentId });
  expect(group.turns.map((turn) => turn.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
  expect(group.text.slice(group.turns[1]?.start, group.turns[1]?.end)).toBe(
    'I am struggling with the lecture slides. I felt that they were too busy and I switched off.',
  );
  const people = await t.call('participants.list', {});
  expect(people.map((p) => [p.label, p.attributes])).toEqual([
    ['ID4', { Age: '24', Gender: 'f', Interest: 'shopping' }],
    ['ID5', { Gender: 'm', Interest: 'golf' }],
    ['ID6', { Age: '67', Gender: 'm', Interest: 'gardening' }],
  ]);
  const types = Object.fromEntries((await t.call('attributes.list', {})).map((a) => [a.name, a.type]));
  expect(types).toEqual({ Age: 'number', Gender: 'text', Interest: 'text' });
});
