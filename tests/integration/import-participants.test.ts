/** Participants, rounds and duplicates on import: the service and the CLI. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir } from './cli-harness.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const interview = (who: string) =>
  `Interviewer: How do you pay?\n${who}: Mostly by phone, it is quick and I like it.\nInterviewer: Always?\n${who}: Nearly always, yes.\n`;

describe('participants on import', () => {
  it('finds the participant in file names by a pattern (first group or whole match)', async () => {
    t = await newTestApp();
    const result = await t.call('documents.import', {
      files: [
        file('study-p07-anna.txt', interview('Anna')),
        file('P12_ben.txt', interview('Ben')),
        file('notes.txt', 'General notes without a code.'),
      ],
      participantPattern: 'p\\d+',
    });
    expect(result.rejected).toEqual([]);
    const docs = await t.call('documents.list', {});
    expect(docs.map((d) => [d.title, d.participant])).toEqual([
      ['study-p07-anna', 'p07'],
      ['P12_ben', 'P12'],
      ['notes', null],
    ]);
    await t.call('documents.import', {
      files: [file('interview (P09).txt', interview('Cy'))],
      participantPattern: '\\((P\\d+)\\)',
    });
    expect((await t.call('documents.list', {})).at(-1)?.participant).toBe('P09');
  });

  it('takes the main speaker as participant, leaving out the interviewer, and links their turns', async () => {
    t = await newTestApp();
    const result = await t.call('documents.import', {
      files: [file('x.txt', interview('Dana'))],
      participantFromSpeaker: true,
    });
    const doc = await t.call('documents.get', { id: result.imported[0]?.documentIds[0] as DocumentId });
    expect(doc.participant).toBe('Dana');
    const db = new Database(t.path, { readonly: true });
    const linked = db
      .prepare(
        `SELECT t.speaker, p.label FROM turns t LEFT JOIN participants p ON p.id = t.participant_id ORDER BY t.ordinal`,
      )
      .all();
    db.close();
    expect(linked).toEqual([
      { speaker: 'Interviewer', label: null },
      { speaker: 'Dana', label: 'Dana' },
      { speaker: 'Interviewer', label: null },
      { speaker: 'Dana', label: 'Dana' },
    ]);
  });

  it('refuses an invalid pattern before anything is written', async () => {
    t = await newTestApp();
    await expect(
      t.call('documents.import', { files: [file('a.txt', 'hello there')], participantPattern: '(' }),
    ).rejects.toThrow(/not a valid regular expression/);
    expect(await t.call('documents.list', {})).toEqual([]);
  });

  it('puts documents and their participants in a named round of a study', async () => {
    t = await newTestApp();
    await t.call('documents.import', {
      files: [file('p01.txt', interview('Eve'))],
      participant: 'P01',
      study: 'Checkout',
      round: 'Wave 2',
    });
    await t.call('documents.import', {
      files: [file('p02.txt', interview('Fay'))],
      participant: 'P02',
      study: 'Checkout',
      round: 'Wave 2',
    });
    await t.call('documents.import', {
      files: [file('p03.txt', interview('Gus'))],
      participant: 'P03',
      study: 'Checkout',
    });
    const db = new Database(t.path, { readonly: true });
    const rows = db
      .prepare(
        `SELECT d.title, r.name AS round, s.name AS study FROM documents d JOIN rounds r ON r.id = d.round_id JOIN studies s ON s.id = r.study_id ORDER BY d.id`,
      )
      .all();
    const links = db
      .prepare(
        `SELECT p.label, r.name FROM participant_rounds x JOIN participants p ON p.id = x.participant_id JOIN rounds r ON r.id = x.round_id ORDER BY p.label`,
      )
      .all();
    db.close();
    // Without --round the study's first round is used, which is "Wave 2" here.
    expect(rows).toEqual([
      { title: 'p01', round: 'Wave 2', study: 'Checkout' },
      { title: 'p02', round: 'Wave 2', study: 'Checkout' },
      { title: 'p03', round: 'Wave 2', study: 'Checkout' },
    ]);
    expect(links).toEqual([
      { label: 'P01', name: 'Wave 2' },
      { label: 'P02', name: 'Wave 2' },
      { label: 'P03', name: 'Wave 2' },
    ]);
  });
});

describe('duplicates', () => {
  it('skips a file already in the project by default, reports it, and keeps both when asked', async () => {
    t = await newTestApp();
    const first = await t.call('documents.import', { files: [file('a.txt', interview('Hal'))] });
    const again = await t.call('documents.import', {
      files: [file('renamed.txt', interview('Hal')), file('b.txt', interview('Ivy'))],
    });
    expect(again.imported.map((r) => r.file)).toEqual(['b.txt']);
    expect(again.duplicates).toEqual([
      { file: 'renamed.txt', duplicateOf: 'a.txt', documentIds: first.imported[0]?.documentIds, action: 'skipped' },
    ]);
    const kept = await t.call('documents.import', { files: [file('copy.txt', interview('Hal'))], duplicates: 'keep' });
    expect(kept.imported.map((r) => r.file)).toEqual(['copy.txt']);
    expect(kept.duplicates[0]?.action).toBe('kept');
    expect((await t.call('documents.list', {})).map((d) => d.title)).toEqual(['a', 'b', 'copy']);
  });

  it('catches the same file twice within one batch', async () => {
    t = await newTestApp();
    const result = await t.call('documents.import', {
      files: [file('one.txt', 'same words here'), file('two.txt', 'same words here')],
    });
    expect(result.imported.map((r) => r.file)).toEqual(['one.txt']);
    expect(result.duplicates.map((d) => [d.file, d.duplicateOf])).toEqual([['two.txt', 'one.txt']]);
  });
});

describe('quarry import options', () => {
  let dir: string;
  let project: string;
  beforeAll(() => {
    ensureBuilt();
    dir = makeTempDir();
    project = join(dir, 'p.quarry');
    expect(quarry(dir, ['new', project]).code).toBe(0);
  }, 240_000);
  afterAll(() => removeDir(dir));

  it('--participant-pattern, --round, --duplicates and the CSV columns', () => {
    const folder = join(dir, 'in');
    mkdirSync(folder);
    writeFileSync(join(folder, 'p07-call.txt'), interview('Jo'));
    writeFileSync(
      join(folder, 'survey.csv'),
      'id;segment;comment\nR1;SMB;The checkout was fast and I liked the new design a lot.\n',
    );
    type Out = {
      imported: { file: string; documentIds: number[] }[];
      rejected: unknown[];
      duplicates: { action: string }[];
    };
    const out = quarryJson<Out>(dir, [
      'import',
      project,
      folder,
      '--participant-pattern',
      'p\\d+',
      '--study',
      'S',
      '--round',
      'R2',
      '--csv-id',
      'id',
      '--csv-attributes',
      'segment',
      '--csv-text',
      'comment',
      '--json',
    ]);
    expect(out.imported).toHaveLength(2);
    const docs = quarryJson<{ title: string; participant: string | null }[]>(dir, ['docs', project, '--json']);
    expect(docs.map((d) => [d.title, d.participant])).toEqual([
      ['p07-call', 'p07'],
      ['survey — R1', 'R1'],
    ]);
    const again = quarry(dir, ['import', project, join(folder, 'p07-call.txt'), '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as Out).duplicates[0]?.action).toBe('skipped');
    expect(again.stderr).toMatch(/Skipped .*p07-call\.txt: the same file as p07-call\.txt/);
    const keep = quarryJson<Out>(dir, [
      'import',
      project,
      join(folder, 'p07-call.txt'),
      '--duplicates',
      'keep',
      '--json',
    ]);
    expect(keep.imported).toHaveLength(1);
  });

  it('rejects bad option combinations as usage errors (exit 2)', () => {
    expect(quarry(dir, ['import', project, dir, '--duplicates', 'maybe']).code).toBe(2);
    expect(quarry(dir, ['import', project, dir, '--participant', 'A', '--participant-pattern', 'p']).code).toBe(2);
    expect(quarry(dir, ['import', project, dir, '--csv-id', 'id']).code).toBe(2);
  });
});
