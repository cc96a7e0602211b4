/** Analysis views over the coded project: code × attribute matrix, co-occurrence, word frequency. */
import type { AnalysisFilters } from '../../db/repositories/analysis.js';
import { foldQuery, forEachWord, mayContain, type WordSource, wordFrequencies } from '../analysis/words.js';
import type { CodeFrequency, Drill, DrillCell, Kwic, KwicHit } from '../contract/analysis-types.js';
import type { CodeMatrix, Cooccurrence, WordCount } from '../contract/measures-types.js';
import type { CodeId, DocumentId } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import type { ProjectContext } from './context.js';

/** The column for participants without a value (or excerpts in documents without a participant). */
export const NO_VALUE = '(no value)';

export function codeMatrix({ repos }: ProjectContext, attribute: string, filters: AnalysisFilters): CodeMatrix {
  const attributeId = repos.analysis.attributeId(attribute.trim());
  if (attributeId === undefined) {
    const names = repos.participants.attributes().map((a) => `"${a.name}"`);
    throw notFound(
      `There is no participant attribute "${attribute}".${names.length > 0 ? ` Attributes: ${names.join(', ')}.` : ''}`,
    );
  }
  const cells = repos.analysis.matrix(attributeId, filters);
  const values = repos.analysis.attributeValues(attributeId);
  const columns = cells.some((c) => c.value === null) ? [...values, NO_VALUE] : values;
  const column = new Map(columns.map((c, i) => [c === NO_VALUE ? null : c, i]));
  const people = repos.analysis.participantsByValue(attributeId);
  const codes = repos.codes.list();
  const rows = new Map<CodeId, { counts: number[]; participants: number[] }>();
  for (const cell of cells) {
    const i = column.get(cell.value);
    if (i === undefined) continue;
    let row = rows.get(cell.codeId);
    if (!row) {
      row = { counts: columns.map(() => 0), participants: columns.map(() => 0) };
      rows.set(cell.codeId, row);
    }
    row.counts[i] = cell.excerpts;
    row.participants[i] = cell.participants;
  }
  return {
    attribute,
    columns,
    // Every code appears, in codebook order, so a code never used in a segment reads as zeros.
    rows: codes.map((code) => ({
      codeId: code.id,
      code: code.name,
      counts: rows.get(code.id)?.counts ?? columns.map(() => 0),
      participants: rows.get(code.id)?.participants ?? columns.map(() => 0),
    })),
    totals: columns.map((c) => people.get(c === NO_VALUE ? null : c) ?? 0),
  };
}

export function codeCooccurrence({ repos }: ProjectContext, filters: AnalysisFilters): Cooccurrence[] {
  const names = new Map(repos.codes.list().map((c) => [c.id, c.name]));
  return repos.analysis.cooccurrence(filters).map((pair) => ({
    a: names.get(pair.a) ?? String(pair.a),
    b: names.get(pair.b) ?? String(pair.b),
    excerpts: pair.excerpts,
  }));
}

export interface WordsInput {
  documentId?: DocumentId | undefined;
  codeId?: CodeId | undefined;
  limit: number;
  filters: AnalysisFilters;
}

export function wordCounts({ repos }: ProjectContext, input: WordsInput): WordCount[] {
  checkScope(repos, input);
  return wordFrequencies(sources(repos, input), input.limit);
}

function checkScope(repos: ProjectContext['repos'], input: Omit<WordsInput, 'limit'>): void {
  if (input.documentId !== undefined && !repos.documents.exists(input.documentId)) {
    throw notFound(`There is no document with id ${input.documentId}.`);
  }
  if (input.codeId !== undefined && !repos.codes.get(input.codeId)) {
    throw notFound(`There is no code with id ${input.codeId}.`);
  }
}

/** A counted text and where it starts in its document (keywords in context report document offsets). */
interface PlacedSource extends WordSource {
  documentId: DocumentId;
  offset: number;
}

