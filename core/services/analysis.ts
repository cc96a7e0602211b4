/** Analysis views over the coded project: code × attribute matrix, co-occurrence, word frequency. */
import type { AnalysisFilters } from '../../db/repositories/analysis.js';
import { type WordSource, wordFrequencies } from '../analysis/words.js';
import type { CodeMatrix, Cooccurrence, WordCount } from '../contract/measures-types.js';
import type { CodeId, DocumentId } from '../contract/types.js';
import { notFound } from '../errors.js';
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
  if (input.documentId !== undefined && !repos.documents.exists(input.documentId)) {
    throw notFound(`There is no document with id ${input.documentId}.`);
  }
  if (input.codeId !== undefined && !repos.codes.get(input.codeId)) {
    throw notFound(`There is no code with id ${input.codeId}.`);
  }
  return wordFrequencies(sources(repos, input), input.limit);
}

/** What is counted: excerpts of the code, else each document's speech (turns without speaker labels). */
function* sources(repos: ProjectContext['repos'], input: WordsInput): Generator<WordSource> {
  if (input.codeId !== undefined) {
    let current: { documentId: DocumentId; text: string; language: string | null } | undefined;
    for (const span of repos.analysis.codeSpans(input.codeId, input.filters)) {
      if (input.documentId !== undefined && span.documentId !== input.documentId) continue;
      if (current?.documentId !== span.documentId) current = repos.analysis.documentText(span.documentId);
      if (!current) continue;
      yield { documentId: span.documentId, text: current.text.slice(span.start, span.end), language: current.language };
    }
    return;
  }
  for (const documentId of repos.analysis.documentIds(input.documentId, input.filters)) {
    const doc = repos.analysis.documentText(documentId);
    if (!doc) continue;
    const turns = repos.analysis.turnSpans(documentId);
    if (turns.length === 0) {
      yield { documentId, text: doc.text, language: doc.language };
      continue;
    }
    for (const turn of turns) yield { documentId, text: doc.text.slice(turn.start, turn.end), language: doc.language };
  }
}
