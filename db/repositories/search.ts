/**
 * The search index: segments of owner rows (start/end into the owner's text) plus two
 * contentless FTS5 tables sharing the segment rowid — words (unicode61, diacritics folded)
 * and trigrams (for scripts without spaces).
 */
import type { DocumentId } from '../../core/contract/types.js';
import type { Sql } from './sql.js';

export type SegmentOwner = 'document' | 'memo' | 'insight' | 'hypothesis' | 'card';

export interface NewSegment {
  start: number;
  end: number;
  text: string;
}

export interface SegmentHitRow {
  documentId: DocumentId;
  documentTitle: string;
  start: number;
  end: number;
  rank: number;
}

export class SearchRepo {
  constructor(private readonly sql: Sql) {}

  insertSegments(kind: SegmentOwner, ownerId: number, segments: readonly NewSegment[]): void {
    for (const segment of segments) {
      const { lastInsertRowid } = this.sql.run(
        `INSERT INTO search_segments (owner_kind, owner_id, start, "end") VALUES (?, ?, ?, ?)`,
        kind,
        ownerId,
        segment.start,
        segment.end,
      );
      this.sql.run(`INSERT INTO search_words (rowid, text) VALUES (?, ?)`, lastInsertRowid, segment.text);
      this.sql.run(`INSERT INTO search_trigrams (rowid, text) VALUES (?, ?)`, lastInsertRowid, segment.text);
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

  /** Document segments matching an FTS5 expression on the word index, best bm25 first. */
  matchWords(expression: string, limit: number): SegmentHitRow[] {
    return this.sql.all<SegmentHitRow>(
      `SELECT s.owner_id AS documentId, d.title AS documentTitle, s.start, s."end", f.rank
         FROM search_words f
         JOIN search_segments s ON s.id = f.rowid AND s.owner_kind = 'document'
         JOIN documents d ON d.id = s.owner_id
        WHERE search_words MATCH ?
        ORDER BY f.rank, s.owner_id, s.start
        LIMIT ?`,
      expression,
      limit,
    );
  }

  /** Document segments matching an FTS5 expression on the trigram index, best bm25 first. */
  matchTrigrams(expression: string, limit: number): SegmentHitRow[] {
    return this.sql.all<SegmentHitRow>(
      `SELECT s.owner_id AS documentId, d.title AS documentTitle, s.start, s."end", f.rank
         FROM search_trigrams f
         JOIN search_segments s ON s.id = f.rowid AND s.owner_kind = 'document'
         JOIN documents d ON d.id = s.owner_id
        WHERE search_trigrams MATCH ?
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
