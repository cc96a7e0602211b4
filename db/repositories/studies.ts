/** Studies and their rounds (waves). */
import type { Round, StudyId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface StudyRoundRef {
  studyId: StudyId;
  roundId: number;
}

export const DEFAULT_ROUND_NAME = 'Round 1';

export class StudiesRepo {
  constructor(private readonly sql: Sql) {}

  findStudy(name: string): StudyId | undefined {
    return this.sql.get<{ id: StudyId }>(`SELECT id FROM studies WHERE name = ?`, name)?.id;
  }

  insertStudy(name: string): StudyId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO studies (guid, name, created_at) VALUES (?, ?, ?)`,
      newGuid(),
      name,
      nowIso(),
    );
    return lastInsertRowid as StudyId;
  }

  /** Every round with its study's name and how many documents it holds. */
  listRounds(): Round[] {
    return this.sql.all<Round>(
      `SELECT r.id, r.name, s.name AS study,
              (SELECT count(*) FROM documents d WHERE d.round_id = r.id) AS documents
         FROM rounds r JOIN studies s ON s.id = r.study_id
        ORDER BY s.name COLLATE NOCASE, r.position, r.id`,
    );
  }

  /** The study's first round, if it has any. */
  firstRound(studyId: StudyId): number | undefined {
    return this.sql.get<{ id: number }>(
      `SELECT id FROM rounds WHERE study_id = ? ORDER BY position, id LIMIT 1`,
      studyId,
    )?.id;
  }

  findRound(studyId: StudyId, name: string): number | undefined {
    return this.sql.get<{ id: number }>(`SELECT id FROM rounds WHERE study_id = ? AND name = ?`, studyId, name)?.id;
  }

  insertRound(studyId: StudyId, name: string): number {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO rounds (guid, study_id, name, position)
       VALUES (?, ?, ?, (SELECT ifnull(max(position) + 1, 0) FROM rounds WHERE study_id = ?))`,
      newGuid(),
      studyId,
      name,
      studyId,
    );
    return lastInsertRowid;
  }
}
