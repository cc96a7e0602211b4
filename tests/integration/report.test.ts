/**
 * The report people read, built from a real project: evidence strength counted by hand, no
 * excerpt quoted twice, and redaction of Latin, CJK and Arabic names in every place they occur.
 */

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleProject } from '../../core/sample/build.js';
import { file, newTestApp, type TestApp } from './helpers.js';
import { buildStudy, SECRETS } from './report-study.js';

let t: TestApp;
afterEach(() => t?.dispose());

async function study(name: string) {
  t = await newTestApp({ name });
  return buildStudy(t);
}

describe('report model', () => {
  it('counts evidence strength from the excerpts’ documents and participants (3 interviews → 3 participants)', async () => {
    await study('Checkout 🛒 study');
    const { data } = await t.call('export.report', { format: 'md' });
    expect(data).toContain(
      '### Show the delivery fee early\n\n*High priority · 3 participants · 4 documents · 4 excerpts · market: DE 1, JP 1, SA 1*',
    );
    // the executive summary repeats the count, the insight list never says "1 participant"
    expect(data).toContain('- **Show the delivery fee early** — 3 participants · 4 documents · 4 excerpts');
    // hypotheses: status and evidence counts
    expect(data).toContain('*Open · Supports: 1 participant · 1 document · 2 excerpts · Contradicts: 0 participants');
    // participants × key attributes; the identifying attribute is never a column
    expect(data).toContain('| Participant | market | segment | Documents | Excerpts |');
    expect(data).toContain('| P01 | DE | returning | 2 | 3 |');
    expect(data).not.toContain('| employer');
    // attribution: participant · segment
    expect(data).toContain('> — P02 · JP · new');
  });

  it('quotes no excerpt twice in one report, in Markdown or HTML', async () => {
    const ids = await study('Checkout');
    const html = (await t.call('export.report', { format: 'html', sections: { boards: [], codes: 'all' } })).data;
    const quoted = [...html.matchAll(/data-excerpt="(\d+)"/g)].map((m) => Number(m[1]));
    expect(quoted.length).toBe(5);
    expect(new Set(quoted).size).toBe(quoted.length);
    expect(new Set(quoted)).toEqual(new Set(Object.values(ids)));
    const md = (await t.call('export.report', { format: 'md' })).data;
    for (const text of ['The delivery fee surprised me', 'Honestly I still think', '送料が最後の画面', 'فوجئت برسوم']) {
      expect(md.split(text).length - 1).toBe(1);
    }
    // the code section says its quotes are above rather than repeating them
    expect(md).toContain('Its quotes appear above.');
  });

  it('marks Arabic quotes right-to-left and Japanese ones with their language', async () => {
    await study('Checkout');
    const html = (await t.call('export.report', { format: 'html' })).data;
    expect(html).toMatch(/<blockquote[^>]* dir="rtl">أنا محمد/);
    expect(html).toMatch(/<blockquote[^>]* dir="ltr">由紀です/);
  });

  it('writes headings in the chosen language and the chosen title', async () => {
    await study('Checkout');
    const r = await t.call('export.report', { format: 'html', language: 'ja', title: '決済調査 2026' });
    expect(r.data).toContain('<h2>インサイト</h2>');
    expect(r.data).toContain('<title>決済調査 2026</title>');
    expect(r.fileName).toBe('決済調査-2026-report.html');
  });
});

