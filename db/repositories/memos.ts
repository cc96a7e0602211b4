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
  /** Reading memos with their author, editing and deleting them one by one. */
  readonly detail: MemoQueries;
  constructor(private readonly sql: Sql) {
    this.detail = new MemoQueries(sql);
  }

  get(id: number): MemoDetailRow | undefined {
    return this.detail.get(id);
  }

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

export interface MemoDetailRow {
  id: number;
  targetKind: MemoTarget;
  targetId: number | null;
  title: string;
  body: string;
  author: string | null;
  createdAt: string;
  updatedAt: string;
}

const DETAIL = `SELECT m.id, m.target_kind AS targetKind, m.target_id AS targetId, m.title, m.body, k.name AS author,
                       m.created_at AS createdAt, m.updated_at AS updatedAt
                  FROM memos m LEFT JOIN coders k ON k.id = m.author_id`;

export class MemoQueries {
  constructor(private readonly sql: Sql) {}

  get(id: number): MemoDetailRow | undefined {
    return this.sql.get<MemoDetailRow>(`${DETAIL} WHERE m.id = ?`, id);
  }

  /** Memos, newest change first; by target kind, and by target when an id (or null for the project) is given. */
  list(kind?: MemoTarget, targetId?: number | null): MemoDetailRow[] {
    if (kind === undefined) return this.sql.all<MemoDetailRow>(`${DETAIL} ORDER BY m.updated_at DESC, m.id DESC`);
    if (targetId === undefined) {
      return this.sql.all<MemoDetailRow>(
        `${DETAIL} WHERE m.target_kind = ? ORDER BY m.updated_at DESC, m.id DESC`,
        kind,
      );
    }
    return this.sql.all<MemoDetailRow>(
      `${DETAIL} WHERE m.target_kind = ? AND m.target_id IS ? ORDER BY m.updated_at DESC, m.id DESC`,
      kind,
      targetId,
    );
  }

  update(id: number, fields: { title?: string | undefined; body?: string | undefined }): void {
    this.sql.run(
      `UPDATE memos SET title = ifnull(?, title), body = ifnull(?, body), updated_at = ? WHERE id = ?`,
      fields.title ?? null,
      fields.body ?? null,
      nowIso(),
      id,
    );
  }

  delete(id: number): void {
    this.sql.run(`DELETE FROM memos WHERE id = ?`, id);
  }
}
