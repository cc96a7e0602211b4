/** The codebook: a tree of codes with sibling order, and the codings that point at them. */
import type { CodeId, CoderId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface CodeRow {
  id: CodeId;
  name: string;
  parentId: CodeId | null;
  parent: string | null;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  /** Index among its siblings (derived from the order keys). */
  position: number;
  /** Distinct excerpts coded with this code. */
  excerpts: number;
  /** Distinct documents / participants (via the document) with an excerpt coded with this code. */
  documents: number;
  participants: number;
}

const SELECT = `
  SELECT c.id, c.name, c.parent_id AS parentId, p.name AS parent, c.color, c.description,
         c.inclusion, c.exclusion, c.example,
         (SELECT count(*) FROM codes s WHERE s.parent_id IS c.parent_id
             AND (s.order_key < c.order_key OR (s.order_key = c.order_key AND s.id < c.id))) AS position,
         ifnull(n.excerpts, 0) AS excerpts, ifnull(n.documents, 0) AS documents, ifnull(n.participants, 0) AS participants
    FROM codes c LEFT JOIN codes p ON p.id = c.parent_id
    LEFT JOIN (
      SELECT g.code_id, count(DISTINCT g.excerpt_id) AS excerpts, count(DISTINCT e.document_id) AS documents,
             count(DISTINCT d.participant_id) AS participants
        FROM codings g JOIN excerpts e ON e.id = g.excerpt_id JOIN documents d ON d.id = e.document_id
       GROUP BY g.code_id) n ON n.code_id = c.id`;

export interface NewCode {
  name: string;
  parentId: CodeId | null;
  color: string;
  description: string;
  createdBy: CoderId | null;
}

export class CodesRepo {
  constructor(private readonly sql: Sql) {}

  /** Depth-first is the caller's job; this is sibling order within each parent. */
  list(): CodeRow[] {
    return this.sql.all<CodeRow>(`${SELECT} ORDER BY c.parent_id, c.order_key, c.id`);
  }

  get(id: CodeId): CodeRow | undefined {
    return this.sql.get<CodeRow>(`${SELECT} WHERE c.id = ?`, id);
  }

  /** A sibling with this name (case-insensitive, as the unique index compares), if any. */
  findSibling(parentId: CodeId | null, name: string): CodeId | undefined {
    return this.sql.get<{ id: CodeId }>(
      `SELECT id FROM codes WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND name = ? COLLATE NOCASE`,
      parentId,
      name,
    )?.id;
  }

  findByName(name: string): CodeRow[] {
    return this.sql.all<CodeRow>(`${SELECT} WHERE c.name = ? COLLATE NOCASE ORDER BY c.id`, name);
  }

  /** Ordered ids of a parent's children (top level when null). */
  childIds(parentId: CodeId | null): CodeId[] {
    return this.children(parentId).map((r) => r.id);
  }

  /** A parent's children (top level when null) with their order keys, in order. */
  children(parentId: CodeId | null): { id: CodeId; key: string }[] {
    return this.sql.all<{ id: CodeId; key: string }>(
      `SELECT id, order_key AS key FROM codes WHERE parent_id IS ? ORDER BY order_key, id`,
      parentId,
    );
  }

  /** The last order key among a parent's children, or null when it has none. */
  lastKey(parentId: CodeId | null): string | null {
    return (
      this.sql.get<{ key: string | null }>(`SELECT max(order_key) AS key FROM codes WHERE parent_id IS ?`, parentId)
        ?.key ?? null
    );
  }

  /** The chain of ancestors from the code's parent up to the root. */
  ancestorIds(id: CodeId): CodeId[] {
    return this.sql
      .all<{ id: CodeId }>(
        `WITH RECURSIVE up(id) AS (
           SELECT parent_id FROM codes WHERE id = ?
           UNION ALL
           SELECT c.parent_id FROM codes c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL)
         SELECT id FROM up WHERE id IS NOT NULL`,
        id,
      )
      .map((r) => r.id);
  }

  insert(code: NewCode, orderKey: string): CodeId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO codes (guid, parent_id, name, color, description, order_key, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      code.parentId,
      code.name,
      code.color,
      code.description,
      orderKey,
      code.createdBy,
      nowIso(),
    );
    return lastInsertRowid as CodeId;
  }

  rename(id: CodeId, name: string): void {
    this.sql.run(`UPDATE codes SET name = ? WHERE id = ?`, name, id);
  }

  setColor(id: CodeId, color: string): void {
    this.sql.run(`UPDATE codes SET color = ? WHERE id = ?`, color, id);
  }

  setDescription(id: CodeId, description: string): void {
    this.sql.run(`UPDATE codes SET description = ? WHERE id = ?`, description, id);
  }

  setNotes(
    id: CodeId,
    notes: { inclusion?: string | undefined; exclusion?: string | undefined; example?: string | undefined },
  ): void {
    this.sql.run(
      `UPDATE codes SET inclusion = ifnull(?, inclusion), exclusion = ifnull(?, exclusion), example = ifnull(?, example)
        WHERE id = ?`,
      notes.inclusion ?? null,
      notes.exclusion ?? null,
      notes.example ?? null,
      id,
    );
  }

  /** Places a code under a parent (top level when null) at an order key: one row written. */
  place(id: CodeId, parentId: CodeId | null, orderKey: string): void {
    this.sql.run(`UPDATE codes SET parent_id = ?, order_key = ? WHERE id = ?`, parentId, orderKey, id);
  }

  delete(id: CodeId): void {
    this.sql.run(`DELETE FROM codes WHERE id = ?`, id);
  }

  countCodings(id: CodeId): number {
    return this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM codings WHERE code_id = ?`, id)?.n ?? 0;
  }

  /** Hands a code's codings to another code; where the target already codes the excerpt, the duplicate is dropped. */
  moveCodings(from: CodeId, to: CodeId): { moved: number; merged: number } {
    const moved = this.sql.run(`UPDATE OR IGNORE codings SET code_id = ? WHERE code_id = ?`, to, from).changes;
    const merged = this.sql.run(`DELETE FROM codings WHERE code_id = ?`, from).changes;
    return { moved, merged };
  }

  /** Moves the codings of `from` on the given excerpts to `to`; duplicates (same excerpt and coder) collapse. */
  moveCodingsOf(from: CodeId, to: CodeId, excerptIds: readonly number[]): number {
    const json = JSON.stringify(excerptIds);
    const moved = this.sql.run(
      `UPDATE OR IGNORE codings SET code_id = ? WHERE code_id = ? AND excerpt_id IN (SELECT value FROM json_each(?))`,
      to,
      from,
      json,
    ).changes;
    this.sql.run(
      `DELETE FROM codings WHERE code_id = ? AND excerpt_id IN (SELECT value FROM json_each(?))`,
      from,
      json,
    );
    return moved;
  }

  /**
   * Memos about `from` become memos about `to`; board groups bound to it bind to `to` and take
   * its name (a bound group is named like its code).
   */
  handOver(from: CodeId, to: CodeId): void {
    this.sql.run(`UPDATE memos SET target_id = ? WHERE target_kind = 'code' AND target_id = ?`, to, from);
    this.sql.run(
      `UPDATE board_groups SET bound_code_id = ?, name = (SELECT name FROM codes WHERE id = ?) WHERE bound_code_id = ?`,
      to,
      to,
      from,
    );
  }

  /** Ids of the code and all its descendants. */
  subtreeIds(id: CodeId): CodeId[] {
    return this.sql
      .all<{ id: CodeId }>(
        `WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id)
         SELECT id FROM down`,
        id,
      )
      .map((r) => r.id);
  }

  deleteCodings(id: CodeId): number {
    return this.sql.run(`DELETE FROM codings WHERE code_id = ?`, id).changes;
  }
}
