import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_SECTIONS } from '../../core/contract/report-types.js';
import type { BoardId } from '../../core/contract/types.js';
import { escapeHtml, renderHtml } from '../../core/export/html.js';
import { mdEscape, renderMarkdown } from '../../core/export/markdown.js';
import type { ReportModel, ReportQuote } from '../../core/export/model.js';
import { effectivePseudonyms } from '../../core/export/pseudonyms.js';
import { createRedactor, nameParts, redactReport } from '../../core/export/redact.js';
import { reportStrings } from '../../core/export/strings.js';

const quote = (text: string, id = 1, language = 'de'): ReportQuote => ({
  excerptId: id,
  text,
  language,
  dir: language === 'ar' ? 'rtl' : 'ltr',
  participant: 'P01',
  segment: ['DE'],
  attribution: 'P01 · DE',
  documentTitle: 'Interview with Anna',
  codes: ['Trust'],
  memo: null,
});

const strength = { excerpts: 1, documents: 1, participants: 1, segments: null };
const code = {
  id: 1,
  name: 'Trust',
  path: 'Trust',
  depth: 0,
  color: '#112233',
  description: 'Feeling *safe*',
  excerpts: 1,
};

const model: ReportModel = {
  title: 'Checkout <study> & "more"',
  projectName: 'Checkout',
  date: '2026-01-02',
  language: 'en',
  strings: reportStrings('en'),
  options: { sections: { ...DEFAULT_REPORT_SECTIONS, boards: [1 as BoardId] }, redact: false, language: 'en' },
  redaction: null,
  executiveSummary: { findings: [{ insightId: 1, title: 'People need trust', priority: 'high', strength }] },
  insights: [
    {
      id: 1,
      title: 'People need trust',
      statement: 'Anna Schmidt hesitated.',
      priority: 'high',
      strength,
      quotes: [quote('Anna said: <script>alert(1)</script>')],
    },
  ],
  hypotheses: [],
  codes: [{ code, strength, quotes: [quote('I worry', 2)] }],
  boards: [
    { id: 1, name: 'Board', groups: [{ name: 'Worries', quotes: [quote('مرحبا', 3, 'ar')], notes: ['a note'] }] },
  ],
  method: {
    documents: 1,
    participants: 1,
    codes: 2,
    excerpts: 3,
    languages: ['de'],
    rounds: [],
    keyAttributes: ['market'],
  },
  participantColumns: ['market'],
  participants: [{ name: 'P01', values: ['DE'], documents: 1, excerpts: 3 }],
  charts: { codes: [{ name: 'Trust', color: '#112233', excerpts: 3, participants: 1 }], segments: [] },
  appendix: {
    codebook: [code, { ...code, id: 2, name: 'Fees', path: 'Trust › Fees', depth: 1, excerpts: 0 }],
    documents: [{ title: 'Interview with Anna', participant: 'P01', language: 'de', excerpts: 3 }],
    memos: [{ about: 'Project', title: 'Who we met', body: 'Anna Schmidt, anna@example.com, +49 170 1234567' }],
  },
};

describe('HTML report', () => {
  it('is self-contained, escaped, responsive and printable, with lang and dir on quotes', () => {
    const html = renderHtml(model);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Checkout &lt;study&gt; &amp; &quot;more&quot;');
    expect(html).toContain('@media print');
    expect(html).toContain('name="viewport"');
    expect(html).toContain('<blockquote lang="de" dir="ltr">');
    expect(html).toContain('<blockquote lang="ar" dir="rtl">مرحبا</blockquote>');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });
});

describe('Markdown report', () => {
  it('reads insights first and escapes markup in project text', () => {
    const md = renderMarkdown(model);
    const order = [
      '## Executive summary',
      '## Insights',
      '## Themes',
      '## Boards: Board',
      '## Method',
      '## Participants',
      '## Appendix',
    ];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('*High priority · 1 participant · 1 document · 1 excerpt*');
    expect(md).toContain('> — P01 · DE');
    expect(md).toContain('  - **Fees** (0 excerpts)');
    expect(md).toContain('Feeling \\*safe\\*');
    expect(md).toContain('| P01 | DE | 1 | 3 |');
    expect(mdEscape('a_b [c]')).toBe('a\\_b \\[c\\]');
  });

  it('writes headings in the report language', () => {
    const md = renderMarkdown({ ...model, language: 'ja', strings: reportStrings('ja') });
    expect(md).toContain('## インサイト');
    expect(md).toContain('参加者 1 名');
  });
});

describe('redaction', () => {
  it('splits names into parts on brackets, spaces and middle dots; Latin parts only capitalised', () => {
    expect(nameParts('由紀 (Yuki)')).toEqual(['由紀', 'Yuki']);
    expect(nameParts('Anna van der Berg')).toEqual(['Anna', 'Berg']);
    expect(nameParts('マリア・ガルシア')).toEqual(['マリア', 'ガルシア']);
    expect(nameParts('محمد العلي')).toEqual(['محمد', 'العلي']);
  });

  it('replaces names and parts, CJK without word boundaries, and masks e-mails and phones', () => {
    const r = createRedactor([
      { name: 'Anna Schmidt', replacement: 'P01', kind: 'participantNames' },
      { name: 'Mark Price', replacement: 'P02', kind: 'participantNames' },
      { name: '由紀 (Yuki)', replacement: 'P03', kind: 'participantNames' },
      { name: 'محمد العلي', replacement: 'P04', kind: 'participantNames' },
    ]);
    expect(r.text('Anna Schmidt met Anna and Mark. The price was fine, Price said.')).toBe(
      'P01 met P01 and P02. The price was fine, P02 said.',
    );
    expect(r.text('Annabelle stays')).toBe('Annabelle stays');
    expect(r.text('由紀さんとYukiと由紀子')).toBe('P03さんとP03とP03子');
    expect(r.text('قال محمد إن العلي')).toBe('قال P04 إن P04');
    expect(r.text('Mail anna@example.com or call +49 170 1234567 or 090-1234-5678; paid 3,000 yen on 2024-05-01')).toBe(
      'Mail [e-mail] or call [phone] or [phone]; paid 3,000 yen on 2024-05-01',
    );
    expect(Object.fromEntries(r.counts())).toMatchObject({ participantNames: 9, emails: 1, phones: 2 });
  });

  it('redacts every string of the model and says what it replaced, never the names', () => {
    const redacted = redactReport(model, [{ name: 'Anna Schmidt', replacement: 'P01', kind: 'participantNames' }]);
    const text = renderMarkdown(redacted) + renderHtml(redacted);
    expect(text).not.toMatch(/Anna|Schmidt|anna@|1234567/);
    expect(redacted.appendix?.documents[0]?.title).toBe('Interview with P01');
    expect(redacted.redaction?.kinds).toContainEqual({ kind: 'participantNames', count: 7 });
    expect(text).toContain('participant names: 7');
  });

  it('generates pseudonyms in a stable order around chosen ones', () => {
    const p = effectivePseudonyms([
      { id: 3, pseudonym: null },
      { id: 1, pseudonym: null },
      { id: 2, pseudonym: 'P01' },
    ]);
    expect([p.get(1), p.get(2), p.get(3)]).toEqual(['P02', 'P01', 'P03']);
  });
});
