import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

describe('the whole slice: import, code, board, insight, search, report', () => {
  it('works end to end', async () => {
    t = await newTestApp({ name: 'Checkout study' });
    await t.call('participants.add', { label: 'P01', displayName: 'Anna Schmidt', attributes: { market: 'DE' } });
    const text =
      'Moderator: Tell me about paying.\nP01: I am Anna. The payment page asked for too many fields, honestly.\nModerator: Anything else?\nP01: Die Bestätigung kam nicht an.\n';
    const imported = await t.call('documents.import', {
      files: [file('Interview Anna.txt', text)],
      participant: 'P01',
    });
    const docId = imported.imported[0]?.documentIds[0] as DocumentId;
    const code = await t.call('codes.add', { name: 'Payment', description: 'Paying & <forms>' });
    const start = text.indexOf('The payment page');
    const tag = await t.call('excerpts.tag', {
      documentId: docId,
      start,
      end: text.indexOf(', honestly'),
      codeIds: [code.id],
      memo: 'Strong signal',
    });
    const board = await t.call('boards.create', { name: 'Synthesis' });
    const group = await t.call('boards.addGroup', { boardId: board.id, name: 'Form fatigue' });
    const card = await t.call('boards.addCard', { boardId: board.id, excerptId: tag.excerptId });
    await t.call('boards.moveCard', { id: card.id, groupId: group.id, x: 10, y: 20 });
    const detail = await t.call('boards.get', { id: board.id });
    expect(detail.cards[0]).toMatchObject({ groupId: group.id, x: 10, y: 20, kind: 'excerpt' });
    expect(detail.cards[0]?.excerpt?.codes.map((c) => c.name)).toEqual(['Payment']);
    const { insightId } = await t.call('insights.add', {
      title: 'Forms are too long',
      statement: 'Anna gave up on the long form.',
      evidence: [tag.excerptId],
      priority: 'high',
    });
    expect((await t.call('insights.list', {}))[0]).toMatchObject({
      id: insightId,
      evidence: [tag.excerptId],
      participants: 1,
    });

    const hits = await t.call('search.query', { query: 'bestatigung' });
    expect(hits).toHaveLength(1);
    const hit = hits[0];
    expect(hit && text.slice(hit.start, hit.end)).toBe('Bestätigung');
    expect(hit?.snippet).toContain('«Bestätigung»');

    const md = await t.call('export.report', { format: 'md', sections: { boards: [board.id] } });
    expect(md.data).toContain('# Checkout study');
    expect(md.data).toContain('The payment page asked for too many fields');
    expect(md.data).toContain('### Form fatigue');
    const redacted = await t.call('export.report', { format: 'html', redact: true });
    expect(redacted.data).not.toContain('Anna');
    // P01 is the generated pseudonym of the first participant (whose label happens to be P01 too).
    expect(redacted.data).toContain('P01 gave up on the long form.');
    expect(redacted.data).toContain('Paying &amp; &lt;forms&gt;');
  });
});
