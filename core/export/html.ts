/**
 * The report as one self-contained HTML file: inline CSS, no scripts, no external resources,
 * prints cleanly. Every piece of project text is escaped.
 */
import type { ReportCode, ReportModel, ReportQuote } from './model.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const safeColor = (c: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : '#888888');

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --quote: #f6f6f4; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
  max-width: 50rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
.facts, .meta, cite, .empty { color: var(--muted); }
.facts { margin: 0 0 .5rem; }
.notice { background: #fff7e0; border: 1px solid #f0d58c; padding: .5rem .75rem; border-radius: 6px; }
ul.codebook { list-style: none; padding-left: 0; }
ul.codebook ul { list-style: none; padding-left: 1.5rem; }
ul.codebook li { margin: .2rem 0; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; vertical-align: -.05em; }
figure.quote { margin: .75rem 0; padding: .6rem .9rem; background: var(--quote); border-left: 4px solid var(--rule);
  border-radius: 0 6px 6px 0; break-inside: avoid; }
figure.quote blockquote { margin: 0; white-space: pre-wrap; }
figure.quote figcaption { margin-top: .35rem; font-size: .9rem; }
.memo { font-size: .9rem; margin: .35rem 0 0; }
ul.notes { padding-left: 1.25rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  figure.quote { background: none; border-left-color: #999; }
}`;

function quote(q: ReportQuote, accent?: string): string {
  const source = [q.documentTitle, q.participant]
    .filter((s): s is string => !!s)
    .map(e)
    .join(', ');
  const codes = q.codes.length > 0 ? ` · ${q.codes.map(e).join(', ')}` : '';
  const memo = q.memo ? `<p class="memo"><strong>Memo:</strong> ${e(q.memo)}</p>` : '';
  const style = accent ? ` style="border-left-color:${safeColor(accent)}"` : '';
  const lang = q.language ? ` lang="${e(q.language)}"` : '';
  return `<figure class="quote"${style}><blockquote${lang}>${e(q.text)}</blockquote>${memo}<figcaption><cite>— ${source}${codes}</cite></figcaption></figure>`;
}

function codebook(codes: readonly ReportCode[]): string {
  // Depth-first list → nested <ul>.
  let html = '<ul class="codebook">';
  let depth = 0;
  codes.forEach((c, i) => {
    if (i > 0) {
      if (c.depth > depth) html += '<ul>'.repeat(c.depth - depth);
      else {
        html += '</li>';
        if (c.depth < depth) html += '</ul></li>'.repeat(depth - c.depth);
      }
    }
    depth = c.depth;
    const description = c.description.trim() ? ` — ${e(c.description.trim())}` : '';
    html += `<li><span class="swatch" style="background:${safeColor(c.color)}"></span><strong>${e(c.name)}</strong> <span class="meta">(${plural(c.excerpts, 'excerpt')})</span>${description}`;
  });
  if (codes.length > 0) html += `</li>${'</ul></li>'.repeat(depth)}`;
  return `${html}</ul>`;
}

function notes(list: readonly string[]): string {
  return list.length > 0 ? `<ul class="notes">${list.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '';
}

export function renderHtml(model: ReportModel): string {
  const parts: string[] = [];
  parts.push(`<header><h1>${e(model.projectName)}</h1>`);
  parts.push(
    `<p class="facts">Report of ${e(model.date)} · ${plural(model.counts.documents, 'document')} · ${plural(model.counts.participants, 'participant')} · ${plural(model.counts.codes, 'code')} · ${plural(model.counts.excerpts, 'excerpt')}</p>`,
  );
  if (model.redacted)
    parts.push('<p class="notice">Participant names are replaced with pseudonyms in this report.</p>');
  parts.push('</header><main>');

  parts.push('<section><h2>Codebook</h2>');
  parts.push(model.codebook.length > 0 ? codebook(model.codebook) : '<p class="empty">No codes yet.</p>');
  parts.push('</section>');

  parts.push('<section><h2>Excerpts by code</h2>');
  if (model.byCode.length === 0) parts.push('<p class="empty">Nothing is coded yet.</p>');
  for (const { code, quotes } of model.byCode) {
    parts.push(`<h3><span class="swatch" style="background:${safeColor(code.color)}"></span>${e(code.path)}</h3>`);
    parts.push(quotes.map((q) => quote(q, code.color)).join(''));
  }
  parts.push('</section>');

  for (const board of model.boards) {
    parts.push(`<section><h2>Board: ${e(board.name)}</h2>`);
    for (const group of board.groups) {
      parts.push(`<h3>${e(group.name)}</h3>`);
      if (group.quotes.length === 0 && group.notes.length === 0) parts.push('<p class="empty">Empty group.</p>');
      parts.push(notes(group.notes), group.quotes.map((q) => quote(q)).join(''));
    }
    if (board.ungrouped.quotes.length > 0 || board.ungrouped.notes.length > 0) {
      parts.push(
        '<h3>Not grouped</h3>',
        notes(board.ungrouped.notes),
        board.ungrouped.quotes.map((q) => quote(q)).join(''),
      );
    }
    parts.push('</section>');
  }

  parts.push('<section><h2>Insights</h2>');
  if (model.insights.length === 0) parts.push('<p class="empty">No insights yet.</p>');
  for (const insight of model.insights) {
    const meta = [
      insight.priority ? `Priority: ${e(insight.priority)}` : null,
      plural(insight.participants, 'participant'),
    ]
      .filter(Boolean)
      .join(' · ');
    parts.push(`<article><h3>${e(insight.title)}</h3><p class="meta">${meta}</p><p>${e(insight.statement)}</p>`);
    if (insight.evidence.length > 0) parts.push(`<h4>Evidence</h4>${insight.evidence.map((q) => quote(q)).join('')}`);
    parts.push('</article>');
  }
  parts.push('</section></main>');

  return `<!doctype html>
<html lang="${e(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(model.projectName)} — report</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
