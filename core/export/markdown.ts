/** The report as Markdown: readable as plain text, renders cleanly anywhere. */
import type { ReportModel, ReportQuote } from './model.js';

/** Escapes characters Markdown would read as markup in inline text. */
export function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function quote(q: ReportQuote): string {
  const body = q.text
    .split('\n')
    .map((line) => `> ${mdEscape(line)}`.trimEnd())
    .join('\n');
  const source = [q.documentTitle, q.participant]
    .filter((s): s is string => !!s)
    .map(mdEscape)
    .join(', ');
  const codes = q.codes.length > 0 ? ` · ${q.codes.map(mdEscape).join(', ')}` : '';
  const memo = q.memo ? `\n>\n> *Memo:* ${mdEscape(q.memo).replace(/\n/g, ' ')}` : '';
  return `${body}${memo}\n>\n> — ${source}${codes}`;
}

function quotes(list: readonly ReportQuote[]): string {
  return list.map(quote).join('\n\n');
}

export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [];
  out.push(`# ${mdEscape(model.projectName)}`);
  const facts = [
    `Report of ${model.date}`,
    plural(model.counts.documents, 'document'),
    plural(model.counts.participants, 'participant'),
    plural(model.counts.codes, 'code'),
    plural(model.counts.excerpts, 'excerpt'),
  ];
  out.push(facts.join(' · '));
  if (model.redacted) out.push('*Participant names are replaced with pseudonyms in this report.*');

  out.push('## Codebook');
  if (model.codebook.length === 0) out.push('*No codes yet.*');
  else {
    out.push(
      model.codebook
        .map((c) => {
          const description = c.description.trim() ? ` — ${mdEscape(c.description.trim().replace(/\s+/g, ' '))}` : '';
          return `${'  '.repeat(c.depth)}- **${mdEscape(c.name)}** (${plural(c.excerpts, 'excerpt')})${description}`;
        })
        .join('\n'),
    );
  }

  out.push('## Excerpts by code');
  if (model.byCode.length === 0) out.push('*Nothing is coded yet.*');
  for (const { code, quotes: list } of model.byCode) {
    out.push(`### ${mdEscape(code.path)}`);
    out.push(quotes(list));
  }

  for (const board of model.boards) {
    out.push(`## Board: ${mdEscape(board.name)}`);
    for (const group of board.groups) {
      out.push(`### ${mdEscape(group.name)}`);
      if (group.quotes.length === 0 && group.notes.length === 0) out.push('*Empty group.*');
      if (group.notes.length > 0) out.push(group.notes.map((n) => `- ${mdEscape(n)}`).join('\n'));
      if (group.quotes.length > 0) out.push(quotes(group.quotes));
    }
    if (board.ungrouped.quotes.length > 0 || board.ungrouped.notes.length > 0) {
      out.push('### Not grouped');
      if (board.ungrouped.notes.length > 0) out.push(board.ungrouped.notes.map((n) => `- ${mdEscape(n)}`).join('\n'));
      if (board.ungrouped.quotes.length > 0) out.push(quotes(board.ungrouped.quotes));
    }
  }

  out.push('## Insights');
  if (model.insights.length === 0) out.push('*No insights yet.*');
  for (const insight of model.insights) {
    out.push(`### ${mdEscape(insight.title)}`);
    const meta = [
      insight.priority ? `Priority: ${insight.priority}` : null,
      plural(insight.participants, 'participant'),
    ]
      .filter(Boolean)
      .join(' · ');
    out.push(`*${meta}*`);
    out.push(mdEscape(insight.statement));
    if (insight.evidence.length > 0) {
      out.push('**Evidence**');
      out.push(quotes(insight.evidence));
    }
  }
  return `${out.join('\n\n')}\n`;
}