/** What is counted: excerpts of the code, else each document's speech (turns without speaker labels). */
function* sources(repos: ProjectContext['repos'], input: Omit<WordsInput, 'limit'>): Generator<PlacedSource> {
  if (input.codeId !== undefined) {
    let current: { documentId: DocumentId; text: string; language: string | null } | undefined;
    for (const span of repos.analysis.codeSpans(input.codeId, input.filters)) {
      if (input.documentId !== undefined && span.documentId !== input.documentId) continue;
      if (current?.documentId !== span.documentId) current = repos.analysis.documentText(span.documentId);
      if (!current) continue;
      yield {
        documentId: span.documentId,
        text: current.text.slice(span.start, span.end),
        language: current.language,
        offset: span.start,
      };
    }
    return;
  }
  let questions: Set<string> | undefined;
  for (const documentId of repos.analysis.documentIds(input.documentId, input.filters)) {
    const doc = repos.analysis.documentText(documentId);
    if (!doc) continue;
    if (doc.kind === 'survey_response') {
      questions ??= repos.analysis.surveyQuestions();
      for (const span of answerSpans(doc.text, questions)) {
        yield { documentId, text: doc.text.slice(span.start, span.end), language: doc.language, offset: span.start };
      }
      continue;
    }
    const turns = repos.analysis.turnSpans(documentId);
    if (turns.length === 0) {
      yield { documentId, text: doc.text, language: doc.language, offset: 0 };
      continue;
    }
    for (const turn of turns) {
      yield { documentId, text: doc.text.slice(turn.start, turn.end), language: doc.language, offset: turn.start };
    }
  }
}

/**
 * The answers of a survey response without their question labels: blocks are "question\nanswer"
 * joined by blank lines, and a block whose first line is a known question starts a new answer.
 */
export function answerSpans(text: string, questions: ReadonlySet<string>): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let block = 0;
  while (block < text.length) {
    const next = text.indexOf('\n\n', block);
    const end = next < 0 ? text.length : next;
    const newline = text.indexOf('\n', block);
    const firstLine = text.slice(block, newline < 0 || newline > end ? end : newline);
    if (!questions.has(firstLine))
      spans.push({ start: block, end }); // a paragraph of an answer
    else if (newline >= 0 && newline < end) spans.push({ start: newline + 1, end });
    block = end + 2;
  }
  return spans;
}

/** The column for excerpts in documents that belong to no round. */
export const NO_ROUND = '(no round)';

export function codeFrequency({ repos }: ProjectContext, filters: AnalysisFilters): CodeFrequency {
  const cells = repos.analysis.codeFrequencyByRound(filters);
  const named = repos.analysis.roundParticipantTotals(filters);
  const rounds = named.map((r) => r.round);
  const totals = named.map((r) => r.participants);
  if (filters.round === undefined && cells.some((c) => c.round === null)) {
    rounds.push(NO_ROUND);
    totals.push(repos.analysis.participantsWithoutRound(filters));
  }
  const column = new Map(rounds.map((r, i) => [r === NO_ROUND ? null : r, i]));
  const byCode = new Map<CodeId, { excerpts: number[]; participants: number[] }>();
  for (const cell of cells) {
    const i = column.get(cell.round);
    if (i === undefined) continue;
    let row = byCode.get(cell.codeId);
    if (!row) {
      row = { excerpts: rounds.map(() => 0), participants: rounds.map(() => 0) };
      byCode.set(cell.codeId, row);
    }
    row.excerpts[i] = cell.excerpts;
    row.participants[i] = cell.participants;
  }
  return {
    rounds,
    totals,
    rows: repos.codes.list().map((code) => ({
      codeId: code.id,
      code: code.name,
      excerpts: byCode.get(code.id)?.excerpts ?? rounds.map(() => 0),
      participants: byCode.get(code.id)?.participants ?? rounds.map(() => 0),
    })),
  };
}

