/**
 * The report as one self-contained HTML file: inline CSS, no scripts, no external resources.
 * Reads on a phone (one column, nothing wider than the screen), prints well (A4, page breaks
 * before major sections, quotes never split), and is what the PDF printer prints. Every piece of
 * project text is escaped; quotes carry their own `lang` and `dir`.
 */
import type { EvidenceStrength, ReportCharts, ReportModel, ReportQuote } from './model.js';
import { describeRedaction, describeSegments, describeStrength } from './strings.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;
const safeColor = (c: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : '#888888');
const safeLang = (l: string) => (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(l) ? l : '');

const FONTS = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK SC",
  "Hiragino Sans", "Yu Gothic", "Microsoft YaHei", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Hebrew", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"`;

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --quote: #f6f6f4; --accent: #3b5bdb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font: 16px/1.6 ${FONTS}; color: var(--ink); max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem;
  overflow-wrap: anywhere; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; margin: 2.75rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 2rem 0 .4rem; }
.facts, .meta, cite, .empty { color: var(--muted); }
.meta { font-size: .92rem; margin: 0 0 .6rem; }
.notice { background: #fff7e0; border: 1px solid #f0d58c; padding: .6rem .8rem; border-radius: 6px; font-size: .95rem; }
.badge { display: inline-block; font-size: .78rem; font-weight: 600; padding: .05rem .5rem; border-radius: 99px;
  background: #eef1ff; color: var(--accent); margin-right: .4rem; vertical-align: .1em; }
.badge.high { background: #ffe8e6; color: #b3261e; } .badge.supported { background: #e6f4ea; color: #137333; }
.badge.refuted { background: #fce8e6; color: #a50e0e; }
ol.summary { padding-left: 1.3rem; } ol.summary li { margin: .35rem 0; }
article.finding { margin: 0 0 2rem; }
p.recommendation { border-inline-start: 3px solid #3b5bdb; padding-inline-start: .6rem; }
figure.quote { margin: .8rem 0; padding: .65rem .95rem; background: var(--quote); border-inline-start: 4px solid var(--accent);
  border-radius: 0 6px 6px 0; break-inside: avoid; }
figure.quote blockquote { margin: 0; white-space: pre-wrap; }
figure.quote blockquote[dir="rtl"] { text-align: right; }
figure.quote figcaption { margin-top: .35rem; font-size: .88rem; }
.stance { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: .8rem 0 0; }
.memo { font-size: .9rem; margin: .35rem 0 0; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
.bars { display: grid; grid-template-columns: minmax(6rem, 30%) 1fr; gap: .3rem .6rem; align-items: center; font-size: .9rem; }
.bar { height: .9rem; border-radius: 3px; background: var(--accent); min-width: 2px; }
.bar-row { display: flex; align-items: center; gap: .4rem; min-width: 0; }
.bar-row span { color: var(--muted); font-size: .8rem; white-space: nowrap; }
ul.codebook { list-style: none; padding-left: 0; } ul.codebook li { margin: .2rem 0; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-inline-end: .4em; vertical-align: -.05em; }
ul.notes { padding-left: 1.25rem; }
@media (max-width: 480px) {
  body { margin: 1.25rem auto; padding: 0 .9rem; font-size: 15px; }
  h1 { font-size: 1.55rem; } h2 { font-size: 1.25rem; }
  figure.quote { padding: .55rem .7rem; }
  .bars { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; } section[data-section="appendix"] > h2 { break-before: page; }
  h3 { break-after: avoid; }
  figure.quote, tr, .bars > * { break-inside: avoid; }
  .notice, .badge, .bar, figure.quote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-wrap { overflow: visible; }
}`;

type Strings = ReportModel['strings'];

function quote(q: ReportQuote, t: Strings): string {
  const lang = q.language && safeLang(q.language) ? ` lang="${e(safeLang(q.language))}"` : '';
  const memo = q.memo ? `<p class="memo"><strong>${e(t.memo)}:</strong> ${e(q.memo)}</p>` : '';
  return `<figure class="quote" data-excerpt="${q.excerptId}"><blockquote${lang} dir="${q.dir}">${e(q.text)}</blockquote>${memo}<figcaption><cite>— <bdi>${e(q.attribution)}</bdi></cite></figcaption></figure>`;
}

