/** Documents and their turns. Text is stored once and never edited in place. */
import type { DocumentId, ParticipantId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export type DocumentKind = 'interview' | 'notes' | 'survey_response' | 'field_note' | 'other';

export interface NewDocument {
  title: string;
  kind: DocumentKind;
  format: string;
  text: string;
  language: string | null;
  sourceId: number | null;
  participantId: ParticipantId | null;
  roundId: number | null;
}

export interface NewTurn {
  speaker: string | null;
  participantId: ParticipantId | null;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
}

export interface DocumentSummaryRow {
  id: DocumentId;
  title: string;
  format: string;
  participant: string | null;
  participantId: ParticipantId | null;
  chars: number;
  turns: number;
  excerpts: number;
}

export interface DocumentRow {
  id: DocumentId;
  title: string;
  format: string;
  text: string;
  language: string | null;
  participantId: ParticipantId | null;
  participant: string | null;
}

export interface TurnRow {
  speaker: string | null;
  participantId: ParticipantId | null;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
}

const SUMMARY = `
  SELECT d.id, d.title, d.format, p.label AS participant, d.participant_id AS participantId,
         (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
         (SELECT count(*) FROM excerpts e WHERE e.document_id = d.id) AS excerpts
    FROM documents d LEFT JOIN participants p ON p.id = d.participant_id`;

type SummaryQueryRow = Omit<DocumentSummaryRow, 'chars'>;

export class DocumentsRepo {
  /** UTF-16 lengths by document; SQLite counts code points, and text never changes once stored. */
  private readonly lengths = new Map<DocumentId, number>();
  constructor(private readonly sql: Sql) {}

  private utf16Length(id: DocumentId): number {
    let length = this.lengths.get(id);
    if (length === undefined) {
      length = this.text(id)?.length ?? 0;
      this.lengths.set(id, length);
    }
    return length;
  }

  private toSummary = (row: SummaryQueryRow): DocumentSummaryRow => ({ ...row, chars: this.utf16Length(row.id) });

  insert(doc: NewDocument): DocumentId {
    const now = nowIso();
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO documents (guid, title, kind, format, text, language, source_id, participant_id, round_id,
                              created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      doc.title,
      doc.kind,
      doc.format,
      doc.text,
      doc.language,
      doc.sourceId,
      doc.participantId,
      doc.roundId,
      now,
      now,
    );
    return lastInsertRowid as DocumentId;
  }

  insertTurns(documentId: DocumentId, turns: readonly NewTurn[]): void {
    turns.forEach((turn, ordinal) => {
      this.sql.run(
        `INSERT INTO turns (document_id, ordinal, speaker, participant_id, start, "end", start_ms, end_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        documentId,
        ordinal,
        turn.speaker,
        turn.participantId,
        turn.start,
        turn.end,
        turn.startMs,
        turn.endMs,
      );
    });
  }

  /** Summaries in import order. `chars` counts UTF-16 code units, like every offset. */
  list(): DocumentSummaryRow[] {
    return this.sql.all<SummaryQueryRow>(`${SUMMARY} ORDER BY d.id`).map(this.toSummary);
  }

  summary(id: DocumentId): DocumentSummaryRow | undefined {
    const row = this.sql.get<SummaryQueryRow>(`${SUMMARY} WHERE d.id = ?`, id);
    return row ? this.toSummary(row) : undefined;
  }

  get(id: DocumentId): DocumentRow | undefined {
    return this.sql.get<DocumentRow>(
      `SELECT d.id, d.title, d.format, d.text, d.language, d.participant_id AS participantId, p.label AS participant
         FROM documents d LEFT JOIN participants p ON p.id = d.participant_id WHERE d.id = ?`,
      id,
    );
  }

  /** Documents made from one imported source (a survey CSV makes many). */
  idsBySource(sourceId: number): DocumentId[] {
    return this.sql
      .all<{ id: DocumentId }>(`SELECT id FROM documents WHERE source_id = ? ORDER BY id`, sourceId)
      .map((r) => r.id);
  }

  exists(id: DocumentId): boolean {
    return this.sql.get(`SELECT 1 FROM documents WHERE id = ?`, id) !== undefined;
  }

  text(id: DocumentId): string | undefined {
    return this.sql.get<{ text: string }>(`SELECT text FROM documents WHERE id = ?`, id)?.text;
  }

  turns(id: DocumentId): TurnRow[] {
    return this.sql.all<TurnRow>(
      `SELECT speaker, participant_id AS participantId, start, "end", start_ms AS startMs, end_ms AS endMs
         FROM turns WHERE document_id = ? ORDER BY ordinal`,
      id,
    );
  }

  /** Each document's language, for reports that mark quotes with their language. */
  languages(): Map<DocumentId, string | null> {
    const rows = this.sql.all<{ id: DocumentId; language: string | null }>(`SELECT id, language FROM documents`);
    return new Map(rows.map((r) => [r.id, r.language]));
  }

  /** Every distinct speaker name, with the participant its turns are linked to (null when none). */
  speakers(): { speaker: string; participantId: ParticipantId | null }[] {
    return this.sql.all<{ speaker: string; participantId: ParticipantId | null }>(
      `SELECT DISTINCT speaker, participant_id AS participantId FROM turns WHERE speaker IS NOT NULL AND speaker <> ''`,
    );
  }

  /** Each document with the name of the file it was imported from (null for pasted text). */
  fileNames(): { id: DocumentId; fileName: string | null }[] {
    return this.sql.all<{ id: DocumentId; fileName: string | null }>(
      `SELECT d.id, s.file_name AS fileName FROM documents d LEFT JOIN sources s ON s.id = d.source_id ORDER BY d.id`,
    );
  }

  /** Gives a speaker's turns in one document to a participant (the speaker is that person). */
  setSpeakerParticipant(id: DocumentId, speaker: string, participantId: ParticipantId | null): void {
    this.sql.run(
      `UPDATE turns SET participant_id = ? WHERE document_id = ? AND speaker = ? AND participant_id IS NOT ?`,
      participantId,
      id,
      speaker,
      participantId,
    );
  }

  setParticipant(id: DocumentId, participantId: ParticipantId | null): void {
    this.sql.run(`UPDATE documents SET participant_id = ?, updated_at = ? WHERE id = ?`, participantId, nowIso(), id);
  }
}
