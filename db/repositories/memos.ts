/** Memos attached to any target. Bodies are Markdown. */
import type { CoderId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export type MemoTarget =
  | 'project'
  | 'document'
  | 'code'
  | 'excerpt'
  | 'participant'
  | 'insight'
  | 'hypothesis'
  | 'board';

export interface MemoRow {
  id: number;
  targetId: number | null;
  title: string;
  body: string;
}

export class MemosRepo {
  constructor(private readonly sql: Sql) {}

  /** The first memo on a target: for excerpts, "the" memo. */
  firstFor(kind: MemoTarget, targetId: number): MemoRow | undefined {
    return this.sql.get<MemoRow>(
      `SELECT id, target_id AS targetId, title, body FROM memos
        WHERE target_kind = ? AND target_id = ? ORDER BY id LIMIT 1`,
      kind,
      targetId,
    );
  }

  /** First memo per target of a kind, as a map target id → body. */
  bodiesByTarget(kind: MemoTarget): Map<number, string> {
    const rows = this.sql.all<{ targetId: number; body: string }>(
      `SELECT target_id AS targetId, body FROM memos
        WHERE id IN (SELECT min(id) FROM memos WHERE target_kind = ? GROUP BY target_id)`,
      kind,
    );
    return new Map(rows.map((r) => [r.targetId, r.body]));
  }

  insert(kind: MemoTarget, targetId: number | null, body: string, authorId: CoderId | null, title = ''): number {
    const now = nowIso();
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO memos (guid, target_kind, target_id, title, body, author_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      kind,
      targetId,
      title,
      body,
      authorId,
      now,
      now,
    );
    return lastInsertRowid;
  }

  updateBody(id: number, body: string): void {
    this.sql.run(`UPDATE memos SET body = ?, updated_at = ? WHERE id = ?`, body, nowIso(), id);
  }

  deleteFor(kind: MemoTarget, targetId: number): number {
    return this.sql.run(`DELETE FROM memos WHERE target_kind = ? AND target_id = ?`, kind, targetId).changes;
  }
}
