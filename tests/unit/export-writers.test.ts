import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../core/export/html.js';
import { mdEscape, renderMarkdown } from '../../core/export/markdown.js';
import type { ReportModel } from '../../core/export/model.js';
import { redactionRules, redactReport, redactText } from '../../core/export/redact.js';

const quote = (text: string, participant: string | null = 'P01') => ({
  excerptId: 1,
  text,
  documentTitle: 'Interview with Anna',
  language: 'de',
  participant,
  codes: ['Trust'],
  memo: null,
});

const model: ReportModel = {
  projectName: 'Checkout <study> & "more"',
  date: '2026-01-02',
  language: 'en',
  redacted: false,
  counts: { documents: 1, participants: 1, codes: 2, excerpts: 1 },
  codebook: [
    { id: 1, name: 'Trust', path: 'Trust', depth: 0, color: '#112233', description: 'Feeling *safe*', excerpts: 1 },
    { id: 2, name: 'Fees', path: 'Trust › Fees', depth: 1, color: '#445566', description: '', excerpts: 0 },
  ],
  byCode: [
    {
      code: { id: 1, name: 'Trust', path: 'Trust', depth: 0, color: '#112233', description: '', excerpts: 1 },
      quotes: [quote('Anna said: <script>alert(1)</script>')],
    },
  ],
  boards: [
    {
      name: 'Board',
      groups: [{ name: 'Worries', quotes: [quote('I worry')], notes: ['a note'] }],
      ungrouped: { quotes: [], notes: [] },
    },
  ],
  insights: [
    {
      title: 'People need trust',
      statement: 'Anna Schmidt hesitated.',
      priority: 'high',
      participants: 1,
      evidence: [quote('x')],
    },
  ],
};

describe('HTML report', () => {
  it('is self-contained, escaped and printable', () => {
    const html = renderHtml(model);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Checkout &lt;study&gt; &amp; &quot;more&quot;');
    expect(html).toContain('@media print');
    expect(html).toContain('<blockquote lang="de">');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
    // the codebook nests Fees inside Trust
    expect(html).toMatch(/<strong>Trust<\/strong>.*<ul><li>.*<strong>Fees<\/strong>.*<\/li><\/ul><\/li><\/ul>/s);
  });
});

describe('Markdown report', () => {
  it('has every section and escapes markup in project text', () => {
    const md = renderMarkdown(model);
    for (const heading of [
      '# Checkout',
      '## Codebook',
      '## Excerpts by code',
      '## Board: Board',
      '### Worries',
      '## Insights',
    ])
      expect(md).toContain(heading);
    expect(md).toContain('  - **Fees** (0 excerpts)');
    expect(md).toContain('Feeling \\*safe\\*');
    expect(mdEscape('a_b [c]')).toBe('a\\_b \\[c\\]');
  });
});

describe('redaction', () => {
  const people = [
    { label: 'P01', displayName: 'Anna Schmidt', pseudonym: null },
    { label: 'P02', displayName: 'Mark Price', pseudonym: 'Rowan' },
  ];

  it('replaces labels, full names and capitalised name parts, but not ordinary words', () => {
    const rules = redactionRules(people);
    expect(redactText('Anna Schmidt (P01) met Anna and Mark. The price was fine, Price said.', rules)).toBe(
      'Participant 1 (Participant 1) met Participant 1 and Rowan. The price was fine, Rowan said.',
    );
    expect(redactText('Annabelle and P011 stay', rules)).toBe('Annabelle and P011 stay');
  });

  it('redacts quotes, titles, participants and insights throughout the report', () => {
    const redacted = redactReport(model, people);
    const text = renderMarkdown(redacted) + renderHtml(redacted);
    expect(text).not.toMatch(/Anna|P01|Schmidt/);
    expect(text).toContain('Participant 1');
    expect(redacted.redacted).toBe(true);
  });
});
