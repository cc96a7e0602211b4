/** Hypotheses, the excerpts that support or contradict them, and the history of their status. */
import type { HypothesisId, HypothesisStatus, Stance } from '../../core/contract/hypotheses-types.js';
import type { CoderId, ExcerptId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface HypothesisRow {
  id: HypothesisId;
  statement: string;
  rationale: string;
  status: HypothesisStatus;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceRow {
  hypothesisId: HypothesisId;
  excerptId: ExcerptId;
  stance: Stance;
  note: string;
  text: string;
  documentTitle: string;
  participant: string | null;
}

export interface StatusChangeRow {
  hypothesisId: HypothesisId;
  status: HypothesisStatus;
  note: string;
  coder: string | null;
  at: string;
}

const COLUMNS = `id, statement, rationale, status, created_at AS createdAt, updated_at AS updatedAt`;

export class HypothesesRepo {
  constructor(private readonly sql: Sql) {}

  list(): HypothesisRow[] {
    return this.sql.all<HypothesisRow>(`SELECT ${COLUMNS} FROM hypotheses ORDER BY id`);
  }

  get(id: HypothesisId): HypothesisRow | undefined {
    return this.sql.get<HypothesisRow>(`SELECT ${COLUMNS} FROM hypotheses WHERE id = ?`, id);
  }

  insert(statement: string, rationale: string, coderId: CoderId | null): HypothesisId {
    const now = nowIso();
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO hypotheses (guid, statement, rationale, status, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?)`,
      newGuid(),
      statement,
      rationale,
      now,
      now,
    );
    const id = lastInsertRowid as HypothesisId;
    this.recordStatus(id, 'open', '', coderId, now);
    return id;
  }

  update(id: HypothesisId, fields: { statement?: string | undefined; rationale?: string | undefined }): void {
    this.sql.run(
      `UPDATE hypotheses SET statement = coalesce(?, statement), rationale = coalesce(?, rationale), updated_at = ?
        WHERE id = ?`,
      fields.statement ?? null,
      fields.rationale ?? null,
      nowIso(),
      id,
    );
  }

  setStatus(id: HypothesisId, status: HypothesisStatus, note: string, coderId: CoderId | null): void {
    const now = nowIso();
    this.sql.run(`UPDATE hypotheses SET status = ?, updated_at = ? WHERE id = ?`, status, now, id);
    this.recordStatus(id, status, note, coderId, now);
  }

  private recordStatus(id: HypothesisId, status: HypothesisStatus, note: string, coderId: CoderId | null, at: string) {
    this.sql.run(
      `INSERT INTO hypothesis_status_changes (hypothesis_id, status, note, coder_id, changed_at) VALUES (?, ?, ?, ?, ?)`,
      id,
      status,
      note,
      coderId,
      at,
    );
  }

  delete(id: HypothesisId): boolean {
    return this.sql.run(`DELETE FROM hypotheses WHERE id = ?`, id).changes > 0;
  }

  /** Links an excerpt, or changes the stance of one already linked. */
  linkEvidence(id: HypothesisId, excerptId: ExcerptId, stance: Stance, note: string): void {
    this.sql.run(
      `INSERT INTO hypothesis_evidence (hypothesis_id, excerpt_id, stance, note) VALUES (?, ?, ?, ?)
       ON CONFLICT (hypothesis_id, excerpt_id) DO UPDATE SET stance = excluded.stance, note = excluded.note`,
      id,
      excerptId,
      stance,
      note,
    );
  }

  unlinkEvidence(id: HypothesisId, excerptId: ExcerptId): boolean {
    return (
      this.sql.run(`DELETE FROM hypothesis_evidence WHERE hypothesis_id = ? AND excerpt_id = ?`, id, excerptId)
        .changes > 0
    );
  }

  /** Every link with its excerpt's text and where it comes from. */
  evidence(): EvidenceRow[] {
    return this.sql.all<EvidenceRow>(
      `SELECT he.hypothesis_id AS hypothesisId, he.excerpt_id AS excerptId, he.stance, he.note,
              e.text, d.title AS documentTitle,
              p.label AS participant
         FROM hypothesis_evidence he
         JOIN excerpts e ON e.id = he.excerpt_id
         JOIN documents d ON d.id = e.document_id
         LEFT JOIN participants p ON p.id = d.participant_id
        ORDER BY he.hypothesis_id, he.stance DESC, e.document_id, e.start`,
    );
  }

  history(): StatusChangeRow[] {
    return this.sql.all<StatusChangeRow>(
      `SELECT h.hypothesis_id AS hypothesisId, h.status, h.note, k.name AS coder, h.changed_at AS at
         FROM hypothesis_status_changes h LEFT JOIN coders k ON k.id = h.coder_id
        ORDER BY h.hypothesis_id, h.id`,
    );
  }
}
