/** `quarry participants --json` (spec/cli.md): typed attribute values, unset as null, document counts. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, quarry, quarryJson, removeDir } from './cli-harness.js';

let dir: string;
let project: string;

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
  project = join(dir, 'p.quarry');
  quarryJson(dir, ['new', project, '--json']);
}, 240_000);
afterAll(() => removeDir(dir));

interface Row {
  id: number;
  label: string;
  attributes: Record<string, string | number | boolean | null>;
  documents: number;
}

describe('quarry participants', () => {
  it('prints an empty list for a new project', () => {
    expect(quarryJson<Row[]>(dir, ['participants', project, '--json'])).toEqual([]);
  });

  it('types every value: numbers, booleans, dates, text, and null where unset', () => {
    const csv = join(dir, 'wave.csv');
    writeFileSync(
      csv,
      [
        'respondent_id,market,NPS,signed_up,joined,What should we change?',
        'R1,DE,9,yes,2024-03-05,"Nothing really, the checkout is quick."',
        'R2,,3,no,2024-03-06,The delivery took far too long.',
        'R3,FR,10,yes,,',
      ].join('\n'),
    );
    quarryJson(dir, ['import', project, csv, '--json']);
    const rows = quarryJson<Row[]>(dir, ['participants', project, '--json']);
    expect(rows).toEqual([
      {
        id: expect.anything(),
        label: 'R1',
        attributes: { market: 'DE', NPS: 9, signed_up: true, joined: '2024-03-05' },
        documents: 1,
      },
      {
        id: expect.anything(),
        label: 'R2',
        attributes: { market: null, NPS: 3, signed_up: false, joined: '2024-03-06' },
        documents: 1,
      },
      {
        id: expect.anything(),
        label: 'R3',
        attributes: { market: 'FR', NPS: 10, signed_up: true, joined: null },
        documents: 0,
      },
    ]);
    expect(new Set(rows.map((r) => typeof r.id === 'number' || typeof r.id === 'string'))).toEqual(new Set([true]));
    // The ids are the project's: `docs` names the same participants.
    const docs = quarryJson<{ participant: string | null }[]>(dir, ['docs', project, '--json']);
    expect(docs.map((d) => d.participant)).toEqual(['R1', 'R2']);
  });

  it('counts documents linked by file-name pattern, and prints a readable table without --json', () => {
    const transcript = join(dir, 'p07-call.txt');
    writeFileSync(transcript, 'Interviewer: How do you pay?\nJo: By card.\nInterviewer: Why?\nJo: It is quick.\n');
    quarryJson(dir, ['import', project, transcript, '--participant-pattern', 'p\\d+', '--json']);
    const rows = quarryJson<Row[]>(dir, ['participants', project, '--json']);
    expect(rows.find((r) => r.label === 'p07')).toMatchObject({
      documents: 1,
      attributes: { market: null, NPS: null, signed_up: null, joined: null },
    });
    const table = quarry(dir, ['participants', project]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/R1\s+1\s+market=DE, NPS=9, signed_up=true, joined=2024-03-05/);
  });

  it('is a usage error without a project, and a clear failure for a missing file', () => {
    expect(quarry(dir, ['participants']).code).toBe(2);
    const missing = quarry(dir, ['participants', join(dir, 'nope.quarry'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.quarry/);
  });
});
