/**
 * Coders: who made each coding. A coder is a person, known by a GUID that travels with them
 * (kept in their machine's preferences); `is_current` is a column of older files, no longer written.
 */
import type { CoderId } from '../../core/contract/types.js';
import { nowIso, type Sql } from './sql.js';

export interface CoderRow {
  id: CoderId;
  name: string;
  isCurrent: boolean;
}

export class CodersRepo {
  constructor(private readonly sql: Sql) {}

  list(): { id: CoderId; name: string; isCurrent: number; codings: number }[] {
    return this.sql.all(
      `SELECT k.id, k.name, k.is_current AS isCurrent, (SELECT count(*) FROM codings g WHERE g.coder_id = k.id) AS codings
         FROM coders k ORDER BY k.name COLLATE NOCASE, k.id`,
    );
  }

  findByName(name: string): { id: CoderId } | undefined {
    return this.sql.get<{ id: CoderId }>(`SELECT id FROM coders WHERE name = ? ORDER BY id LIMIT 1`, name);
  }

  /** The row of one person, by GUID then name, without writing. */
  find(guid: string, name: string): CoderId | undefined {
    return this.sql.get<{ id: CoderId }>(`SELECT id FROM coders WHERE guid = ?`, guid)?.id ?? this.findByName(name)?.id;
  }

  /**
   * The row of one person: by the GUID that travels with them between projects, else (a file
   * written before coders carried theirs, or an import that named them) by name; created when
   * neither is there.
   */
  resolve(guid: string, name: string): CoderId {
    return this.sql.tx(() => {
      const known = this.find(guid, name);
      if (known !== undefined) return known;
      // is_current stays 0: who is working is the machine's preference, not a row of the shared file.
      const { lastInsertRowid } = this.sql.run(
        `INSERT INTO coders (guid, name, is_current, created_at) VALUES (?, ?, 0, ?)`,
        guid,
        name,
        nowIso(),
      );
      return lastInsertRowid as CoderId;
    });
  }
}
