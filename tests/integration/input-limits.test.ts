/**
 * Bad input gets a specific refusal and changes nothing: spans that cut a character in half,
 * and uploads whose base64 is damaged (Node's decoder would silently skip the bad characters
 * and store a different file).
 */
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base64Size, decodeBase64 } from '../../core/text/base64.js';
import { ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';
import { file, newTestApp } from './helpers.js';

describe('base64 uploads', () => {
  it('sizes and decodes well-formed base64, padded or not, and refuses anything else', () => {
    expect(base64Size('aGVsbG8=')).toBe(5);
    expect(decodeBase64('aGVsbG8=')?.toString()).toBe('hello');
    expect(decodeBase64('aGVsbG8')?.toString()).toBe('hello');
    expect(decodeBase64('aGVs\nbG8=')?.toString()).toBe('hello');
    expect(decodeBase64('')?.byteLength).toBe(0);
    expect(decodeBase64('aGVs!G8=')).toBeNull();
    expect(decodeBase64('a')).toBeNull();
    expect(decodeBase64('@@@@')).toBeNull();
  });

  it('rejects a damaged upload by name and stores nothing', async () => {
    const t = await newTestApp();
    try {
      const result = await t.call('documents.import', {
        files: [{ name: 'broken.txt', dataBase64: 'SGVsbG8sIHdvcmxk!!!' }, file('fine.txt', 'Hello, world')],
      });
      expect(result.rejected).toEqual([{ file: 'broken.txt', error: expect.stringMatching(/not well-formed base64/) }]);
      expect(result.imported.map((i) => i.file)).toEqual(['fine.txt']);
      expect(await t.call('documents.list', {})).toHaveLength(1);
      await t.call('metrics.add', { name: 'NPS', kind: 'nps' });
      await expect(
        t.call('metrics.import', {
          metric: 'NPS',
          round: 'Round 1',
          columns: ['nps'],
          file: { name: 'nps.csv', dataBase64: 'bnBzCjEw#' },
        }),
      ).rejects.toMatchObject({ kind: 'BadInput', message: expect.stringMatching(/not well-formed base64/) });
      expect((await t.call('metrics.list', {}))[0]?.rounds).toEqual([]);
    } finally {
      t.dispose();
    }
  });
});

describe('spans', () => {
  it('refuses a span that cuts an emoji in half, for a new excerpt and a resize', async () => {
    const t = await newTestApp();
    try {
      const text = 'Checkout was 👍 fast';
      await t.call('documents.import', { files: [file('e.txt', text)] });
      const code = await t.call('codes.add', { name: 'Speed' });
      const emoji = text.indexOf('👍');
      await expect(
        t.call('excerpts.tag', { documentId: 1 as never, start: emoji + 1, end: text.length, codeIds: [code.id] }),
      ).rejects.toMatchObject({ kind: 'BadInput', message: expect.stringMatching(/cut a character/) });
      await expect(
        t.call('excerpts.tag', { documentId: 1 as never, start: 0, end: emoji + 1, codeIds: [code.id] }),
      ).rejects.toMatchObject({ kind: 'BadInput' });
      expect(await t.call('excerpts.list', {})).toHaveLength(0);
      const { excerptId } = await t.call('excerpts.tag', {
        documentId: 1 as never,
        start: emoji,
        end: emoji + 2,
        codeIds: [code.id],
      });
      await expect(
        t.call('excerpts.resize', { id: excerptId, start: emoji + 1, end: text.length }),
      ).rejects.toMatchObject({
        kind: 'BadInput',
      });
      expect((await t.call('excerpts.list', {}))[0]?.text).toBe('👍');
    } finally {
      t.dispose();
    }
  });
});

describe('timed cues', () => {
  it('repairs a cue that ends before it starts: its text is kept, its end becomes its start', async () => {
    const t = await newTestApp();
    try {
      const vtt =
        'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nAnna: backwards cue\n\n00:00:06.000 --> 00:00:08.000\nBen: fine\n';
      const srt = '1\n00:00:05,000 --> 00:00:02,000\nbackwards\n\n2\n00:00:09,000 --> 00:00:10,000\nfine\n';
      const result = await t.call('documents.import', { files: [file('back.vtt', vtt), file('back.srt', srt)] });
      expect(result.rejected).toEqual([]);
      for (const id of result.imported.flatMap((i) => i.documentIds)) {
        const doc = await t.call('documents.get', { id });
        expect(doc.text).toContain('backwards');
        for (const turn of doc.turns) {
          if (turn.startMs !== null && turn.endMs !== null) expect(turn.endMs).toBeGreaterThanOrEqual(turn.startMs);
        }
        expect(doc.turns[0]).toMatchObject({ startMs: 5000, endMs: 5000 });
      }
    } finally {
      t.dispose();
    }
  });
});

describe('file names in the terminal', () => {
  it('never prints the control characters of a file name raw', { timeout: 60_000 }, () => {
    ensureBuilt();
    const dir = makeTempDir();
    try {
      const project = join(dir, 'p.quarry');
      expect(quarry(dir, ['new', project]).code).toBe(0);
      const evil = join(dir, 'evil\u001b]0;pwned\u0007\u001b[31mred.txt');
      writeFileSync(evil, 'Anna: fine text\n');
      const empty = join(dir, 'empty\u001b[2J.txt');
      writeFileSync(empty, '');
      const run = quarry(dir, ['import', project, evil, empty]);
      expect(run.code).toBe(3);
      const shown = run.stdout + run.stderr;
      expect(shown).toContain('evil␛]0;pwned␇␛[31mred.txt');
      expect(shown).toContain('empty␛[2J.txt');
      expect(shown).not.toMatch(/[^\P{Cc}\n\t]/u);
      // JSON keeps the real name, escaped by JSON itself.
      const json = quarry(dir, ['import', project, empty, '--json']);
      expect(JSON.parse(json.stdout).rejected[0].file).toBe(empty);
    } finally {
      removeDir(dir);
    }
  });
});

describe('sizes and shapes that must not exhaust the machine', () => {
  it('refuses a 1.5 GB file by its size before reading it, and imports the rest', { timeout: 60_000 }, () => {
    ensureBuilt();
    const dir = makeTempDir();
    try {
      const project = join(dir, 'p.quarry');
      expect(quarry(dir, ['new', project]).code).toBe(0);
      // A sparse file: 1.5 GB as the file system reports it, no disk used.
      const huge = join(dir, 'huge.txt');
      const fd = openSync(huge, 'w');
      ftruncateSync(fd, 1536 * 1024 * 1024);
      closeSync(fd);
      const small = join(dir, 'small.txt');
      writeFileSync(small, 'Anna: a normal interview\n');
      const run = quarry(dir, ['import', project, huge, small, '--json']);
      expect(run.code).toBe(3);
      const result = JSON.parse(run.stdout);
      expect(result.rejected).toEqual([
        { file: huge, error: expect.stringMatching(/1536 MB, over the import limit of 200 MB.*--max-size/) },
      ]);
      expect(result.imported.map((i: { file: string }) => i.file)).toEqual([small]);
    } finally {
      removeDir(dir);
    }
  });

  it('refuses a survey with 100,000 columns unless the columns are chosen, in linear time', { timeout: 60_000 }, () => {
    ensureBuilt();
    const dir = makeTempDir();
    try {
      const project = join(dir, 'p.quarry');
      expect(quarry(dir, ['new', project]).code).toBe(0);
      const headers = ['id', 'answer', ...Array.from({ length: 100_000 }, (_, i) => `q${i}`)];
      const values = ['r1', 'The coupon was hidden', ...Array.from({ length: 100_000 }, (_, i) => String(i % 5))];
      const wide = join(dir, 'wide.csv');
      writeFileSync(wide, `${headers.join(',')}\n${values.join(',')}\n`);
      const refused = quarry(dir, ['import', project, wide, '--json']);
      expect(refused.code).toBe(3);
      expect(JSON.parse(refused.stdout).rejected[0].error).toMatch(/100,002 columns.*at most 1000/);
      const chosen = quarry(dir, [
        'import',
        project,
        wide,
        '--csv-id',
        'id',
        '--csv-text',
        'answer',
        '--csv-attributes',
        'q1,q99999',
        '--json',
      ]);
      expect(chosen.code).toBe(0);
      const participants = JSON.parse(quarry(dir, ['participants', project, '--json']).stdout);
      expect(participants).toEqual([expect.objectContaining({ label: 'r1', attributes: { q1: 1, q99999: 4 } })]);
    } finally {
      removeDir(dir);
    }
  });
});
