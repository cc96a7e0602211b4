import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

describe('createApp: the simplest path', () => {
  it('creates a project, imports a transcript, codes it and lists everything', async () => {
    t = await newTestApp();
    const info = await t.call('project.info', {});
    expect(info.name).toBe('Test project');
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(info.counts.documents).toBe(0);

    const text =
      'Interviewer: How did checkout go?\nAnna: The payment page was confusing.\nInterviewer: Why?\nAnna: Too many fields.\n';
    const result = await t.call('documents.import', { files: [file('anna.txt', text)] });
    expect(result.rejected).toEqual([]);
    expect(result.imported).toHaveLength(1);
    expect(result.imported[0]?.format).toBe('txt');
    const docId = result.imported[0]?.documentIds[0] as DocumentId;

    const docs = await t.call('documents.list', {});
    expect(docs).toMatchObject([{ id: docId, title: 'anna', format: 'txt', turns: 4, chars: text.length }]);

    const doc = await t.call('documents.get', { id: docId });
    expect(doc.turns.map((turn) => turn.speaker)).toEqual(['Interviewer', 'Anna', 'Interviewer', 'Anna']);
    const second = doc.turns[1];
    expect(second && doc.text.slice(second.start, second.end)).toBe('The payment page was confusing.');

    const code = await t.call('codes.add', { name: 'Payment friction' });
    expect(code.color).toMatch(/^#[0-9A-F]{6}$/);
    const start = doc.text.indexOf('payment page');
    const tag = await t.call('excerpts.tag', { documentId: docId, start, end: start + 12, codeIds: [code.id] });
    expect(tag.text).toBe('payment page');

    const codes = await t.call('codes.list', {});
    expect(codes).toMatchObject([{ name: 'Payment friction', excerpts: 1, parent: null }]);
    const status = await t.call('app.status', {});
    expect(status.project?.counts.excerpts).toBe(1);
    expect(status.coder?.name).toBe('Tester');
    expect(status.recent[0]?.path).toBe(t.path);
  });
});
