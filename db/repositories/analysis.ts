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
function where(filters: AnalysisFilters, coding?: string, participant = 'd.participant_id'): Where {
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
      `${participant} IN (SELECT v.participant_id FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
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
  kind: string;
}

export interface CodingSpanRow {
  documentId: DocumentId;
  codeId: CodeId;
  coderId: number;
  start: number;
  end: number;
}

export interface RoundCell {
  codeId: CodeId;
  round: string | null;
  excerpts: number;
  participants: number;
}

/** Characters of excerpt text a drill-down row carries (the list shows a line or two). */
const DRILL_TEXT = 400;

export interface DrillRow {
  excerptId: number;
  documentId: DocumentId;
  start: number;
  end: number;
  text: string;
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

  /** Excerpts and distinct participants per code and round name (null: documents in no round). */
  codeFrequencyByRound(filters: AnalysisFilters): RoundCell[] {
    const w = where(filters, 'cg');
    return this.sql.all<RoundCell>(
      `SELECT cg.code_id AS codeId, r.name AS round,
              count(DISTINCT e.id) AS excerpts, count(DISTINCT d.participant_id) AS participants
         FROM codings cg
         JOIN excerpts e ON e.id = cg.excerpt_id
         JOIN documents d ON d.id = e.document_id
         LEFT JOIN rounds r ON r.id = d.round_id
        WHERE 1 = 1${w.sql}
        GROUP BY cg.code_id, r.name`,
      ...w.params,
    );
  }

  /**
   * Round names in study and round order, each with its participants (recorded in the round,
   * or with a document in it) that pass the round and attribute filters: the base for shares.
   */
  roundParticipantTotals(filters: AnalysisFilters): { round: string; participants: number }[] {
    const w = where({ attributes: filters.attributes }, undefined, 'm.participant_id');
    const one = filters.round !== undefined ? ' AND r.name = ?' : '';
    return this.sql.all(
      `SELECT r.name AS round, count(DISTINCT m.participant_id) AS participants
         FROM rounds r
         LEFT JOIN (SELECT participant_id, round_id FROM participant_rounds
                    UNION SELECT participant_id, round_id FROM documents WHERE participant_id IS NOT NULL) m
           ON m.round_id = r.id${w.sql}
        WHERE 1 = 1${one}
        GROUP BY r.name
        ORDER BY min(r.study_id), min(r.position), min(r.id)`,
      ...w.params,
      ...(filters.round !== undefined ? [filters.round] : []),
    );
  }

  /** Participants with a document in no round (passing the attribute filters), for the "(no round)" column. */
  participantsWithoutRound(filters: AnalysisFilters): number {
    const w = where({ attributes: filters.attributes });
    return (
      this.sql.get<{ n: number }>(
        `SELECT count(DISTINCT d.participant_id) AS n FROM documents d WHERE d.round_id IS NULL${w.sql}`,
        ...w.params,
      )?.n ?? 0
    );
  }

  /**
   * The excerpts behind one cell of a view, in document order: coded with `codeId` (by the
   * filtered coder) and in the cell's attribute value or round. `total` counts them all;
   * `rows` holds the first `limit`.
   */
  drillCode(
    codeId: CodeId,
    cell: { attributeId: number; value: string | null } | { round: string | null } | null,
    filters: AnalysisFilters,
    limit: number,
  ): { total: number; rows: DrillRow[] } {
    const w = where(filters, 'cg');
    const parts: string[] = [];
    const params: unknown[] = [];
    if (cell && 'attributeId' in cell) {
      parts.push(
        cell.value === null
          ? `NOT EXISTS (SELECT 1 FROM attribute_values v WHERE v.participant_id = d.participant_id
                          AND v.attribute_id = ? AND v.value <> '')`
          : `EXISTS (SELECT 1 FROM attribute_values v WHERE v.participant_id = d.participant_id
                      AND v.attribute_id = ? AND v.value = ?)`,
      );
      params.push(cell.attributeId, ...(cell.value === null ? [] : [cell.value]));
    } else if (cell && 'round' in cell) {
      parts.push(cell.round === null ? 'd.round_id IS NULL' : 'd.round_id IN (SELECT id FROM rounds WHERE name = ?)');
      if (cell.round !== null) params.push(cell.round);
    }
    const extra = parts.map((p) => ` AND ${p}`).join('');
    // Documents are joined only when a condition reads them: their round and participant
    // columns come after the text, so SQLite walks each text's overflow pages to reach them.
    const join = w.sql !== '' || extra !== '' ? ' JOIN documents d ON d.id = e.document_id' : '';
    const from = `FROM excerpts e${join}
                 WHERE EXISTS (SELECT 1 FROM codings cg WHERE cg.excerpt_id = e.id AND cg.code_id = ?${w.sql})${extra}`;
    const all = [codeId, ...w.params, ...params];
    const total = this.sql.get<{ n: number }>(`SELECT count(*) AS n ${from}`, ...all)?.n ?? 0;
    const rows = this.sql.all<DrillRow>(
      `SELECT e.id AS excerptId, e.document_id AS documentId, e.start, e."end" AS "end", substr(e.text, 1, ?) AS text
         ${from}
        ORDER BY e.document_id, e.start, e.id
        LIMIT ?`,
      DRILL_TEXT,
      ...all,
      limit,
    );
    return { total, rows };
  }

  /**
   * The pairs of excerpts behind one co-occurrence count (the same pairs `cooccurrence`
   * counts): one row per pair, spanning both excerpts, `excerptId` being the one coded `a`.
   */
  drillPair(a: CodeId, b: CodeId, filters: AnalysisFilters, limit: number): { total: number; rows: DrillRow[] } {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const w1 = where(filters, 'c1');
    const w2 = where({ coder: filters.coder }, 'c2');
    const pairs = `SELECT DISTINCT min(e1.id, e2.id) AS x, max(e1.id, e2.id) AS y, e1.id AS first
         FROM codings c1
         JOIN excerpts e1 ON e1.id = c1.excerpt_id
         JOIN documents d ON d.id = e1.document_id
         JOIN excerpts e2 ON e2.document_id = e1.document_id AND e2.start < e1."end" AND e1.start < e2."end"
         JOIN codings c2 ON c2.excerpt_id = e2.id AND c2.code_id = ?
        WHERE c1.code_id = ?${w1.sql}${w2.sql}`;
    const params = [hi, lo, ...w1.params, ...w2.params];
    // One row per unordered pair of excerpts, as the count has it.
    const distinct = `SELECT x, y, min(first) AS first FROM (${pairs}) GROUP BY x, y`;
    const total = this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM (${distinct})`, ...params)?.n ?? 0;
    const rows = this.sql.all<DrillRow>(
      `SELECT p.first AS excerptId, ex.document_id AS documentId, min(ex.start, ey.start) AS start,
              max(ex."end", ey."end") AS "end",
              CASE WHEN p.x = p.y THEN substr(ex.text, 1, ?)
                   ELSE substr(substr(d.text, min(ex.start, ey.start) + 1, max(ex."end", ey."end") - min(ex.start, ey.start)), 1, ?)
              END AS text
         FROM (${distinct}) p
         JOIN excerpts ex ON ex.id = p.x JOIN excerpts ey ON ey.id = p.y JOIN documents d ON d.id = ex.document_id
        ORDER BY ex.document_id, start, p.x
        LIMIT ?`,
      DRILL_TEXT,
      DRILL_TEXT,
      ...params,
      limit,
    );
    return { total, rows };
  }

  /** Title and participant label of each document, for listing hits. */
  documentLabels(ids: readonly DocumentId[]): Map<DocumentId, { title: string; participant: string | null }> {
    const out = new Map<DocumentId, { title: string; participant: string | null }>();
    if (ids.length === 0) return out;
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      for (const row of this.sql.all<{ id: DocumentId; title: string; participant: string | null }>(
        `SELECT d.id, d.title, p.label AS participant FROM documents d LEFT JOIN participants p ON p.id = d.participant_id
          WHERE d.id IN (${chunk.map(() => '?').join(', ')})`,
        ...chunk,
      )) {
        out.set(row.id, { title: row.title, participant: row.participant });
      }
    }
    return out;
  }

  documentText(documentId: DocumentId): TextRow | undefined {
    return this.sql.get<TextRow>(
      `SELECT id AS documentId, text, language, kind FROM documents WHERE id = ?`,
      documentId,
    );
  }

  /**
   * The question labels of survey answers: a survey response is stored as "question\nanswer"
   * blocks, and the first line of each response is a question (column) name.
   */
  surveyQuestions(): Set<string> {
    return new Set(
      this.sql
        .all<{ q: string }>(
          `SELECT DISTINCT substr(text, 1, instr(text || char(10), char(10)) - 1) AS q
             FROM documents WHERE kind = 'survey_response' AND text <> ''`,
        )
        .map((r) => r.q),
    );
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
