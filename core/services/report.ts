/**
 * Export: gathers the project into a ReportModel (core/export/model.ts) for the chosen options,
 * redacts it when asked, and hands it to a writer.
 */
import type { MeasureKind } from '../contract/measures-types.js';
import type { ExportChoices, ReportOptions } from '../contract/report-types.js';
import type { Code, Excerpt, ExcerptId, ExportFormat, ExportResult } from '../contract/types.js';
import { QuarryError, unsupported } from '../errors.js';
import { renderHtml } from '../export/html.js';
import { renderMarkdown } from '../export/markdown.js';
import type {
  EvidenceStrength,
  ReportBoard,
  ReportCode,
  ReportCodeSection,
  ReportHypothesis,
  ReportInsight,
  ReportMeasure,
  ReportModel,
  ReportQuote,
} from '../export/model.js';
import type { PdfPrinter } from '../export/pdf.js';
import { printPdf } from '../export/pdf.js';
import { effectivePseudonyms } from '../export/pseudonyms.js';
import { redactReport } from '../export/redact.js';
import { reportStrings } from '../export/strings.js';
import { listCodes } from './codes.js';
import type { ProjectContext } from './context.js';
import { hydrateExcerpts } from './excerpts.js';
import { exportExchange } from './exchangeExport.js';
import { listHypotheses } from './hypotheses.js';
import { identifyingAttributes, redactionNames } from './identity.js';
import { listInsights } from './insights.js';
import { listMetrics } from './measures.js';
import { listMemos } from './memos.js';
import { listParticipants } from './participants.js';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'ckb', 'dv', 'sd', 'ug']);
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/u;

/** Right-to-left when the document's language is, or when the first strong letter is Hebrew/Arabic script. */
export function textDirection(text: string, language: string | null): 'ltr' | 'rtl' {
  const primary = language?.toLowerCase().split('-')[0];
  if (primary && RTL_LANGUAGES.has(primary)) return 'rtl';
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return 'rtl';
    if (LTR_CHAR.test(ch)) return 'ltr';
  }
  return 'ltr';
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

const MAX_SEGMENTS = 12;
const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;
const inQuoteRange = (text: string) => {
  const n = [...text.trim()].length;
  return n >= 40 && n <= 400;
};

/**
 * Picks quotes from `candidates` not yet `used`: one per participant first (distinct voices), the
 * ones of a readable length (40–400 characters) before others, then more until `min`.
 * Marks what it picks as used, so no excerpt is quoted twice in one report.
 */