function strengthLine(s: EvidenceStrength, t: Strings, extra: string[] = []): string {
  const segments = describeSegments(s.segments);
  return `<p class="meta" data-strength>${extra.join('')}${[e(describeStrength(s, t)), segments ? e(segments) : '']
    .filter(Boolean)
    .join(' · ')}</p>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number>): string {
  const cls = (i: number) => (numeric.has(i) ? ' class="num"' : '');
  return `<div class="table-wrap"><table><thead><tr>${head.map((h, i) => `<th${cls(i)}>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${e(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function bars(
  items: readonly { label: string; value: number; note: string; color?: string }[],
  scale?: number,
): string {
  const max = Math.max(1, scale ?? 0, ...items.map((i) => i.value));
  return `<div class="bars">${items
    .map(
      (i) =>
        `<div>${e(i.label)}</div><div class="bar-row"><div class="bar" style="width:${((i.value / max) * 60).toFixed(1)}%${i.color ? `;background:${safeColor(i.color)}` : ''}"></div><span>${e(i.note)}</span></div>`,
    )
    .join('')}</div>`;
}

function charts(c: ReportCharts, t: Strings): string {
  const parts = [`<section data-section="charts"><h2>${e(t.charts)}</h2>`];
  if (c.codes.length > 0) {
    parts.push(`<h3>${e(t.codeChart)}</h3>`);
    parts.push(
      bars(
        [...c.codes]
          .sort((a, b) => b.participants - a.participants || b.excerpts - a.excerpts)
          .map((x) => ({
            label: x.name,
            value: x.participants,
            note: `${t.nParticipants(x.participants)} · ${t.nExcerpts(x.excerpts)}`,
            color: x.color,
          })),
      ),
    );
  }
  for (const m of c.measures) {
    // A bar per round from the scale's floor (NPS can be negative: bars start at −100), the
    // interval and n beside it; the table below carries the exact figures.
    const floor = m.kind === 'NPS' ? -100 : 0;
    const top = Math.max(
      ...m.rounds.map((r) => r.ci95?.[1] ?? r.value),
      m.target ?? 0,
      m.kind === 'Time on task' || m.kind === 'Mean' ? 0 : 100,
    );
    parts.push(`<h3>${e(t.measureChart(m.name))}</h3>`);
    parts.push(
      `<div data-measure="${e(m.name)}">${bars(
        m.rounds.map((r) => ({
          label: r.round,
          value: r.value - floor,
          note: `${r.value}${m.unit && m.unit !== '%' ? ` ${m.unit}` : m.unit}${r.ci95 ? ` (${r.ci95[0]} – ${r.ci95[1]})` : ''} · n = ${r.n}`,
        })),
        top - floor,
      )}</div>`,
    );
  }
  for (const s of c.segments) {
    parts.push(`<h3>${e(t.segmentChart(s.attribute))}</h3>`);
    parts.push(
      bars(s.values.map((v) => ({ label: v.value, value: v.participants, note: t.nParticipants(v.participants) }))),
    );
  }
  parts.push('</section>');
  return parts.join('');
}

export function renderHtml(model: ReportModel): string {
  const t = model.strings;
  const parts: string[] = [];
  parts.push(`<header><h1 data-report-title>${e(model.title)}</h1>`);
  parts.push(`<p class="facts">${e(t.reportOf(model.date))}</p>`);
  if (model.redaction) {
    parts.push(
      `<p class="notice" data-redaction>${e(t.redactedNotice)}<br><small>${e(describeRedaction(model.redaction.kinds, t))}</small></p>`,
    );
  }
  parts.push('</header><main>');

  if (model.executiveSummary) {
    parts.push(`<section data-section="executiveSummary"><h2>${e(t.executiveSummary)}</h2>`);
    const findings = model.executiveSummary.findings;
    parts.push(
      findings.length === 0
        ? `<p class="empty">${e(t.noneYet)}</p>`
        : `<ol class="summary">${findings
            .map(
              (f) =>
                `<li><strong>${e(f.title)}</strong> <span class="meta">— ${e(describeStrength(f.strength, t))}</span></li>`,
            )
            .join('')}</ol>`,
    );
    parts.push('</section>');
  }

  if (model.insights) {
    parts.push(`<section data-section="insights"><h2>${e(t.insights)}</h2>`);
    if (model.insights.length === 0) parts.push(`<p class="empty">${e(t.noneYet)}</p>`);
    for (const insight of model.insights) {
      const badge = insight.priority
        ? [`<span class="badge ${insight.priority}">${e(t.priority[insight.priority])}</span>`]
        : [];
      parts.push(
        `<article class="finding" data-insight="${insight.id}"><h3>${e(insight.title)}</h3>${strengthLine(insight.strength, t, badge)}<p>${e(insight.statement)}</p>`,
      );
      if (insight.recommendation) {
        parts.push(
          `<p class="recommendation"><strong>${e(t.recommendation)}:</strong> ${e(insight.recommendation)}</p>`,
        );
      }
      parts.push(insight.quotes.map((q) => quote(q, t)).join(''));
      parts.push('</article>');
    }
    parts.push('</section>');
  }

  if (model.hypotheses) {
    parts.push(`<section data-section="hypotheses"><h2>${e(t.hypotheses)}</h2>`);
    if (model.hypotheses.length === 0) parts.push(`<p class="empty">${e(t.noneYet)}</p>`);
    for (const h of model.hypotheses) {
      parts.push(`<article class="finding" data-hypothesis="${h.id}"><h3>${e(h.statement)}</h3>`);
      parts.push(
        `<p class="meta"><span class="badge ${h.status}">${e(t.status[h.status])}</span>${e(t.supports)}: ${e(describeStrength(h.supporting, t))} · ${e(t.contradicts)}: ${e(describeStrength(h.contradicting, t))}</p>`,
      );
      if (h.rationale.trim()) parts.push(`<p>${e(h.rationale)}</p>`);
      for (const { stance, quote: q } of h.quotes) {
        parts.push(`<p class="stance">${e(stance === 'supports' ? t.supports : t.contradicts)}</p>${quote(q, t)}`);
      }
      parts.push('</article>');
    }
    parts.push('</section>');
  }

  if (model.codes) {
    parts.push(`<section data-section="codes"><h2>${e(t.codes)}</h2>`);
    if (model.codes.length === 0) parts.push(`<p class="empty">${e(t.noneYet)}</p>`);
    for (const { code, strength, quotes } of model.codes) {
      parts.push(
        `<h3><span class="swatch" style="background:${safeColor(code.color)}"></span>${e(code.path)}</h3>${strengthLine(strength, t)}`,
      );
      if (code.description.trim()) parts.push(`<p>${e(code.description.trim())}</p>`);
      parts.push(
        quotes.length > 0 ? quotes.map((q) => quote(q, t)).join('') : `<p class="empty">${e(t.quotedAbove)}</p>`,
      );
    }
    parts.push('</section>');
  }

  for (const board of model.boards ?? []) {
    parts.push(`<section data-section="board"><h2>${e(t.boards)}: ${e(board.name)}</h2>`);
    for (const group of board.groups) {
      parts.push(`<h3>${e(group.name)}</h3>`);
      if (group.notes.length > 0)
        parts.push(`<ul class="notes">${group.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`);
      parts.push(group.quotes.map((q) => quote(q, t)).join(''));
    }
    parts.push('</section>');
  }

  if (model.charts) parts.push(charts(model.charts, t));

  if (model.method) {
    const m = model.method;
    parts.push(`<section data-section="method"><h2>${e(t.method)}</h2><ul>`);
    parts.push(
      `<li>${e([t.nDocuments(m.documents), t.nParticipants(m.participants), t.nCodes(m.codes), t.nExcerpts(m.excerpts)].join(' · '))}</li>`,
    );
    if (m.languages.length > 0) parts.push(`<li>${e(t.language)}: ${e(m.languages.join(', '))}</li>`);
    if (m.rounds.length > 0) parts.push(`<li>${e(t.rounds)}: ${e(m.rounds.join(', '))}</li>`);
    if (m.keyAttributes.length > 0) parts.push(`<li>${e(t.keyAttributes)}: ${e(m.keyAttributes.join(', '))}</li>`);
    parts.push('</ul></section>');
  }

  if (model.participants) {
    const cols = model.participantColumns;
    parts.push(`<section data-section="participants"><h2>${e(t.participants)}</h2>`);
    parts.push(
      table(
        [t.participant, ...cols, t.documents, t.excerpts],
        model.participants.map((p) => [p.name, ...p.values, String(p.documents), String(p.excerpts)]),
        new Set([cols.length + 1, cols.length + 2]),
      ),
    );
    parts.push('</section>');
  }

  if (model.appendix) {
    const a = model.appendix;
    parts.push(`<section data-section="appendix"><h2>${e(t.appendix)}</h2><h3>${e(t.codebook)}</h3>`);
    parts.push(
      a.codebook.length === 0
        ? `<p class="empty">${e(t.noneYet)}</p>`
        : `<ul class="codebook">${a.codebook
            .map(
              (c) =>
                `<li style="margin-inline-start:${c.depth * 1.25}rem"><span class="swatch" style="background:${safeColor(c.color)}"></span><strong>${e(c.name)}</strong> <span class="meta">(${e(t.nExcerpts(c.excerpts))})</span>${c.description.trim() ? ` — ${e(c.description.trim())}` : ''}</li>`,
            )
            .join('')}</ul>`,
    );
    parts.push(`<h3>${e(t.documents)}</h3>`);
    parts.push(
      table(
        [t.documents, t.participant, t.language, t.excerpts],
        a.documents.map((d) => [d.title, d.participant ?? '', d.language ?? '', String(d.excerpts)]),
        new Set([3]),
      ),
    );
    if (a.memos.length > 0) {
      parts.push(`<h3>${e(t.memos)}</h3>`);
      parts.push(
        a.memos
          .map(
            (m) =>
              `<p><strong>${e(m.title || m.about)}</strong> <span class="meta">(${e(m.about)})</span><br>${e(m.body)}</p>`,
          )
          .join(''),
      );
    }
    parts.push('</section>');
  }
  parts.push('</main>');

  return `<!doctype html>
<html lang="${e(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
