/** The report as Markdown: readable as plain text, renders cleanly anywhere. */
import type { ReportModel, ReportQuote } from './model.js';
import { describeRedaction, describeSegments, describeStrength } from './strings.js';

/** Escapes characters Markdown would read as markup in inline text. */
export function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function quote(q: ReportQuote, t: ReportModel['strings']): string {
  const body = q.text
    .split('\n')
    .map((line) => `> ${mdEscape(line)}`.trimEnd())
    .join('\n');
  const memo = q.memo ? `\n>\n> *${t.memo}:* ${mdEscape(oneLine(q.memo))}` : '';
  return `${body}${memo}\n>\n> — ${mdEscape(q.attribution)}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => mdEscape(oneLine(s)) || ' ';
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(model: ReportModel): string {
  const t = model.strings;
  const out: string[] = [];
  const quotes = (list: readonly ReportQuote[]) => list.map((q) => quote(q, t)).join('\n\n');
  out.push(`# ${mdEscape(model.title)}`);
  out.push(t.reportOf(model.date));
  if (model.redaction) {
    out.push(`*${t.redactedNotice}* (${describeRedaction(model.redaction.kinds, t)})`);
  }

  if (model.executiveSummary) {
    out.push(`## ${t.executiveSummary}`);
    out.push(
      model.executiveSummary.findings.length === 0
        ? `*${t.noneYet}*`
        : model.executiveSummary.findings
            .map((f) => `- **${mdEscape(f.title)}** — ${describeStrength(f.strength, t)}`)
            .join('\n'),
    );
  }

  if (model.insights) {
    out.push(`## ${t.insights}`);
    if (model.insights.length === 0) out.push(`*${t.noneYet}*`);
    for (const insight of model.insights) {
      out.push(`### ${mdEscape(insight.title)}`);
      const meta = [
        insight.priority ? t.priority[insight.priority] : null,
        describeStrength(insight.strength, t),
        describeSegments(insight.strength.segments),
      ].filter(Boolean);
      out.push(`*${meta.map((m) => mdEscape(m as string)).join(' · ')}*`);
      out.push(mdEscape(insight.statement));
      if (insight.recommendation) out.push(`**${mdEscape(t.recommendation)}:** ${mdEscape(insight.recommendation)}`);
      if (insight.quotes.length > 0) out.push(quotes(insight.quotes));
    }
  }

  if (model.hypotheses) {
    out.push(`## ${t.hypotheses}`);
    if (model.hypotheses.length === 0) out.push(`*${t.noneYet}*`);
    for (const h of model.hypotheses) {
      out.push(`### ${mdEscape(h.statement)}`);
      out.push(
        `*${t.status[h.status]} · ${t.supports}: ${describeStrength(h.supporting, t)} · ${t.contradicts}: ${describeStrength(h.contradicting, t)}*`,
      );
      if (h.rationale.trim()) out.push(mdEscape(h.rationale));
      for (const { stance, quote: q } of h.quotes) {
        out.push(`**${stance === 'supports' ? t.supports : t.contradicts}**\n\n${quote(q, t)}`);
      }
    }
  }

  if (model.codes) {
    out.push(`## ${t.codes}`);
    if (model.codes.length === 0) out.push(`*${t.noneYet}*`);
    for (const { code, strength, quotes: list } of model.codes) {
      out.push(`### ${mdEscape(code.path)}`);
      const description = code.description.trim() ? ` — ${mdEscape(oneLine(code.description))}` : '';
      out.push(`*${describeStrength(strength, t)}*${description}`);
      out.push(list.length > 0 ? quotes(list) : `*${t.quotedAbove}*`);
    }
  }

  for (const board of model.boards ?? []) {
    out.push(`## ${t.boards}: ${mdEscape(board.name)}`);
    for (const group of board.groups) {
      out.push(`### ${mdEscape(group.name)}`);
      if (group.notes.length > 0) out.push(group.notes.map((n) => `- ${mdEscape(oneLine(n))}`).join('\n'));
      if (group.quotes.length > 0) out.push(quotes(group.quotes));
    }
  }

  if (model.charts && model.charts.measures.length > 0) {
    out.push(`## ${t.charts}`);
    for (const m of model.charts.measures) {
      out.push(`### ${mdEscape(t.measureChart(m.name))}`);
      out.push(
        `*${mdEscape([m.kind, m.unit, m.target !== null ? `target ${m.target}` : ''].filter(Boolean).join(' · '))}*`,
      );
      out.push(
        table(
          ['Round', 'n', 'Value', '95%', 'p'],
          m.rounds.map((r) => [
            r.study ? `${r.round} (${r.study})` : r.round,
            String(r.n),
            String(r.value),
            r.ci95 ? `${r.ci95[0]} – ${r.ci95[1]}` : '–',
            r.p === null ? '' : r.p < 0.001 ? '< 0.001' : r.p.toFixed(3),
          ]),
        ),
      );
    }
  }

  if (model.method) {
    const m = model.method;
    out.push(`## ${t.method}`);
    const facts = [
      `${t.nDocuments(m.documents)} · ${t.nParticipants(m.participants)} · ${t.nCodes(m.codes)} · ${t.nExcerpts(m.excerpts)}`,
      m.languages.length > 0 ? `${t.language}: ${m.languages.join(', ')}` : null,
      m.rounds.length > 0 ? `${t.rounds}: ${m.rounds.map(mdEscape).join(', ')}` : null,
      m.keyAttributes.length > 0 ? `${t.keyAttributes}: ${m.keyAttributes.map(mdEscape).join(', ')}` : null,
    ].filter(Boolean);
    out.push(facts.map((f) => `- ${f}`).join('\n'));
  }

  if (model.participants) {
    out.push(`## ${t.participants}`);
    out.push(
      table(
        [t.participant, ...model.participantColumns, t.documents, t.excerpts],
        model.participants.map((p) => [p.name, ...p.values, String(p.documents), String(p.excerpts)]),
      ),
    );
  }

  if (model.appendix) {
    const a = model.appendix;
    out.push(`## ${t.appendix}`);
    out.push(`### ${t.codebook}`);
    out.push(
      a.codebook.length === 0
        ? `*${t.noneYet}*`
        : a.codebook
            .map((c) => {
              const description = c.description.trim() ? ` — ${mdEscape(oneLine(c.description))}` : '';
              return `${'  '.repeat(c.depth)}- **${mdEscape(c.name)}** (${t.nExcerpts(c.excerpts)})${description}`;
            })
            .join('\n'),
    );
    out.push(`### ${t.documents}`);
    out.push(
      a.documents.length === 0
        ? `*${t.noneYet}*`
        : a.documents
            .map(
              (d) =>
                `- ${mdEscape(d.title)}${d.participant ? ` — ${mdEscape(d.participant)}` : ''}${d.language ? ` (${d.language})` : ''} · ${t.nExcerpts(d.excerpts)}`,
            )
            .join('\n'),
    );
    if (a.memos.length > 0) {
      out.push(`### ${t.memos}`);
      out.push(
        a.memos
          .map((m) => `- **${mdEscape(m.title || m.about)}** (${mdEscape(m.about)}): ${mdEscape(oneLine(m.body))}`)
          .join('\n'),
      );
    }
  }
  return `${out.join('\n\n')}\n`;
}
