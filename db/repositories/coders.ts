/** Coders: who made each coding. Exactly one is current on this machine. */
import type { CoderId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface CoderRow {
  id: CoderId;
  name: string;
  isCurrent: boolean;
}

export class CodersRepo {
  constructor(private readonly sql: Sql) {}

  current(): CoderRow | undefined {
    const row = this.sql.get<{ id: CoderId; name: string }>(`SELECT id, name FROM coders WHERE is_current = 1`);
    return row ? { ...row, isCurrent: true } : undefined;
  }

  list(): { id: CoderId; name: string; isCurrent: number; codings: number }[] {
    return this.sql.all(
      `SELECT k.id, k.name, k.is_current AS isCurrent, (SELECT count(*) FROM codings g WHERE g.coder_id = k.id) AS codings
         FROM coders k ORDER BY k.name COLLATE NOCASE, k.id`,
    );
  }

  findByName(name: string): { id: CoderId } | undefined {
    return this.sql.get<{ id: CoderId }>(`SELECT id FROM coders WHERE name = ? ORDER BY id LIMIT 1`, name);
  }

  /** Makes the coder with this name current, creating it on first use. */
  makeCurrent(name: string): CoderRow {
    return this.sql.tx(() => {
      const existing = this.sql.get<{ id: CoderId; isCurrent: number }>(
        `SELECT id, is_current AS isCurrent FROM coders WHERE name = ? ORDER BY id LIMIT 1`,
        name,
      );
      if (existing?.isCurrent === 1) return { id: existing.id, name, isCurrent: true };
      this.sql.run(`UPDATE coders SET is_current = 0 WHERE is_current = 1`);
      if (existing) {
        this.sql.run(`UPDATE coders SET is_current = 1 WHERE id = ?`, existing.id);
        return { id: existing.id, name, isCurrent: true };
      }
      const { lastInsertRowid } = this.sql.run(
        `INSERT INTO coders (guid, name, is_current, created_at) VALUES (?, ?, 1, ?)`,
        newGuid(),
        name,
        nowIso(),
      );
      return { id: lastInsertRowid as CoderId, name, isCurrent: true };
    });
  }
}