export interface KwicInput extends Omit<WordsInput, 'limit'> {
  word: string;
  limit: number;
  /** Characters of context on each side. */
  context: number;
}

/**
 * Keywords in context: every place the word occurs in what word frequency counts (the same
 * sources, tokens, folding and segmentation), so a word from the frequency list is found.
 */
export function keywordsInContext({ repos }: ProjectContext, input: KwicInput): Kwic {
  const word = foldQuery(input.word);
  if (word === '') throw badInput('Type a word to find.');
  checkScope(repos, input);
  const hits: Omit<KwicHit, 'document' | 'participant'>[] = [];
  let total = 0;
  let current: { documentId: DocumentId; text: string } | undefined;
  for (const source of sources(repos, input)) {
    if (!mayContain(source.text, source.language, word)) continue;
    if (current?.documentId !== source.documentId) {
      current = { documentId: source.documentId, text: repos.analysis.documentText(source.documentId)?.text ?? '' };
    }
    const text = current.text;
    const sourceEnd = source.offset + source.text.length;
    forEachWord(source.text, source.language, (w, start, end) => {
      if (w !== word) return;
      total += 1;
      if (hits.length >= input.limit) return;
      const at = source.offset + start;
      const to = source.offset + end;
      hits.push({
        documentId: source.documentId,
        start: at,
        end: to,
        // Context stays inside what is counted: one turn's speech, one survey answer, one excerpt.
        left: squash(text.slice(safeCut(text, Math.max(source.offset, at - input.context)), at)),
        keyword: text.slice(at, to),
        right: squash(text.slice(to, safeCut(text, Math.min(sourceEnd, to + input.context)))),
      });
    });
  }
  const labels = repos.analysis.documentLabels(hits.map((h) => h.documentId));
  return {
    word,
    total,
    hits: hits.map((h) => ({
      ...h,
      document: labels.get(h.documentId)?.title ?? `Document ${h.documentId}`,
      participant: labels.get(h.documentId)?.participant ?? null,
    })),
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** An index moved off the middle of a surrogate pair (never cutting an emoji or a rare Han character in two). */
function safeCut(text: string, index: number): number {
  const i = Math.max(0, Math.min(text.length, index));
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
}

/** The excerpts behind one cell of the matrix, the co-occurrence view or the frequency table. */
export function drillDown({ repos }: ProjectContext, cell: DrillCell, filters: AnalysisFilters, limit: number): Drill {
  const code = (id: CodeId) => {
    if (!repos.codes.get(id)) throw notFound(`There is no code with id ${id}.`);
    return id;
  };
  let found: ReturnType<typeof repos.analysis.drillPair>;
  if (cell.kind === 'pair') {
    if (cell.a === cell.b) throw badInput('Choose two different codes.');
    found = repos.analysis.drillPair(code(cell.a), code(cell.b), filters, limit);
  } else if (cell.kind === 'matrix') {
    const attributeId = repos.analysis.attributeId(cell.attribute.trim());
    if (attributeId === undefined) throw notFound(`There is no participant attribute "${cell.attribute}".`);
    const value = cell.value === null || cell.value === NO_VALUE ? null : cell.value;
    found = repos.analysis.drillCode(code(cell.codeId), { attributeId, value }, filters, limit);
  } else if (cell.kind === 'round') {
    const round = cell.round === null || cell.round === NO_ROUND ? null : cell.round;
    found = repos.analysis.drillCode(code(cell.codeId), { round }, filters, limit);
  } else {
    found = repos.analysis.drillCode(code(cell.codeId), null, filters, limit);
  }
  const labels = repos.analysis.documentLabels(found.rows.map((r) => r.documentId));
  return {
    total: found.total,
    excerpts: found.rows.map((r) => ({
      ...r,
      document: labels.get(r.documentId)?.title ?? `Document ${r.documentId}`,
      participant: labels.get(r.documentId)?.participant ?? null,
    })),
  };
}
