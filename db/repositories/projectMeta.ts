/** The single project_meta row and the project-wide counts. */
import type { ProjectCounts } from '../../core/contract/types.js';
import { nowIso, type Sql } from './sql.js';

export interface ProjectMetaRow {
  name: string;
  description: string;
  createdAt: string;
  defaultLanguage: string | null;
}

export class ProjectMetaRepo {
  constructor(private readonly sql: Sql) {}

  get(): ProjectMetaRow | undefined {
    return this.sql.get<ProjectMetaRow>(
      `SELECT name, description, created_at AS createdAt, default_language AS defaultLanguage
         FROM project_meta WHERE id = 1`,
    );
  }

  /** Writes the row if it is missing (new projects, and files migrated from schema 0). */
  ensure(name: string): ProjectMetaRow {
    this.sql.run(`INSERT OR IGNORE INTO project_meta (id, name, created_at) VALUES (1, ?, ?)`, name, nowIso());
    return this.get() as ProjectMetaRow;
  }

  /** The schema version the open file is at (PRAGMA user_version). */
  schemaVersion(): number {
    return this.sql.db.pragma('user_version', { simple: true }) as number;
  }

  /** The project's settings object (project_meta.settings, JSON); {} when missing or damaged. */
  settings(): Record<string, unknown> {
    const row = this.sql.get<{ settings: string }>(`SELECT settings FROM project_meta WHERE id = 1`);
    try {
      const parsed: unknown = JSON.parse(row?.settings ?? '{}');
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  /** Sets one key of the settings object, keeping the others. */
  setSetting(key: string, value: unknown): void {
    this.sql.run(
      `UPDATE project_meta SET settings = json_set(settings, '$.' || json_quote(?), json(?)) WHERE id = 1`,
      key,
      JSON.stringify(value),
    );
  }

  rename(name: string): void {
    this.sql.run(`UPDATE project_meta SET name = ? WHERE id = 1`, name);
  }

  counts(): ProjectCounts {
    return this.sql.get<ProjectCounts>(
      `SELECT
         (SELECT count(*) FROM documents)    AS documents,
         (SELECT count(*) FROM participants) AS participants,
         (SELECT count(*) FROM codes)        AS codes,
         (SELECT count(*) FROM excerpts)     AS excerpts,
         (SELECT count(*) FROM codings)      AS codings,
         (SELECT count(*) FROM memos)        AS memos,
         (SELECT count(*) FROM boards)       AS boards,
         (SELECT count(*) FROM cards)        AS cards,
         (SELECT count(*) FROM insights)     AS insights,
         (SELECT count(*) FROM hypotheses)   AS hypotheses,
         (SELECT count(*) FROM studies)      AS studies`,
    ) as ProjectCounts;
  }
}
