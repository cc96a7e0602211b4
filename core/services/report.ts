/** Export: gathers the project into a ReportModel and hands it to a writer. */
import type { Code, Excerpt, ExcerptId, ExportFormat, ExportResult } from '../contract/types.js';
import { unsupported } from '../errors.js';
import { renderHtml } from '../export/html.js';
import { renderMarkdown } from '../export/markdown.js';
import type { ReportBoard, ReportCode, ReportModel, ReportQuote } from '../export/model.js';
import { redactReport } from '../export/redact.js';
import { listCodes } from './codes.js';
import type { ProjectContext } from './context.js';
import { getExcerpts, hydrateExcerpts } from './excerpts.js';
import { exportExchange } from './exchangeExport.js';
import { listInsights } from './insights.js';

function quoteOf(e: Excerpt, languages: ReadonlyMap<number, string | null>): ReportQuote {
  return {
    excerptId: e.id,
    text: e.text,
    documentTitle: e.documentTitle,
    language: languages.get(e.documentId) ?? null,
    participant: e.participant,
    codes: e.codes.map((c) => c.name),
    memo: e.memo,
  };
}

function codebook(codes: readonly Code[]): ReportCode[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (c: Code): string[] => {
    const parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
    return parent ? [...pathOf(parent), c.name] : [c.name];
  };
  return codes.map((c) => {
    const path = pathOf(c);
    return {
      id: c.id,
      name: c.name,
      path: path.join(' › '),
      depth: path.length - 1,
      color: c.color,
      description: c.description,
      excerpts: c.excerpts,
    };
  });
}

export function buildReport(ctx: ProjectContext): ReportModel {
  const { repos } = ctx;
  const meta = repos.meta.get();
  const counts = repos.meta.counts();
  const codes = codebook(listCodes(ctx));
  const excerpts = hydrateExcerpts(ctx, repos.excerpts.list());
  const byId = new Map(excerpts.map((e) => [e.id, e]));
  const languages = repos.documents.languages();
  const toQuote = (e: Excerpt) => quoteOf(e, languages);

  const byCode = codes
    .map((code) => ({
      code,
      quotes: excerpts.filter((e) => e.codes.some((c) => c.id === code.id)).map(toQuote),
    }))
    .filter((entry) => entry.quotes.length > 0);

  const boards: ReportBoard[] = repos.boards.list().map((board) => {
    const groups = repos.boards.groups(board.id);
    const cards = repos.boards.cards(board.id);
    const contentOf = (groupId: number | null) => {
      // cards() lists each group's cards in their order.
      const inGroup = cards.filter((c) => c.groupId === groupId);
      return {
        quotes: inGroup
          .map((c) => (c.excerptId !== null ? byId.get(c.excerptId) : undefined))
          .filter((e): e is Excerpt => e !== undefined)
          .map(toQuote),
        notes: inGroup.filter((c) => c.kind === 'note' && c.text).map((c) => c.text as string),
      };
    };
    return {
      name: board.name,
      groups: groups.map((g) => ({ name: g.name, ...contentOf(g.id) })),
      ungrouped: contentOf(null),
    };
  });

  const insights = listInsights(ctx);
  const evidenceIds = insights.flatMap((i) => i.evidence).filter((id) => !byId.has(id));
  const extra = evidenceIds.length > 0 ? getExcerpts(ctx, evidenceIds) : new Map<ExcerptId, Excerpt>();
  const excerptOf = (id: ExcerptId) => byId.get(id) ?? extra.get(id);

  return {
    projectName: meta?.name ?? 'Quarry project',
    date: new Date().toISOString().slice(0, 10),
    language: meta?.defaultLanguage ?? 'en',
    redacted: false,
    counts: {
      documents: counts.documents,
      participants: counts.participants,
      codes: counts.codes,
      excerpts: counts.excerpts,
    },
    codebook: codes,
    byCode,
    boards,
    insights: insights.map((i) => ({
      title: i.title,
      statement: i.statement,
      priority: i.priority,
      participants: i.participants,
      evidence: i.evidence
        .map(excerptOf)
        .filter((e): e is Excerpt => e !== undefined)
        .map(toQuote),
    })),
  };
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'quarry';
}

export function exportReport(ctx: ProjectContext, input: { format: ExportFormat; redact: boolean }): ExportResult {
  if (input.format === 'qdpx' || input.format === 'qdc') {
    if (input.redact) {
      throw unsupported('A REFI-QDA export carries the project as it is; --redact applies to reports (md, html).');
    }
    return exportExchange(ctx, input.format, slug(ctx.repos.meta.get()?.name ?? 'quarry'));
  }
  let model = buildReport(ctx);
  if (input.redact) model = redactReport(model, ctx.repos.participants.list());
  const base = `${slug(model.projectName)}-report`;
  if (input.format === 'md') {
    return {
      fileName: `${base}.md`,
      mediaType: 'text/markdown; charset=utf-8',
      encoding: 'utf8',
      data: renderMarkdown(model),
    };
  }
  return { fileName: `${base}.html`, mediaType: 'text/html; charset=utf-8', encoding: 'utf8', data: renderHtml(model) };
}
