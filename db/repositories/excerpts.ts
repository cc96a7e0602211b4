/**
 * Excerpts (spans of a document) and their codings. Each excerpt stores its own text and UTF-8
 * byte range (schema v5), so no list ever reads a whole document's text.
 */
import type { CodeId, CoderId, DocumentId, ExcerptId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface ExcerptRow {
  id: ExcerptId;
  documentId: DocumentId;
  documentTitle: string;
  start: number;
  end: number;
  /** The excerpt's own text (stored at coding time). */
  text: string;
  participant: string | null;
  participantId: number | null;
}

/** Where an excerpt sits in its document: UTF-16 units and the same span in UTF-8 bytes. */
export interface ExcerptSpan {
  start: number;
  end: number;
  byteStart: number;
  byteEnd: number;
  text: string;
}

/** An excerpt's context, cut by SQLite from the document's UTF-8 bytes (see windows()). */
export interface ExcerptWindowRow {
  id: ExcerptId;
  /** Bytes from max(byte_start − margin, 0) to byte_end + margin (or the document's end). */
  window: Uint8Array | null;
  /** How many of those bytes come before the excerpt. */
  before: number | null;
  byteLength: number | null;
}

export interface Page {
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ExcerptCodingRow {
  excerptId: ExcerptId;
  codeId: CodeId;
  name: string;
  color: string;
}

export interface ExcerptFilter {
  codeId?: CodeId | undefined;
  /** Any of these codes (e.g. a code and its descendants). */
  codeIds?: readonly CodeId[] | undefined;
  documentId?: DocumentId | undefined;
  ids?: readonly ExcerptId[] | undefined;
  /** Coded by this coder (with one of the filtered codes, when codes are filtered). */
  coderId?: CoderId | undefined;
  /** The document's round, by name. */
  round?: string | undefined;
  /** Participant attribute values (name → value) that must all match. */
  attributes?: Record<string, string> | undefined;
}

const SELECT = `
  SELECT e.id, e.document_id AS documentId, d.title AS documentTitle, e.start, e."end", e.text,
         p.label AS participant, d.participant_id AS participantId
    FROM excerpts e
    JOIN documents d ON d.id = e.document_id
    LEFT JOIN participants p ON p.id = d.participant_id`;

export class ExcerptsRepo {
  constructor(private readonly sql: Sql) {}

  get(id: ExcerptId): ExcerptRow | undefined {
    return this.sql.get<ExcerptRow>(`${SELECT} WHERE e.id = ?`, id);
  }

  exists(id: ExcerptId): boolean {
    return this.sql.get(`SELECT 1 FROM excerpts WHERE id = ?`, id) !== undefined;
  }

  findSpan(documentId: DocumentId, start: number, end: number): ExcerptId | undefined {
    return this.sql.get<{ id: ExcerptId }>(
      `SELECT id FROM excerpts WHERE document_id = ? AND start = ? AND "end" = ? ORDER BY id LIMIT 1`,
      documentId,
      start,
      end,
    )?.id;
  }

  /** Excerpts in document order; filters combine with AND; a page when limit/offset are given. */
  list(filter: ExcerptFilter = {}, page: Page = {}): ExcerptRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const codeIds = filter.codeIds ?? (filter.codeId !== undefined ? [filter.codeId] : undefined);
    if (codeIds !== undefined || filter.coderId !== undefined) {
      const parts: string[] = [];
      if (codeIds !== undefined) {
        parts.push('g.code_id IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(codeIds));
      }
      if (filter.coderId !== undefined) {
        parts.push('g.coder_id = ?');
        params.push(filter.coderId);
      }
      // IN (not a correlated EXISTS): the codings of the code are found by codings_code and
      // their excerpts by rowid, instead of scanning every excerpt (plan asserted in tests).
      where.push(`e.id IN (SELECT g.excerpt_id FROM codings g WHERE ${parts.join(' AND ')})`);
    }
    if (filter.round !== undefined) {
      where.push(`d.round_id IN (SELECT id FROM rounds WHERE name = ? COLLATE NOCASE)`);
      params.push(filter.round);
    }
    for (const [name, value] of Object.entries(filter.attributes ?? {})) {
      where.push(`EXISTS (SELECT 1 FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
                           WHERE v.participant_id = d.participant_id AND a.name = ? AND v.value = ? COLLATE NOCASE)`);
      params.push(name, value);
    }
    if (filter.documentId !== undefined) {
      where.push(`e.document_id = ?`);
      params.push(filter.documentId);
    }
    if (filter.ids !== undefined) {
      where.push(`e.id IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.ids));
    }
    const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    let paging = '';
    if (page.limit !== undefined || page.offset !== undefined) {
      paging = ' LIMIT ? OFFSET ?';
      params.push(page.limit ?? -1, page.offset ?? 0);
    }
    return this.sql.all<ExcerptRow>(
      `${SELECT}${clause} ORDER BY e.document_id, e.start, e."end", e.id${paging}`,
      ...params,
    );
  }

  /**
   * Context windows for excerpts: `margin` bytes either side of each one, cut from the
   * document's UTF-8 bytes by SQLite, so JavaScript never receives a whole document text.
   */
  windows(ids: readonly ExcerptId[], margin: number): ExcerptWindowRow[] {
    return this.sql.all<ExcerptWindowRow>(
      `SELECT e.id,
              substr(CAST(d.text AS BLOB), max(e.byte_start - ?, 0) + 1, e.byte_end - max(e.byte_start - ?, 0) + ?) AS window,
              e.byte_start - max(e.byte_start - ?, 0) AS before,
              e.byte_end - e.byte_start AS byteLength
         FROM excerpts e JOIN documents d ON d.id = e.document_id
        WHERE e.id IN (SELECT value FROM json_each(?)) AND e.byte_start IS NOT NULL`,
      margin,
      margin,
      margin,
      margin,
      JSON.stringify(ids),
    );
  }

  /** Codes on the given excerpts (all excerpts when omitted), in codebook order, one row per code. */
  codings(ids?: readonly ExcerptId[]): ExcerptCodingRow[] {
    const base = `
      SELECT DISTINCT g.excerpt_id AS excerptId, c.id AS codeId, c.name, c.color, c.order_key
        FROM codings g JOIN codes c ON c.id = g.code_id`;
    const order = ` ORDER BY g.excerpt_id, c.order_key, c.id`;
    if (ids === undefined) return this.sql.all<ExcerptCodingRow>(`${base}${order}`);
    return this.sql.all<ExcerptCodingRow>(
      `${base} WHERE g.excerpt_id IN (SELECT value FROM json_each(?))${order}`,
      JSON.stringify(ids),
    );
  }

  /** Names of the coders on each excerpt (all excerpts when ids are omitted). */
  coders(ids?: readonly ExcerptId[]): { excerptId: ExcerptId; name: string }[] {
    const base = `SELECT DISTINCT g.excerpt_id AS excerptId, k.name FROM codings g JOIN coders k ON k.id = g.coder_id`;
    if (ids === undefined) return this.sql.all(`${base} ORDER BY g.excerpt_id, k.name`);
    return this.sql.all(
      `${base} WHERE g.excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY g.excerpt_id, k.name`,
      JSON.stringify(ids),
    );
  }

  /**
   * The turn an offset falls in: the last turn starting at or before it, if the offset is
   * inside it (a turn of zero length holds its own start). One index walk, not every turn.
   */
  turnAt(
    documentId: DocumentId,
    offset: number,
  ): { speaker: string | null; participantId: number | null; start: number; end: number } | undefined {
    const turn = this.sql.get<{ speaker: string | null; participantId: number | null; start: number; end: number }>(
      `SELECT speaker, participant_id AS participantId, start, "end" FROM turns
        WHERE document_id = ? AND start <= ? ORDER BY ordinal DESC LIMIT 1`,
      documentId,
      offset,
    );
    return turn && offset < Math.max(turn.end, turn.start + 1) ? turn : undefined;
  }

  /** Round names of documents, for retrieval. */
  roundOf(documentId: DocumentId): string | null {
    return (
      this.sql.get<{ name: string }>(
        `SELECT r.name FROM documents d JOIN rounds r ON r.id = d.round_id WHERE d.id = ?`,
        documentId,
      )?.name ?? null
    );
  }

  setSpan(id: ExcerptId, span: ExcerptSpan): void {
    this.sql.run(
      `UPDATE excerpts SET start = ?, "end" = ?, text = ?, byte_start = ?, byte_end = ? WHERE id = ?`,
      span.start,
      span.end,
      span.text,
      span.byteStart,
      span.byteEnd,
      id,
    );
  }

  /** Excerpts that overlap [start, end) of a document. */
  overlapping(documentId: DocumentId, start: number, end: number): ExcerptId[] {
    return this.sql
      .all<{ id: ExcerptId }>(
        `SELECT id FROM excerpts WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY start, id`,
        documentId,
        end,
        start,
      )
      .map((r) => r.id);
  }

  /** A new excerpt; an imported one (REFI-QDA) keeps the guid and date it came with. */
  insert(
    documentId: DocumentId,
    span: ExcerptSpan,
    createdBy: CoderId | null,
    origin: { guid: string; createdAt: string } = { guid: newGuid(), createdAt: nowIso() },
  ): ExcerptId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO excerpts (guid, document_id, start, "end", text, byte_start, byte_end, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      origin.guid,
      documentId,
      span.start,
      span.end,
      span.text,
      span.byteStart,
      span.byteEnd,
      createdBy,
      origin.createdAt,
    );
    return lastInsertRowid as ExcerptId;
  }

  /** Adds a coding; returns false when this coder already applied this code to the excerpt. */
  addCoding(excerptId: ExcerptId, codeId: CodeId, coderId: CoderId | null): boolean {
    return (
      this.sql.run(
        `INSERT OR IGNORE INTO codings (guid, excerpt_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?, ?)`,
        newGuid(),
        excerptId,
        codeId,
        coderId,
        nowIso(),
      ).changes > 0
    );
  }

  /** Removes the code from the excerpt (for every coder); returns how many codings went. */
  removeCode(excerptId: ExcerptId, codeId: CodeId): number {
    return this.sql.run(`DELETE FROM codings WHERE excerpt_id = ? AND code_id = ?`, excerptId, codeId).changes;
  }

  countCodings(excerptId: ExcerptId): number {
    return this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM codings WHERE excerpt_id = ?`, excerptId)?.n ?? 0;
  }

  /** Whether a board card, an insight or a hypothesis still points at the excerpt. */
  isReferenced(excerptId: ExcerptId): boolean {
    return (
      this.sql.get(
        `SELECT 1 WHERE EXISTS (SELECT 1 FROM cards WHERE excerpt_id = ?)
                     OR EXISTS (SELECT 1 FROM insight_evidence WHERE excerpt_id = ?)
                     OR EXISTS (SELECT 1 FROM hypothesis_evidence WHERE excerpt_id = ?)`,
        excerptId,
        excerptId,
        excerptId,
      ) !== undefined
    );
  }

  /** Deletes excerpts left without codings and without references; returns their ids. */
  deleteOrphans(ids: readonly ExcerptId[]): ExcerptId[] {
    const removed: ExcerptId[] = [];
    for (const id of ids) {
      if (this.countCodings(id) === 0 && !this.isReferenced(id)) {
        this.delete(id);
        removed.push(id);
      }
    }
    return removed;
  }

  /** Excerpts coded with this code, for cleanup after codings are removed. */
  idsCodedWith(codeId: CodeId): ExcerptId[] {
    return this.sql
      .all<{ id: ExcerptId }>(
        `SELECT DISTINCT excerpt_id AS id FROM codings WHERE code_id = ? ORDER BY excerpt_id`,
        codeId,
      )
      .map((r) => r.id);
  }

  delete(id: ExcerptId): void {
    this.sql.run(`DELETE FROM memos WHERE target_kind = 'excerpt' AND target_id = ?`, id);
    // Its cards go by cascade; votes name cards without a foreign key, and a card id can be
    // reused by the next card, which must not inherit them.
    this.sql.run(
      `DELETE FROM votes WHERE target_kind = 'card' AND target_id IN (SELECT id FROM cards WHERE excerpt_id = ?)`,
      id,
    );
    this.sql.run(`DELETE FROM excerpts WHERE id = ?`, id);
  }
}
