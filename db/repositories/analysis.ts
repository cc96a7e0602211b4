/**
 * Read-only queries behind the analysis views: code × attribute counts, code co-occurrence,
 * and the texts word frequency is counted over. Every query takes the same filters (round,
 * coder, participant attributes), applied as SQL conditions on the excerpt's document.
 */
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import type { Sql } from './sql.js';

export interface AnalysisFilters {
  /** Round name: documents in a round of that name. */
  round?: string | undefined;
  /** Coder name: only codings recorded by that coder. */
  coder?: string | undefined;
  /** Participant attribute values that must all match (name → value). */
  attributes?: Record<string, string> | undefined;
}

interface Where {
  sql: string;
  params: unknown[];
}

/** Conditions on `d` (documents) and, when `coding` is given, on that codings alias. */
function where(filters: AnalysisFilters, coding?: string): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.round !== undefined) {
    parts.push(`d.round_id IN (SELECT id FROM rounds WHERE name = ?)`);
    params.push(filters.round);
  }
  if (filters.coder !== undefined && coding) {
    parts.push(`${coding}.coder_id IN (SELECT id FROM coders WHERE name = ?)`);
    params.push(filters.coder);
  }
  for (const [name, value] of Object.entries(filters.attributes ?? {})) {
    parts.push(
      `d.participant_id IN (SELECT v.participant_id FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
                             WHERE a.name = ? AND v.value = ?)`,
    );
    params.push(name, value);
  }
  return { sql: parts.length > 0 ? ` AND ${parts.join(' AND ')}` : '', params };
}

export interface MatrixCell {
  codeId: CodeId;
  value: string | null;
  excerpts: number;
  participants: number;
}

export interface TextRow {
  documentId: DocumentId;
  text: string;
  language: string | null;
}

export interface CodingSpanRow {
  documentId: DocumentId;
  codeId: CodeId;
  coderId: number;
  start: number;
  end: number;
}

export interface SpanRow {
  documentId: DocumentId;
  start: number;
  end: number;
}

export class AnalysisRepo {
  constructor(private readonly sql: Sql) {}

  attributeId(name: string): number | undefined {
    return this.sql.get<{ id: number }>(`SELECT id FROM attributes WHERE name = ? COLLATE NOCASE`, name)?.id;
  }

  /** The attribute's values held by participants, in choice order for choice attributes, else sorted. */
  attributeValues(attributeId: number): string[] {
    const { choices } = this.sql.get<{ choices: string }>(
      `SELECT choices FROM attributes WHERE id = ?`,
      attributeId,
    ) ?? {
      choices: '[]',
    };
    const held = this.sql
      .all<{ value: string }>(
        `SELECT DISTINCT value FROM attribute_values WHERE attribute_id = ? AND value <> '' ORDER BY value`,
        attributeId,
      )
      .map((r) => r.value);
    const order = (JSON.parse(choices) as string[]).filter((c) => held.includes(c));
    return [...order, ...held.filter((v) => !order.includes(v))];
  }

  /** Participants per attribute value (null: participants without a value). */
  participantsByValue(attributeId: number): Map<string | null, number> {
    const rows = this.sql.all<{ value: string | null; n: number }>(
      `SELECT nullif(v.value, '') AS value, count(*) AS n
         FROM participants p
         LEFT JOIN attribute_values v ON v.participant_id = p.id AND v.attribute_id = ?
        GROUP BY 1`,
      attributeId,
    );
    return new Map(rows.map((r) => [r.value, r.n]));
  }

  /** Excerpts and distinct participants per code and attribute value (null: no value, or no participant). */
  matrix(attributeId: number, filters: AnalysisFilters): MatrixCell[] {
    const w = where(filters, 'cg');
    return this.sql.all<MatrixCell>(
      `SELECT cg.code_id AS codeId, nullif(v.value, '') AS value,
              count(DISTINCT e.id) AS excerpts, count(DISTINCT d.participant_id) AS participants
         FROM codings cg
         JOIN excerpts e ON e.id = cg.excerpt_id
         JOIN documents d ON d.id = e.document_id
         LEFT JOIN attribute_values v ON v.participant_id = d.participant_id AND v.attribute_id = ?
        WHERE 1 = 1${w.sql}
        GROUP BY cg.code_id, 2`,
      attributeId,
      ...w.params,
    );
  }

