import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The user_version this migration brings the file to. */
  version: number;
  description: string;
  up(db: Database): void;
}
