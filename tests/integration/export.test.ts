import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const TEXT =
  'Moderator: Welcome, Anna.\nP01: Thanks! I am Anna Schmidt. Honestly the fees <b>surprised</b> me.\nModerator: How so?\nP01: They appeared at the very end.';

async function project() {
  t = await newTestApp({ name: 'Checkout & Trust' });
  await t.call('participants.add', { label: 'P01', displayName: 'Anna Schmidt' });
  const docId = (await t.call('documents.import', { files: [file('Interview Anna.txt', TEXT)], participant: 'P01' }))
    .imported[0]?.documentIds[0] as DocumentId;
  const money = await t.call('codes.add', { name: 'Money', description: 'Anything about cost' });
  const fees = await t.call('codes.add', { name: 'Hidden fees', parentId: money.id });
  await t.call('codes.add', { name: 'Unused' });
  const s = TEXT.indexOf('I am Anna');
  const e1 = await t.call('excerpts.tag', {
    documentId: docId,
    start: s,
    end: TEXT.indexOf(' me.') + 3,
    codeIds: [fees.id],
  });
  const s2 = TEXT.indexOf('They appeared');
  const e2 = await t.call('excerpts.tag', {
    documentId: docId,
    start: s2,
    end: TEXT.length,
    codeIds: [fees.id, money.id],
  });
  const board = await t.call('boards.create', { name: 'Wall' });
  const group = await t.call('boards.addGroup', { boardId: board.id, name: 'Late surprises' });
  await t.call('boards.addCard', { boardId: board.id, excerptId: e2.excerptId, groupId: group.id });
  await t.call('boards.addCard', { boardId: board.id, excerptId: e1.excerptId });
  await t.call('insights.add', {
    title: 'Fees must show early',
    statement: 'Anna Schmidt only saw the fees at the end.',
    evidence: [e2.excerptId],
    priority: 'high',
  });
}

describe('export.report', () => {
  it('writes a Markdown report: insights first, then themes with the quotes not shown, the board, the appendix', async () => {
    await project();
    const board = (await t.call('boards.list', {}))[0];
    const r = await t.call('export.report', { format: 'md', sections: { boards: [board?.id as never] } });
    expect(r).toMatchObject({ fileName: 'checkout-trust-report.md', encoding: 'utf8' });
    const md = r.data;
    expect(md).toMatch(/^# Checkout & Trust\n/);
    expect(md).toContain(`Report of ${new Date().toISOString().slice(0, 10)}`);
    expect(md).toContain(
      '- **Money** (1 excerpt) — Anything about cost\n  - **Hidden fees** (2 excerpts)\n- **Unused** (0 excerpts)',
    );
    expect(md.indexOf('### Fees must show early')).toBeLessThan(md.indexOf('### Money › Hidden fees'));
    expect(md.split('> They appeared at the very end.').length - 1).toBe(1);
    expect(md).toContain('— P01');
    expect(md).toContain('## Boards: Wall\n\n### Late surprises');
    // the ungrouped card's excerpt is quoted under its theme already, so the board does not repeat it
    expect(md).not.toContain('### Not grouped');
    expect(md).toContain('the fees \\<b\\>surprised\\</b\\> me');
  });

  it('writes self-contained, escaped HTML', async () => {
    await project();
    const r = await t.call('export.report', { format: 'html' });
    expect(r).toMatchObject({ fileName: 'checkout-trust-report.html', mediaType: 'text/html; charset=utf-8' });
    expect(r.data).toMatch(/<html lang="en">/);
    expect(r.data).toContain('&lt;b&gt;surprised&lt;/b&gt;');
    expect(r.data).not.toContain('<b>surprised');
    expect(r.data).not.toMatch(/<script|<link|src=|https?:/i);
  });

  it('redacts participant labels and names everywhere, including inside quotes', async () => {
    await project();
    await t.call('participants.update', {
      id: (await t.call('participants.list', {}))[0]?.id as never,
      pseudonym: 'Rowan',
    });
    for (const format of ['md', 'html'] as const) {
      const { data } = await t.call('export.report', { format, redact: true });
      expect(data).not.toMatch(/Anna|Schmidt|P01/);
      expect(data).toContain('I am Rowan.');
    }
    // the stored project is untouched
    expect((await t.call('excerpts.list', {}))[0]?.text).toContain('Anna Schmidt');
  });

  it('refuses formats it does not write as bad input', async () => {
    await project();
    for (const format of ['rtf', 'odt', 'DOCX', '']) {
      await expect(t.call('export.report', { format } as never)).rejects.toMatchObject({ kind: 'BadInput' });
    }
  });

  it('exports an empty project', async () => {
    t = await newTestApp({ name: 'Empty' });
    const { data } = await t.call('export.report', { format: 'md' });
    expect(data).toContain('## Insights\n\n*None yet.*');
    expect(data).toContain('## Themes\n\n*None yet.*');
  });
});
