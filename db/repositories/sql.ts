/**
 * The one place repositories get their statements from: a per-database cache of prepared
 * statements and a transaction helper, so services can group writes without seeing SQL.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';

export class Sql {
  private readonly cache = new Map<string, Statement>();
  constructor(readonly db: Database) {}

  /** Prepares once per database; statements are reused for the life of the connection. */
  prepare(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.prepare(sql).get(...params) as R | undefined;
  }

  all<R>(sql: string, ...params: unknown[]): R[] {
    return this.prepare(sql).all(...params) as R[];
  }

  run(sql: string, ...params: unknown[]): { changes: number; lastInsertRowid: number } {
    const info = this.prepare(sql).run(...params);
    return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
  }

  /**
   * Runs `fn` in one transaction (a savepoint when nested); rolls back if it throws. It begins
   * IMMEDIATE: a transaction that reads and then writes must hold the write lock from its
   * first read, or a concurrent writer (a CLI import beside the app) makes its write fail at
   * once with "database is locked" (SQLITE_BUSY_SNAPSHOT) instead of waiting its turn.
   */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}

export const nowIso = (): string => new Date().toISOString();
export const newGuid = (): string => randomUUID();

/** SQLite booleans are 0/1 integers. */
export const bool = (value: number | null | undefined): boolean => value === 1;