  /**
   * Pairs of codes (a < b by id) applied to the same excerpt or to two overlapping excerpts
   * of one document, each pair of excerpts counted once.
   */
  cooccurrence(filters: AnalysisFilters): { a: CodeId; b: CodeId; excerpts: number }[] {
    const w1 = where(filters, 'c1');
    const w2 = where({ coder: filters.coder }, 'c2');
    return this.sql.all(
      `SELECT c1.code_id AS a, c2.code_id AS b,
              count(DISTINCT min(e1.id, e2.id) || ':' || max(e1.id, e2.id)) AS excerpts
         FROM codings c1
         JOIN excerpts e1 ON e1.id = c1.excerpt_id
         JOIN documents d ON d.id = e1.document_id
         JOIN excerpts e2 ON e2.document_id = e1.document_id AND e2.start < e1."end" AND e1.start < e2."end"
         JOIN codings c2 ON c2.excerpt_id = e2.id AND c2.code_id > c1.code_id
        WHERE 1 = 1${w1.sql}${w2.sql}
        GROUP BY c1.code_id, c2.code_id
        ORDER BY excerpts DESC, a, b`,
      ...w1.params,
      ...w2.params,
    );
  }

  /**
   * Per round of a study, how many participants each code was applied for (the unit is the
   * document's participant, or the document itself when it has none), with every round of the
   * study and its total of such units, in round order. For the measures dashboard.
   */
  codePrevalenceByRound(studyId: number): {
    rounds: { roundId: number; round: string; total: number }[];
    cells: { roundId: number; codeId: CodeId; units: number }[];
  } {
    const unit = `coalesce('p' || d.participant_id, 'd' || d.id)`;
    const rounds = this.sql.all<{ roundId: number; round: string; total: number }>(
      `SELECT r.id AS roundId, r.name AS round, count(DISTINCT ${unit}) AS total
         FROM rounds r LEFT JOIN documents d ON d.round_id = r.id
        WHERE r.study_id = ?
        GROUP BY r.id ORDER BY r.position, r.id`,
      studyId,
    );
    const cells = this.sql.all<{ roundId: number; codeId: CodeId; units: number }>(
      `SELECT d.round_id AS roundId, g.code_id AS codeId, count(DISTINCT ${unit}) AS units
         FROM documents d
         JOIN excerpts e ON e.document_id = d.id
         JOIN codings g ON g.excerpt_id = e.id
        WHERE d.round_id IN (SELECT id FROM rounds WHERE study_id = ?)
        GROUP BY d.round_id, g.code_id`,
      studyId,
    );
    return { rounds, cells };
  }

  /** Ids of the documents (one, or all) that pass the filters; texts are read one at a time. */
  documentIds(documentId: DocumentId | undefined, filters: AnalysisFilters): DocumentId[] {
    const w = where(filters);
    const one = documentId !== undefined ? ' AND d.id = ?' : '';
    const params = documentId !== undefined ? [...w.params, documentId] : w.params;
    return this.sql
      .all<{ id: DocumentId }>(`SELECT d.id FROM documents d WHERE 1 = 1${w.sql}${one} ORDER BY d.id`, ...params)
      .map((r) => r.id);
  }

  /** Turn spans per document (a transcript's speech without its speaker labels). */
  turnSpans(documentId: DocumentId): { start: number; end: number }[] {
    return this.sql.all(`SELECT start, "end" FROM turns WHERE document_id = ? ORDER BY start`, documentId);
  }

  /** Spans of the excerpts coded with `codeId` (and passing the filters). */
  codeSpans(codeId: CodeId, filters: AnalysisFilters): SpanRow[] {
    const w = where(filters, 'cg');
    return this.sql.all<SpanRow>(
      `SELECT DISTINCT e.document_id AS documentId, e.start, e."end" AS "end"
         FROM codings cg JOIN excerpts e ON e.id = cg.excerpt_id JOIN documents d ON d.id = e.document_id
        WHERE cg.code_id = ?${w.sql}
        ORDER BY e.document_id, e.start`,
      codeId,
      ...w.params,
    );
  }

  documentText(documentId: DocumentId): TextRow | undefined {
    return this.sql.get<TextRow>(`SELECT id AS documentId, text, language FROM documents WHERE id = ?`, documentId);
  }
  /**
   * Every coding span recorded by one of these coders (a coding without its own coder counts
   * for whoever made the excerpt), for intercoder agreement.
   */
  codingSpans(coderIds: readonly number[]): CodingSpanRow[] {
    if (coderIds.length === 0) return [];
    const marks = coderIds.map(() => '?').join(', ');
    return this.sql.all<CodingSpanRow>(
      `SELECT e.document_id AS documentId, c.code_id AS codeId, coalesce(c.coder_id, e.created_by) AS coderId,
              e.start, e."end"
         FROM codings c JOIN excerpts e ON e.id = c.excerpt_id
        WHERE coalesce(c.coder_id, e.created_by) IN (${marks})
        ORDER BY e.document_id, e.start`,
      ...coderIds,
    );
  }
}