describe('redaction', () => {
  it('leaves no name, e-mail, phone or identifying value in any place, and says what it replaced', async () => {
    await study('Interviews with Anna and 由紀');
    for (const format of ['md', 'html'] as const) {
      const r = await t.call('export.report', { format, redact: true, sections: { boards: [], codes: 'all' } });
      for (const secret of SECRETS) {
        expect({ format, secret, found: r.data.includes(secret) }).toEqual({ format, secret, found: false });
        expect(r.fileName).not.toContain(secret.toLowerCase());
      }
      // (Markdown escapes the brackets)
      expect(r.data).toMatch(/\\?\[e-mail\\?\]/);
      expect(r.data).toMatch(/\\?\[phone\\?\]/);
      expect(r.data).toMatch(/\\?\[employer\\?\]/);
      expect(r.data).toMatch(/participant names: [1-9]\d*/);
      expect(r.data).toMatch(/e-mail addresses: [2-9]/);
      expect(r.data).toMatch(/phone numbers: 1/);
      expect(r.data).toMatch(/identifying attribute values: [1-9]/);
    }
    // the stored project is untouched
    const excerpts = await t.call('excerpts.list', {});
    expect(excerpts.some((e) => e.text.includes('Anna Schmidt'))).toBe(true);
  });

  it('uses chosen pseudonyms, and refuses one already taken', async () => {
    await study('Checkout');
    const [p1, p2] = await t.call('participants.list', {});
    const updated = await t.call('participants.update', { id: p1?.id as never, pseudonym: 'Rowan' });
    expect(updated.pseudonym).toBe('Rowan');
    await expect(t.call('participants.update', { id: p2?.id as never, pseudonym: 'rowan' })).rejects.toMatchObject({
      kind: 'Conflict',
    });
    const md = (await t.call('export.report', { format: 'md', redact: true })).data;
    expect(md).toContain('I am Rowan from \\[employer\\]');
    expect(md).toContain('| Rowan | DE | returning |');
  });

  it('refuses bad report options without exporting', async () => {
    t = await newTestApp({ name: 'Checkout' });
    for (const input of [
      { format: 'md', language: 'fr' },
      { format: 'md', title: '   ' },
      { format: 'md', sections: { nope: true } },
      { format: 'md', keyAttributes: ['a', 'b', 'c'] },
    ]) {
      await expect(t.call('export.report', input as never)).rejects.toMatchObject({ kind: 'BadInput' });
    }
  });

  it('remembers the export dialog’s choices in the project, and refuses bad ones', async () => {
    await study('Checkout');
    expect(await t.call('export.choices', {})).toEqual({ choices: null });
    const saved = await t.call('export.rememberChoices', {
      format: 'pdf',
      redact: true,
      language: 'zh',
      title: '结账研究',
      sections: { appendix: false, codes: 'none' },
    });
    expect(saved.sections).toMatchObject({ appendix: false, codes: 'none', insights: true, boards: [] });
    expect((await t.call('export.choices', {})).choices).toEqual(saved);
    await expect(t.call('export.rememberChoices', { format: 'odt' } as never)).rejects.toMatchObject({
      kind: 'BadInput',
    });
    expect((await t.call('export.choices', {})).choices).toEqual(saved);
  });

  it('leaves no "Yuki" in the sample study (stored as "由紀 (Yuki)", in document titles and speaker labels)', async () => {
    t = await newTestApp({ create: false });
    const path = join(t.dir, 'sample.quarry');
    await buildSampleProject(path, { overwrite: true });
    await t.call('project.open', { path });
    const names = ['Yuki', '由紀', 'Katrin', 'Tom', 'Dana', 'Rafael', 'Priya', 'Marcus'];
    for (const format of ['md', 'html'] as const) {
      const plain = (await t.call('export.report', { format })).data;
      expect(plain.split('Yuki').length - 1).toBeGreaterThan(0);
      const boards = (await t.call('boards.list', {})).map((b) => b.id);
      const r = await t.call('export.report', { format, redact: true, sections: { boards } });
      for (const name of names) {
        expect({ format, name, found: new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(r.data) }).toEqual({
          format,
          name,
          found: false,
        });
      }
      // insights backed by several interviews say so
      expect(r.data).toContain('4 participants · 4 documents · 6 excerpts');
    }
  }, 60_000);

  it('replaces speakers who are nobody’s participant with "Speaker n", and keeps roles such as Interviewer', async () => {
    t = await newTestApp({ name: 'Group interview' });
    const text =
      'Interviewer: How was paying?\nKenji Sato: Kenji here, the fee came last and Anna agreed with me completely, really.\n' +
      'Anna: Yes, Kenji is right.\nInterviewer: Anything else?\nKenji Sato: No.\nAnna: Nothing.\nInterviewer: Thanks.\n';
    await t.call('participants.add', { label: 'P01', displayName: 'Anna Berg' });
    const doc = (await t.call('documents.import', { files: [file('group.txt', text)], participant: 'P01' })).imported[0]
      ?.documentIds[0];
    const start = text.indexOf('Kenji here');
    const code = await t.call('codes.add', { name: 'Fees' });
    const end = text.indexOf('really.') + 7;
    await t.call('excerpts.tag', { documentId: doc as never, start, end, codeIds: [code.id] });
    const md = (await t.call('export.report', { format: 'md', redact: true })).data;
    expect(md).not.toMatch(/Kenji|Sato|Anna|Berg/);
    expect(md).toContain('Speaker 1 here, the fee came last and P01 agreed with me');
    expect(md).toMatch(/speaker names: [1-9]/);
    const html = (await t.call('export.report', { format: 'html', redact: true })).data;
    expect(html).not.toMatch(/Kenji|Sato/);
  });
});
