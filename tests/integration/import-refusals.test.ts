/**
 * Every kind of refusal in one CLI batch: each broken file is named with its reason, nothing
 * of it is written, the good files are imported, and the exit code is 3.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../shared-data.js';
import { ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
}, 240_000);
afterAll(() => removeDir(dir));

const GERMAN = `${SHARED_DATA}/transcripts/haski-nodegrade-de/NodeGrade_paper_ECSEE_qualitative_data_interview1_german.docx`;

describe('quarry import refusals', () => {
  it('names each broken file with its reason, imports the rest, writes nothing for the broken ones, exits 3', () => {
    const project = join(dir, 'r.quarry');
    expect(quarry(dir, ['new', project]).code).toBe(0);
    const input = join(dir, 'batch');
    const files: Record<string, Uint8Array | string> = {
      'good.txt': 'Anna: Hello there.\nBen: Hi Anna.\nAnna: Bye.\n',
      'good.vtt': 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Kim>Hallo 👋</v>\n',
      'empty.txt': '',
      'blank.md': '  \n\n\t\n',
      'picture.txt': Uint8Array.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
      'fake.docx': 'this is plain text, not a Word file',
      'truncated.docx': readFileSync(GERMAN).subarray(0, 6000),
      'slip.docx': zipSync({ 'word/document.xml': strToU8('<x/>'), 'word/../../../etc/cron.d/x': strToU8('x') }),
      'bomb.docx': zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 }),
      'big.txt': 'word '.repeat(300_000),
      'slides.pdf': '%PDF-1.4 nothing',
    };
    mkdirSync(input);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(input, name), content);

    const run = quarry(dir, ['import', project, input, '--max-size', '1', '--json']);
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as { imported: { file: string }[]; rejected: { file: string; error: string }[] };
    const name = (p: string) => p.split('/').pop() as string;
    expect(out.imported.map((r) => name(r.file)).sort()).toEqual(['good.txt', 'good.vtt']);
    const reasons = Object.fromEntries(out.rejected.map((r) => [name(r.file), r.error]));
    expect(reasons).toEqual({
      'empty.txt': 'The file is empty.',
      'blank.md': 'The file contains only whitespace.',
      'picture.txt': 'It looks like a binary file, not text.',
      'fake.docx': expect.stringMatching(/not a complete zip archive/),
      'truncated.docx': expect.stringMatching(/not a complete zip archive/),
      'slip.docx': expect.stringMatching(/points outside the archive's folder/),
      'bomb.docx': expect.stringMatching(/decompression bomb/),
      'big.txt': expect.stringMatching(/1\.4 MB, over the import limit of 1\.0 MB/),
      'slides.pdf': expect.stringMatching(/\.pdf files are not supported/),
    });
    for (const bad of out.rejected) expect(run.stderr).toContain(`Rejected ${bad.file}: ${bad.error}`);

    const db = new Database(project, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('documents')).toBe(2);
    expect(count('sources')).toBe(2);
    expect(count('search_segments')).toBeGreaterThan(0);
    expect(
      (db.prepare(`SELECT file_name FROM sources ORDER BY id`).all() as { file_name: string }[])
        .map((r) => r.file_name)
        .sort(),
    ).toEqual(['good.txt', 'good.vtt']);
    db.close();
  });
});
