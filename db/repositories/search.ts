/**
 * The search index: segments of owner rows (start/end into the owner's text) plus three
 * contentless FTS5 tables sharing the segment rowid — words (the segment's words folded by
 * core/text/fold.ts, schema v4),
 * trigrams (substrings of three characters or more) and cjk (Intl.Segmenter words and single
 * characters of scripts without spaces, for one- and two-character words; schema v2).
 */
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { cjkColumns } from '../../core/text/cjk.js';
import { indexWords } from '../../core/text/fold.js';
import type { Sql } from './sql.js';

export type SearchTable = 'words' | 'trigrams' | 'cjk';

const FTS_TABLE: Record<SearchTable, string> = {
  words: 'search_words',
  trigrams: 'search_trigrams',
  cjk: 'search_cjk',
};

export interface SegmentFilters {
  documentId?: DocumentId | undefined;
  /** Segments overlapping an excerpt coded with this code. */
  codeId?: CodeId | undefined;
  round?: string | undefined;
  attributes?: Record<string, string> | undefined;
}

export interface MemoSegmentHitRow {
  memoId: number;
  targetKind: string;
  targetId: number | null;
  title: string;
  start: number;
  end: number;
  rank: number;
}

export type SegmentOwner = 'document' | 'memo' | 'insight' | 'hypothesis' | 'card';

export interface NewSegment {
  start: number;
  end: number;
  text: string;
  /** The segment's UTF-8 byte range in its owner's text (schema v3); lets search read only it. */
  byteStart?: number | undefined;
  byteEnd?: number | undefined;
}

export interface SegmentHitRow {
  documentId: DocumentId;
  documentTitle: string;
  /** The document's participant label (filled by matchDocuments). */
  participant?: string | null;
  start: number;
  end: number;
  rank: number;
  /**
   * The segment's UTF-8 bytes with up to WINDOW_MARGIN bytes either side, cut from the
   * document (null when the segment's byte range is unknown: read the whole text).
   */
  window?: Uint8Array | null;
  /** Bytes of the window before the segment. */
  windowBefore?: number | null;
  /** Bytes asked for; fewer came back when the window reached the end of the document. */
  windowAsked?: number | null;
}

/**
 * Bytes fetched either side of a hit segment: at 3 bytes per UTF-16 unit at worst, still more
 * than a snippet's 60 units of context (core/text/snippet.ts) after trimming a cut character.
 */
export const WINDOW_MARGIN = 256;

export class SearchRepo {
  constructor(private readonly sql: Sql) {}

  insertSegments(kind: SegmentOwner, ownerId: number, segments: readonly NewSegment[]): void {
    for (const segment of segments) {
      const { lastInsertRowid } = this.sql.run(
        `INSERT INTO search_segments (owner_kind, owner_id, start, "end", byte_start, byte_end) VALUES (?, ?, ?, ?, ?, ?)`,
        kind,
        ownerId,
        segment.start,
        segment.end,
        segment.byteStart ?? null,
        segment.byteEnd ?? null,
      );
      this.sql.run(`INSERT INTO search_words (rowid, text) VALUES (?, ?)`, lastInsertRowid, indexWords(segment.text));
      this.sql.run(`INSERT INTO search_trigrams (rowid, text) VALUES (?, ?)`, lastInsertRowid, segment.text);
      const columns = cjkColumns(segment.text);
      if (columns) {
        this.sql.run(
          `INSERT INTO search_cjk (rowid, words, chars) VALUES (?, ?, ?)`,
          lastInsertRowid,
          columns.words,
          columns.chars,
        );
      }
    }
  }

  deleteSegments(kind: SegmentOwner, ownerId: number): void {
    const ids = this.sql.all<{ id: number }>(
      `SELECT id FROM search_segments WHERE owner_kind = ? AND owner_id = ?`,
      kind,
      ownerId,
    );
    for (const { id } of ids) {
      this.sql.run(`DELETE FROM search_words WHERE rowid = ?`, id);
      this.sql.run(`DELETE FROM search_trigrams WHERE rowid = ?`, id);
      this.sql.run(`DELETE FROM search_cjk WHERE rowid = ?`, id);
    }
    this.sql.run(`DELETE FROM search_segments WHERE owner_kind = ? AND owner_id = ?`, kind, ownerId);
  }

