/** Linking many documents to participants in one step (issue 7): suggestions and one transaction. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const interview = (name: string) =>
  `Interviewer: How do you pay?\n${name}: Mostly by card, it is quick.\nInterviewer: Why?\n${name}: The app keeps crashing otherwise.\n`;

describe('participants.suggest and participants.linkDocuments', () => {
  it('links 30 documents to 30 participants in one undoable step', async () => {
    t = await newTestApp();
    const files = Array.from({ length: 30 }, (_, i) =>
      file(`P${String(i + 1).padStart(2, '0')}-interview.txt`, interview(`Person ${i + 1}`)),
    );
    const imported = await t.call('documents.import', { files });
    expect(imported.rejected).toEqual([]);
    const byName = await t.call('participants.suggest', { by: 'fileName', pattern: 'p\\d+' });
    expect(byName).toHaveLength(30);
    expect(byName[0]).toMatchObject({ fileName: 'P01-interview.txt', label: 'P01' });
    const bySpeaker = await t.call('participants.suggest', { by: 'speaker' });
    expect(bySpeaker.map((s) => s.label)).toEqual(files.map((_, i) => `Person ${i + 1}`));

    const result = await t.call('participants.linkDocuments', {
      links: byName.map((s) => ({ documentId: s.documentId, participant: s.label })),
    });
    expect(result).toEqual({ linked: 30, created: 30 });
    const people = await t.call('participants.list', {});
    expect(people).toHaveLength(30);
    for (const p of people) {
      expect(p.documents).toHaveLength(1);
      const doc = await t.call('documents.get', { id: p.documents[0] as DocumentId });
      expect(doc.title).toBe(`${p.label}-interview`);
    }
    // One step undoes all of it.
    const status = await t.call('history.status', {});
    expect(status.undoLabel).toMatch(/link 30 documents to participants/);
    await t.call('history.undo', {});
    expect(await t.call('participants.list', {})).toEqual([]);
    expect((await t.call('documents.list', {})).every((d) => d.participant === null)).toBe(true);
  });

  it('links a main speaker with their turns, unlinks with null, and refuses an unknown document whole', async () => {
    t = await newTestApp();
    const imported = await t.call('documents.import', {
      files: [file('a.txt', interview('Ana')), file('b.txt', interview('Bo'))],
    });
    const [a, b] = imported.imported.flatMap((r) => r.documentIds) as [DocumentId, DocumentId];
    await t.call('participants.linkDocuments', {
      links: [
        { documentId: a, participant: 'Ana' },
        { documentId: b, participant: 'Ana' },
      ],
    });
    const ana = (await t.call('participants.list', {}))[0];
    expect(ana?.documents).toEqual([a, b]);
    await expect(
      t.call('participants.linkDocuments', {
        links: [
          { documentId: a, participant: null },
          { documentId: 999 as DocumentId, participant: 'X' },
        ],
      }),
    ).rejects.toThrow(/no document with id 999/);
    expect((await t.call('participants.list', {}))[0]?.documents).toEqual([a, b]);
    const again = await t.call('participants.linkDocuments', { links: [{ documentId: b, participant: null }] });
    expect(again).toEqual({ linked: 1, created: 0 });
    expect((await t.call('participants.list', {}))[0]?.documents).toEqual([a]);
    await expect(t.call('participants.suggest', { by: 'fileName', pattern: '(' })).rejects.toThrow(
      /not a valid regular expression/,
    );
  });
});
