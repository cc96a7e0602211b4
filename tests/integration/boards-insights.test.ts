import { afterEach, describe, expect, it } from 'vitest';
import type { BoardId, CardId, DocumentId, ExcerptId, GroupId, ParticipantId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

async function excerpt(start = 0, end = 4) {
  const docs = await t.call('documents.list', {});
  let docId = docs[0]?.id;
  if (docId === undefined) {
    docId = (
      await t.call('documents.import', {
        files: [file('a.txt', 'Anna likes fast checkouts a lot.')],
        participant: 'P1',
      })
    ).imported[0]?.documentIds[0] as DocumentId;
  }
  const codes = await t.call('codes.list', {});
  const codeId = codes[0]?.id ?? (await t.call('codes.add', { name: 'Speed' })).id;
  return (await t.call('excerpts.tag', { documentId: docId, start, end, codeIds: [codeId] })).excerptId;
}

describe('boards', () => {
  it('starts with no boards; creates groups and cards and keeps card order', async () => {
    t = await newTestApp();
    expect(await t.call('boards.list', {})).toEqual([]);
    const board = await t.call('boards.create', { name: 'Synthesis' });
    const g1 = await t.call('boards.addGroup', { boardId: board.id, name: 'Speed', x: 100, y: 50, color: '#aabbcc' });
    expect(g1).toMatchObject({ name: 'Speed', x: 100, y: 50, w: 320, h: 240, color: '#AABBCC' });
    const g2 = await t.call('boards.addGroup', { boardId: board.id, name: 'Trust' });
    const e1 = await excerpt(0, 4);
    const e2 = await excerpt(5, 10);
    const c1 = await t.call('boards.addCard', { boardId: board.id, excerptId: e1, groupId: g1.id });
    const c2 = await t.call('boards.addCard', { boardId: board.id, excerptId: e2, groupId: g1.id });
    const note = await t.call('boards.addCard', { boardId: board.id, text: '  Ask about mobile  ', x: 5, y: 6 });
    expect(c1).toMatchObject({ kind: 'excerpt', text: 'Anna', order: 0, groupId: g1.id });
    expect(c1.excerpt).toMatchObject({ participant: 'P1', codes: [{ name: 'Speed' }] });
    expect(note).toMatchObject({ kind: 'note', text: 'Ask about mobile', excerpt: null, groupId: null });

    await t.call('boards.moveCard', { id: c2.id, groupId: g1.id, x: 1, y: 2, order: 0 });
    let detail = await t.call('boards.get', { id: board.id });
    const inG1 = detail.cards.filter((c) => c.groupId === g1.id).sort((a, b) => a.order - b.order);
    expect(inG1.map((c) => c.id)).toEqual([c2.id, c1.id]);

    await t.call('boards.moveCard', { id: c1.id, groupId: g2.id, x: 9, y: 9 });
    await t.call('boards.updateGroup', { id: g2.id, name: 'Trust & safety', w: 500, color: null });
    detail = await t.call('boards.get', { id: board.id });
    expect(detail.groups.find((g) => g.id === g2.id)).toMatchObject({ name: 'Trust & safety', w: 500, color: null });
    expect(detail.cards.find((c) => c.id === c1.id)).toMatchObject({ groupId: g2.id, x: 9, y: 9, order: 0 });
    expect(detail.cards.find((c) => c.id === c2.id)).toMatchObject({ order: 0 });

    expect(await t.call('boards.deleteGroup', { id: g2.id })).toEqual({ deleted: true, cardsUngrouped: 1 });
    detail = await t.call('boards.get', { id: board.id });
    expect(detail.groups.map((g) => g.name)).toEqual(['Speed']);
    expect(detail.cards.find((c) => c.id === c1.id)?.groupId).toBeNull();

    expect(await t.call('boards.deleteCard', { id: note.id })).toEqual({ deleted: true });
    expect(await t.call('boards.list', {})).toEqual([{ id: board.id, name: 'Synthesis', cards: 2 }]);
  });

  it('refuses unknown ids and groups from another board', async () => {
    t = await newTestApp();
    const a = await t.call('boards.create', { name: 'A' });
    const b = await t.call('boards.create', { name: 'B' });
    const gb = await t.call('boards.addGroup', { boardId: b.id, name: 'G' });
    await expect(t.call('boards.get', { id: 99 as BoardId })).rejects.toMatchObject({ kind: 'NotFound' });
    await expect(t.call('boards.addCard', { boardId: a.id, text: 'n', groupId: gb.id })).rejects.toMatchObject({
      kind: 'BadInput',
      message: expect.stringContaining('another board'),
    });
    await expect(t.call('boards.addCard', { boardId: a.id, excerptId: 5 as ExcerptId })).rejects.toMatchObject({
      kind: 'NotFound',
    });
    await expect(t.call('boards.addCard', { boardId: a.id })).rejects.toMatchObject({ kind: 'BadInput' });
    await expect(t.call('boards.moveCard', { id: 3 as CardId, groupId: null, x: 0, y: 0 })).rejects.toMatchObject({
      kind: 'NotFound',
    });
    await expect(t.call('boards.deleteGroup', { id: 42 as GroupId })).rejects.toMatchObject({ kind: 'NotFound' });
    expect((await t.call('project.info', {})).counts.cards).toBe(0);
  });
});

describe('insights', () => {
  it('adds insights with validated evidence and counts distinct participants', async () => {
    t = await newTestApp();
    const e1 = await excerpt(0, 4);
    const e2 = await excerpt(5, 10);
    const other = (await t.call('documents.import', { files: [file('b.txt', 'Ben agrees fully.')], participant: 'P2' }))
      .imported[0]?.documentIds[0] as DocumentId;
    const codeId = (await t.call('codes.list', {}))[0]?.id;
    const e3 = (await t.call('excerpts.tag', { documentId: other, start: 0, end: 3, codeIds: [codeId as never] }))
      .excerptId;
    const { insightId } = await t.call('insights.add', {
      title: 'Speed matters',
      statement: 'People want fast checkouts.',
      evidence: [e1, e2, e3, e1],
      priority: 'high',
    });
    await t.call('insights.add', { title: 'Draft', statement: 'No evidence yet.' });
    const list = await t.call('insights.list', {});
    expect(list).toEqual([
      {
        id: insightId,
        title: 'Speed matters',
        statement: 'People want fast checkouts.',
        priority: 'high',
        evidence: [e1, e2, e3],
        participants: 2,
        recommendation: '',
        status: 'draft',
        order: 0,
        strength: { participants: 2, documents: 2, segments: 3 },
      },
      expect.objectContaining({ title: 'Draft', evidence: [], participants: 0, priority: null }),
    ]);
    await expect(
      t.call('insights.add', { title: 'X', statement: 'Y', evidence: [e1, 999 as ExcerptId] }),
    ).rejects.toMatchObject({ kind: 'NotFound', message: expect.stringContaining('999') });
    expect((await t.call('project.info', {})).counts.insights).toBe(2);
  });
});

describe('participants', () => {
  it('adds participants with attributes, updates and clears them, and assigns documents', async () => {
    t = await newTestApp();
    const p = await t.call('participants.add', {
      label: 'P01',
      displayName: 'Anna',
      attributes: { market: 'DE', segment: 'SMB' },
    });
    expect(p).toMatchObject({ label: 'P01', displayName: 'Anna', attributes: { market: 'DE', segment: 'SMB' } });
    await expect(t.call('participants.add', { label: 'P01' })).rejects.toMatchObject({ kind: 'Conflict' });
    const updated = await t.call('participants.setAttributes', {
      id: p.id,
      attributes: { market: 'AT', segment: null, age: '34' },
    });
    expect(updated.attributes).toEqual({ market: 'AT', age: '34' });
    const q = await t.call('participants.add', { label: 'P02', attributes: { market: 'FR' } });
    expect((await t.call('participants.list', {})).map((x) => [x.label, x.attributes])).toEqual([
      ['P01', { market: 'AT', age: '34' }],
      ['P02', { market: 'FR' }],
    ]);
    const docId = (await t.call('documents.import', { files: [file('a.txt', 'hello')] })).imported[0]
      ?.documentIds[0] as DocumentId;
    expect((await t.call('documents.setParticipant', { documentId: docId, participantId: q.id })).participant).toBe(
      'P02',
    );
    expect(
      (await t.call('documents.setParticipant', { documentId: docId, participantId: null })).participant,
    ).toBeNull();
    await expect(
      t.call('documents.setParticipant', { documentId: docId, participantId: 77 as ParticipantId }),
    ).rejects.toMatchObject({ kind: 'NotFound' });
    await expect(
      t.call('participants.setAttributes', { id: 77 as ParticipantId, attributes: {} }),
    ).rejects.toMatchObject({ kind: 'NotFound' });
  });
});