  countSegments(kind: SegmentOwner, ownerId: number): number {
    return (
      this.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM search_segments WHERE owner_kind = ? AND owner_id = ?`,
        kind,
        ownerId,
      )?.n ?? 0
    );
  }

  /** Document segments matching an FTS5 expression on one index, best bm25 first, filtered. */
  matchDocuments(table: SearchTable, expression: string, limit: number, filters: SegmentFilters = {}): SegmentHitRow[] {
    const where: string[] = [];
    const params: unknown[] = [expression];
    if (filters.documentId !== undefined) {
      where.push('s.owner_id = ?');
      params.push(filters.documentId);
    }
    if (filters.codeId !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM excerpts e JOIN codings g ON g.excerpt_id = e.id
                          WHERE e.document_id = s.owner_id AND g.code_id = ? AND e.start < s."end" AND e."end" > s.start)`);
      params.push(filters.codeId);
    }
    if (filters.round !== undefined) {
      where.push('d.round_id IN (SELECT id FROM rounds WHERE name = ? COLLATE NOCASE)');
      params.push(filters.round);
    }
    for (const [name, value] of Object.entries(filters.attributes ?? {})) {
      where.push(`EXISTS (SELECT 1 FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
                           WHERE v.participant_id = d.participant_id AND a.name = ? AND v.value = ? COLLATE NOCASE)`);
      params.push(name, value);
    }
    params.push(limit);
    const fts = FTS_TABLE[table];
    // The ranked, limited hits first (a LIMITed subquery is not flattened into the join), so
    // substr() reads document texts only for the rows returned, not for every match.
    return this.sql.all<SegmentHitRow>(
      `SELECT h.documentId, h.documentTitle, h.participant, h.start, h."end", h.rank,
              min(h.byteStart, ${WINDOW_MARGIN}) AS windowBefore,
              h.byteEnd - h.byteStart + min(h.byteStart, ${WINDOW_MARGIN}) + ${WINDOW_MARGIN} AS windowAsked,
              substr(CAST(t.text AS BLOB), max(h.byteStart - ${WINDOW_MARGIN}, 0) + 1,
                     h.byteEnd - h.byteStart + min(h.byteStart, ${WINDOW_MARGIN}) + ${WINDOW_MARGIN}) AS window
         FROM (SELECT s.owner_id AS documentId, d.title AS documentTitle, p.label AS participant,
                      s.start, s."end", f.rank, s.byte_start AS byteStart, s.byte_end AS byteEnd
                 FROM ${fts} f
                 JOIN search_segments s ON s.id = f.rowid AND s.owner_kind = 'document'
                 JOIN documents d ON d.id = s.owner_id
                 LEFT JOIN participants p ON p.id = d.participant_id
                WHERE ${fts} MATCH ?${where.map((w) => ` AND ${w}`).join('')}
                ORDER BY f.rank, s.owner_id, s.start
                LIMIT ?) h
         JOIN documents t ON t.id = h.documentId
        ORDER BY h.rank, h.documentId, h.start`,
      ...params,
    );
  }

  /** Ranges of a document's excerpts that carry a code (to skip extents they already cover). */
  codedRanges(documentId: DocumentId, codeId: CodeId): { start: number; end: number }[] {
    return this.sql.all(
      `SELECT e.start, e."end" FROM excerpts e JOIN codings g ON g.excerpt_id = e.id
        WHERE e.document_id = ? AND g.code_id = ? ORDER BY e.start`,
      documentId,
      codeId,
    );
  }

  /** Which of these documents have any excerpt (so hits elsewhere skip the code look-up). */
  documentsWithExcerpts(ids: readonly DocumentId[]): Set<DocumentId> {
    const rows = this.sql.all<{ id: DocumentId }>(
      `SELECT DISTINCT document_id AS id FROM excerpts WHERE document_id IN (SELECT value FROM json_each(?))`,
      JSON.stringify(ids),
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Memo segments matching an FTS5 expression, best bm25 first. */
  matchMemos(table: SearchTable, expression: string, limit: number): MemoSegmentHitRow[] {
    const fts = FTS_TABLE[table];
    return this.sql.all<MemoSegmentHitRow>(
      `SELECT m.id AS memoId, m.target_kind AS targetKind, m.target_id AS targetId, m.title, s.start, s."end", f.rank
         FROM ${fts} f
         JOIN search_segments s ON s.id = f.rowid AND s.owner_kind = 'memo'
         JOIN memos m ON m.id = s.owner_id
        WHERE ${fts} MATCH ?
        ORDER BY f.rank, m.id, s.start
        LIMIT ?`,
      expression,
      limit,
    );
  }

  /** Document segments matching an FTS5 expression on one index, best bm25 first (no filters). */
  matchSegments(table: SearchTable, expression: string, limit: number): SegmentHitRow[] {
    const fts = FTS_TABLE[table];
    return this.sql.all<SegmentHitRow>(
      `SELECT s.owner_id AS documentId, d.title AS documentTitle, s.start, s."end", f.rank
         FROM ${fts} f
         JOIN search_segments s ON s.id = f.rowid AND s.owner_kind = 'document'
         JOIN documents d ON d.id = s.owner_id
        WHERE ${fts} MATCH ?
        ORDER BY f.rank, s.owner_id, s.start
        LIMIT ?`,
      expression,
      limit,
    );
  }

  /**
   * Segments of documents whose text contains every needle (instr is exact, so callers fold
   * case themselves); the fallback for queries too short for trigrams.
   */
  scanDocuments(needles: readonly string[]): { documentId: DocumentId; documentTitle: string; text: string }[] {
    const where = needles.map(() => `instr(text, ?) > 0`).join(' AND ');
    return this.sql.all(
      `SELECT id AS documentId, title AS documentTitle, text FROM documents WHERE ${where || '1'} ORDER BY id`,
      ...needles,
    );
  }

  segmentsOf(kind: SegmentOwner, ownerId: number): { start: number; end: number }[] {
    return this.sql.all(
      `SELECT start, "end" FROM search_segments WHERE owner_kind = ? AND owner_id = ? ORDER BY start`,
      kind,
      ownerId,
    );
  }
}