export function pickQuotes(
  candidates: readonly Excerpt[],
  used: Set<number>,
  speakerOf: (e: Excerpt) => string,
  max: number,
  min: number,
): Excerpt[] {
  const seen = new Set<number>();
  const fresh = candidates.filter((e) => {
    if (used.has(e.id) || seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  const ranked = fresh
    .map((e, i) => ({ e, i, good: inQuoteRange(e.text) }))
    .sort((a, b) => Number(b.good) - Number(a.good) || a.i - b.i)
    .map((r) => r.e);
  const picked: Excerpt[] = [];
  const voices = new Set<string>();
  for (const e of ranked) {
    if (picked.length >= max) break;
    const voice = speakerOf(e);
    if (voices.has(voice)) continue;
    voices.add(voice);
    picked.push(e);
  }
  for (const e of ranked) {
    if (picked.length >= Math.min(min, max)) break;
    if (!picked.includes(e)) picked.push(e);
  }
  for (const e of picked) used.add(e.id);
  return picked;
}

export interface BuildOptions extends ReportOptions {
  /** Overrides today's date (tests). */
  date?: string;
}

export function buildReport(ctx: ProjectContext, options: BuildOptions): ReportModel {
  const { repos } = ctx;
  const { sections, redact } = options;
  const strings = reportStrings(options.language);
  const meta = repos.meta.get();
  const projectName = meta?.name ?? 'Quarry project';

  const allCodes = listCodes(ctx);
  const codes = codebook(allCodes);
  const excerpts = hydrateExcerpts(ctx, repos.excerpts.list());
  const excerptById = new Map(excerpts.map((e) => [e.id, e]));
  const documents = repos.documents.list();
  const languages = repos.documents.languages();
  const participantOfDocument = new Map(documents.map((d) => [d.id as number, d.participantId as number | null]));

  const participants = listParticipants(ctx);
  const participantRows = new Map(repos.participants.list().map((p) => [p.id as number, p]));
  const pseudonyms = effectivePseudonyms([...participantRows.values()]);
  const nameOf = (id: number): string =>
    redact ? (pseudonyms.get(id) ?? `P${id}`) : (participantRows.get(id)?.label ?? `P${id}`);

  // Key attributes: chosen, else the first two (by position) that actually split participants.
  const identifying = new Set(identifyingAttributes(ctx).map((a) => a.toLowerCase()));
  const attributeNames = repos.participants
    .attributes()
    .map((a) => a.name)
    .filter((n) => !identifying.has(n.toLowerCase()));
  const keyAttributes = (
    options.keyAttributes ??
    attributeNames
      .filter((name) => {
        const values = new Set(participants.map((p) => p.attributes[name]).filter((v) => v?.trim()));
        // A segment has a few values shared by several people: not one value, not an id per person.
        return values.size >= 2 && values.size <= MAX_SEGMENTS;
      })
      .slice(0, 2)
  ).filter((n) => !(redact && identifying.has(n.toLowerCase())));
  const attributesOf = new Map(participants.map((p) => [p.id as number, p.attributes]));
  const segmentOf = (participantId: number | null): string[] =>
    participantId === null
      ? []
      : keyAttributes.map((a) => attributesOf.get(participantId)?.[a]?.trim() ?? '').filter((v) => v !== '');

  const participantIdOf = (e: Excerpt) => participantOfDocument.get(e.documentId) ?? null;
  const voiceOf = (e: Excerpt) => {
    const p = participantIdOf(e);
    return p === null ? `document ${e.documentId}` : `participant ${p}`;
  };

  const toQuote = (e: Excerpt): ReportQuote => {
    const participantId = participantIdOf(e);
    const participant = participantId === null ? null : nameOf(participantId);
    const segment = segmentOf(participantId);
    const language = languages.get(e.documentId) ?? null;
    return {
      excerptId: e.id,
      text: e.text,
      language,
      dir: textDirection(e.text, language),
      participant,
      segment,
      attribution: participant === null ? e.documentTitle : [participant, ...segment].join(' · '),
      documentTitle: e.documentTitle,
      codes: e.codes.map((c) => c.name),
      memo: e.memo,
    };
  };

  const strengthOf = (list: readonly Excerpt[]): EvidenceStrength => {
    const docs = new Set(list.map((e) => e.documentId));
    const people = new Set(list.map(participantIdOf).filter((p): p is number => p !== null));
    const first = keyAttributes[0];
    let segments: EvidenceStrength['segments'] = null;
    if (first !== undefined) {
      const byValue = new Map<string, number>();
      for (const p of people) {
        const value = attributesOf.get(p)?.[first]?.trim();
        if (value) byValue.set(value, (byValue.get(value) ?? 0) + 1);
      }
      segments = {
        attribute: first,
        values: [...byValue]
          .map(([value, n]) => ({ value, participants: n }))
          .sort((a, b) => b.participants - a.participants || a.value.localeCompare(b.value)),
      };
    }
    return { excerpts: list.length, documents: docs.size, participants: people.size, segments };
  };
  const excerptsOf = (ids: readonly ExcerptId[]) =>
    ids.map((id) => excerptById.get(id)).filter((e): e is Excerpt => e !== undefined);

  // Sections in reading order; `used` makes sure each excerpt is quoted once at most.
  const used = new Set<number>();

  const insightList = listInsights(ctx)
    .map((insight) => ({ insight, evidence: excerptsOf(insight.evidence) }))
    .map(({ insight, evidence }) => ({ insight, evidence, strength: strengthOf(evidence) }))
    .sort(
      (a, b) =>
        (a.insight.priority ? PRIORITY_RANK[a.insight.priority] : 3) -
          (b.insight.priority ? PRIORITY_RANK[b.insight.priority] : 3) ||
        b.strength.participants - a.strength.participants ||
        a.insight.id - b.insight.id,
    );
  const insights: ReportInsight[] | null = sections.insights
    ? insightList.map(({ insight, evidence, strength }) => ({
        id: insight.id,
        title: insight.title,
        statement: insight.statement,
        recommendation: insight.recommendation.trim(),
        priority: insight.priority,
        strength,
        quotes: pickQuotes(evidence, used, voiceOf, 4, 2).map(toQuote),
      }))
    : null;

  const hypotheses: ReportHypothesis[] | null = sections.hypotheses
    ? listHypotheses(ctx).map((h) => {
        const supporting = excerptsOf(h.supporting);
        const contradicting = excerptsOf(h.contradicting);
        return {
          id: h.id,
          statement: h.statement,
          rationale: h.rationale,
          status: h.status,
          supporting: strengthOf(supporting),
          contradicting: strengthOf(contradicting),
          quotes: [
            ...pickQuotes(supporting, used, voiceOf, 1, 1).map((e) => ({
              stance: 'supports' as const,
              quote: toQuote(e),
            })),
            ...pickQuotes(contradicting, used, voiceOf, 1, 1).map((e) => ({
              stance: 'contradicts' as const,
              quote: toQuote(e),
            })),
          ],
        };
      })
    : null;

  const wantedCodes = sections.codes;
  const codeSections: ReportCodeSection[] | null =
    wantedCodes === 'none'
      ? null
      : codes
          .filter((c) => c.excerpts > 0 && (wantedCodes === 'all' || wantedCodes.includes(c.id as never)))
          .map((code) => {
            const coded = excerpts.filter((e) => e.codes.some((c) => c.id === code.id));
            return {
              code,
              strength: strengthOf(coded),
              quotes: pickQuotes(coded, used, voiceOf, 3, 3).map(toQuote),
            };
          });

  const boards: ReportBoard[] | null =
    sections.boards.length === 0
      ? null
      : repos.boards
          .list()
          .filter((b) => sections.boards.includes(b.id))
          .map((board) => {
            const groups = repos.boards.groups(board.id);
            const cards = repos.boards.cards(board.id);
            const contentOf = (groupId: number | null) => {
              const inGroup = cards.filter((c) => c.groupId === groupId);
              const cardExcerpts = inGroup
                .map((c) => (c.excerptId !== null ? excerptById.get(c.excerptId as ExcerptId) : undefined))
                .filter((e): e is Excerpt => e !== undefined);
              const quotes = cardExcerpts.filter((e) => !used.has(e.id));
              for (const e of quotes) used.add(e.id);
              return {
                quotes: quotes.map(toQuote),
                notes: inGroup.filter((c) => c.kind === 'note' && c.text).map((c) => c.text as string),
              };
            };
            const ungrouped = contentOf(null);
            return {
              id: board.id,
              name: board.name,
              groups: [
                ...groups.map((g) => ({ name: g.name, ...contentOf(g.id) })),
                ...(ungrouped.quotes.length > 0 || ungrouped.notes.length > 0
                  ? [{ name: strings.notGrouped, ...ungrouped }]
                  : []),
              ],
            };
          });

  const counts = repos.meta.counts();
  const languageCounts = new Map<string, number>();
  for (const lang of languages.values()) if (lang) languageCounts.set(lang, (languageCounts.get(lang) ?? 0) + 1);
  const rounds = repos.studies
    .listRounds()
    .filter((r) => r.documents > 0)
    .map((r) => r.name);

  const excerptsPerParticipant = new Map<number, number>();
  for (const e of excerpts) {
    const p = participantIdOf(e);
    if (p !== null) excerptsPerParticipant.set(p, (excerptsPerParticipant.get(p) ?? 0) + 1);
  }
  // Participants in the order they were added, so P01, P02… read in order when redacted.
  const participantsSorted = [...participants].sort((a, b) => a.id - b.id);

  const segmentCounts = keyAttributes.map((attribute) => {
    const byValue = new Map<string, number>();
    for (const p of participants) {
      const v = p.attributes[attribute]?.trim();
      if (v) byValue.set(v, (byValue.get(v) ?? 0) + 1);
    }
    return {
      attribute,
      values: [...byValue]
        .map(([value, n]) => ({ value, participants: n }))
        .sort((a, b) => b.participants - a.participants || a.value.localeCompare(b.value)),
    };
  });

  const model: ReportModel = {
    title: options.title?.trim() || projectName,
    projectName,
    date: options.date ?? new Date().toISOString().slice(0, 10),
    language: options.language,
    strings,
    options: { ...options, sections: { ...sections }, keyAttributes },
    redaction: null,
    executiveSummary: sections.executiveSummary
      ? {
          findings: insightList.map(({ insight, strength }) => ({
            insightId: insight.id,
            title: insight.title,
            priority: insight.priority,
            strength,
          })),
        }
      : null,
    insights,
    hypotheses,
    codes: codeSections,
    boards,
    method: sections.method
      ? {
          documents: counts.documents,
          participants: counts.participants,
          codes: counts.codes,
          excerpts: counts.excerpts,
          languages: [...languageCounts].sort((a, b) => b[1] - a[1]).map(([l]) => l),
          rounds,
          keyAttributes,
        }
      : null,
    participantColumns: keyAttributes,
    participants: sections.participants
      ? participantsSorted.map((p) => ({
          name: nameOf(p.id),
          values: keyAttributes.map((a) => p.attributes[a] ?? ''),
          documents: p.documents.length,
          excerpts: excerptsPerParticipant.get(p.id) ?? 0,
        }))
      : null,
    charts: sections.charts
      ? {
          codes: allCodes
            .filter((c) => c.excerpts > 0)
            .map((c) => ({ name: c.name, color: c.color, excerpts: c.excerpts, participants: c.participants })),
          segments: segmentCounts,
          measures: reportMeasures(ctx),
        }
      : null,
    appendix: sections.appendix
      ? {
          codebook: codes,
          documents: documents.map((d) => ({
            title: d.title,
            participant: d.participantId === null ? null : nameOf(d.participantId),
            language: languages.get(d.id) ?? null,
            excerpts: d.excerpts,
          })),
          memos: listMemos(ctx, {}).map((m) => ({ about: m.targetLabel, title: m.title, body: m.body })),
        }
      : null,
  };
  return redact ? redactReport(model, redactionNames(ctx, pseudonyms)) : model;
}

/** A file-name stem from a project or report title: letters and digits of any script, dashes. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'quarry';
}

export type ReportFormat = Exclude<ExportFormat, 'qdpx' | 'qdc'>;

export interface ExportInput extends ReportOptions {
  format: ExportFormat;
}

/** The file for one report format: the writers' output and a file name from the (redacted) title. */
export async function writeReport(
  model: ReportModel,
  format: ReportFormat,
  printer: PdfPrinter | undefined,
): Promise<ExportResult> {
  const base = `${slug(model.title)}-report`;
  if (format === 'md') {
    return {
      fileName: `${base}.md`,
      mediaType: 'text/markdown; charset=utf-8',
      encoding: 'utf8',
      data: renderMarkdown(model),
    };
  }
  const html = renderHtml(model);
  if (format === 'pdf') {
    const bytes = await printPdf(html, printer);
    return {
      fileName: `${base}.pdf`,
      mediaType: 'application/pdf',
      encoding: 'base64',
      data: bytes.toString('base64'),
    };
  }
  return { fileName: `${base}.html`, mediaType: 'text/html; charset=utf-8', encoding: 'utf8', data: html };
}

const CHOICES = 'exportChoices';

/** The dialog's remembered choices; null when none were saved or they no longer parse. */
export function exportChoices(
  ctx: ProjectContext,
  parse: (raw: unknown) => ExportChoices | null,
): ExportChoices | null {
  const raw = ctx.repos.meta.settings()[CHOICES];
  return raw === undefined ? null : parse(raw);
}

export function rememberExportChoices(ctx: ProjectContext, choices: ExportChoices): ExportChoices {
  ctx.repos.meta.setSetting(CHOICES, choices);
  return choices;
}

export async function exportReport(
  ctx: ProjectContext,
  input: ExportInput,
  printer?: PdfPrinter,
): Promise<ExportResult> {
  const { format, ...options } = input;
  if (format === 'qdpx' || format === 'qdc') {
    if (options.redact) {
      throw unsupported('A REFI-QDA export carries the project as it is; --redact applies to reports (md, html, pdf).');
    }
    return exportExchange(ctx, format, slug(ctx.repos.meta.get()?.name ?? 'quarry'));
  }
  const model = buildReport(ctx, options);
  if (format !== 'md' && format !== 'html' && format !== 'pdf') {
    throw new QuarryError('Unsupported', `Quarry cannot write ${format} reports yet.`);
  }
  return writeReport(model, format, printer);
}

const MEASURE_KIND: Record<MeasureKind, string> = {
  nps: 'NPS',
  sus: 'SUS',
  proportion: 'Task success',
  time: 'Time on task',
  mean: 'Mean',
};

/** The measures with values, by round, on the scale a reader expects (proportions in percent). */
function reportMeasures(ctx: ProjectContext): ReportMeasure[] {
  return listMetrics(ctx)
    .filter((m) => m.rounds.length > 0)
    .map((m) => {
      const k = m.kind === 'proportion' ? 100 : 1;
      const at = (v: number) => Math.round(v * k * 10) / 10;
      return {
        name: m.name,
        kind: MEASURE_KIND[m.kind],
        unit: m.kind === 'proportion' ? '%' : m.unit,
        target: m.target === null ? null : at(m.target),
        rounds: m.rounds.map((r) => ({
          study: r.study,
          round: r.round,
          n: r.n,
          value: at(r.value),
          ci95: r.ci95 ? [at(r.ci95[0]), at(r.ci95[1])] : null,
          p: r.change?.p ?? null,
        })),
      };
    });
}
