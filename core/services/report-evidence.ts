/**
 * The report's lens on evidence: who said an excerpt (named or pseudonymised), in which segment,
 * how strong a set of excerpts is, and which of them to quote. Built once per report, so every
 * section attributes and counts the same way.
 */
import type { DocumentId, Excerpt, ExcerptId, Participant } from '../contract/types.js';
import type { EvidenceStrength, ReportQuote } from '../export/model.js';
import { effectivePseudonyms } from '../export/pseudonyms.js';
import type { ProjectContext } from './context.js';
import { hydrateExcerpts } from './excerpts.js';
import { identifyingAttributes } from './identity.js';
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

/** More values than this and an attribute is an id or free text, not a segment. */
const MAX_SEGMENTS = 12;

export interface SegmentCount {
  attribute: string;
  values: { value: string; participants: number }[];
}

/** How many of `people` have each value of `attribute`, most first. */
function countByValue(
  attribute: string,
  people: Iterable<number>,
  attributesOf: ReadonlyMap<number, Readonly<Record<string, string>>>,
): SegmentCount {
  const byValue = new Map<string, number>();
  for (const p of people) {
    const value = attributesOf.get(p)?.[attribute]?.trim();
    if (value) byValue.set(value, (byValue.get(value) ?? 0) + 1);
  }
  return {
    attribute,
    values: [...byValue]
      .map(([value, participants]) => ({ value, participants }))
      .sort((a, b) => b.participants - a.participants || a.value.localeCompare(b.value)),
  };
}

export interface ReportEvidence {
  /** Every excerpt with its codes, in the project's order. */
  readonly excerpts: readonly Excerpt[];
  readonly participants: readonly Participant[];
  /** The attributes shown beside quotes and counted in strengths. */
  readonly keyAttributes: string[];
  /** Each participant's pseudonym (chosen or generated), by id. */
  readonly pseudonyms: ReadonlyMap<number, string>;
  /** A participant's label, or their pseudonym when the report is redacted. */
  nameOf(participantId: number): string;
  participantOf(e: Excerpt): number | null;
  /** Who speaks in an excerpt, to quote distinct voices. */
  voiceOf(e: Excerpt): string;
  languageOf(documentId: DocumentId): string | null;
  /** The excerpts of these ids that still exist, in that order. */
  excerptsOf(ids: readonly ExcerptId[]): Excerpt[];
  toQuote(e: Excerpt): ReportQuote;
  strengthOf(list: readonly Excerpt[]): EvidenceStrength;
  /** Participants per value of each key attribute. */
  segmentCounts(): SegmentCount[];
}

export interface EvidenceOptions {
  redact: boolean;
  /** Chosen key attributes; by default the first two (by position) that split participants. */
  keyAttributes?: readonly string[] | undefined;
}

export function reportEvidence(ctx: ProjectContext, options: EvidenceOptions): ReportEvidence {
  const { repos } = ctx;
  const { redact } = options;
  const excerpts = hydrateExcerpts(ctx, repos.excerpts.list());
  const excerptById = new Map(excerpts.map((e) => [e.id, e]));
  const languages = repos.documents.languages();
  const participantOfDocument = new Map(
    repos.documents.list().map((d) => [d.id as number, d.participantId as number | null]),
  );

  const participants = listParticipants(ctx);
  const participantRows = new Map(repos.participants.list().map((p) => [p.id as number, p]));
  const pseudonyms = effectivePseudonyms([...participantRows.values()]);
  const nameOf = (id: number): string =>
    redact ? (pseudonyms.get(id) ?? `P${id}`) : (participantRows.get(id)?.label ?? `P${id}`);
  const attributesOf = new Map(participants.map((p) => [p.id as number, p.attributes]));

  const identifying = new Set(identifyingAttributes(ctx).map((a) => a.toLowerCase()));
  const isIdentifying = (name: string) => identifying.has(name.toLowerCase());
  const keyAttributes = (
    options.keyAttributes ??
    repos.participants
      .attributes()
      .map((a) => a.name)
      .filter((name) => !isIdentifying(name))
      .filter((name) => {
        const values = new Set(participants.map((p) => p.attributes[name]).filter((v) => v?.trim()));
        // A segment has a few values shared by several people: not one value, not an id per person.
        return values.size >= 2 && values.size <= MAX_SEGMENTS;
      })
      .slice(0, 2)
  ).filter((name) => !(redact && isIdentifying(name)));

  const segmentOf = (participantId: number | null): string[] =>
    participantId === null
      ? []
      : keyAttributes.map((a) => attributesOf.get(participantId)?.[a]?.trim() ?? '').filter((v) => v !== '');
  const participantOf = (e: Excerpt) => participantOfDocument.get(e.documentId) ?? null;
  const languageOf = (documentId: DocumentId) => languages.get(documentId) ?? null;

  return {
    excerpts,
    participants,
    keyAttributes,
    pseudonyms,
    nameOf,
    participantOf,
    languageOf,
    voiceOf(e) {
      const p = participantOf(e);
      return p === null ? `document ${e.documentId}` : `participant ${p}`;
    },
    excerptsOf: (ids) => ids.map((id) => excerptById.get(id)).filter((e): e is Excerpt => e !== undefined),
    toQuote(e) {
      const participantId = participantOf(e);
      const participant = participantId === null ? null : nameOf(participantId);
      const segment = segmentOf(participantId);
      const language = languageOf(e.documentId);
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
    },
    strengthOf(list) {
      const people = new Set(list.map(participantOf).filter((p): p is number => p !== null));
      const first = keyAttributes[0];
      return {
        excerpts: list.length,
        documents: new Set(list.map((e) => e.documentId)).size,
        participants: people.size,
        segments: first === undefined ? null : countByValue(first, people, attributesOf),
      };
    },
    segmentCounts: () =>
      keyAttributes.map((attribute) =>
        countByValue(
          attribute,
          participants.map((p) => p.id as number),
          attributesOf,
        ),
      ),
  };
}
