/**
 * Opening and creating project files. A project is one SQLite file in WAL mode with foreign
 * keys on. Files that are not SQLite, or that a newer Quarry wrote, are refused before
 * anything is written to them.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import Database from 'better-sqlite3';
import { badInput, conflict, notFound, QuarryError } from '../core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export type { Db };

const SQLITE_HEADER = 'SQLite format 3\0';

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
}

/** Refuses anything that is not a SQLite database, without opening it for writing. */
function assertSqliteFile(path: string): void {
  if (!existsSync(path))
    throw notFound(`There is no project at ${path}. Check the path, or create one with "quarry new".`);
  const stat = statSync(path);
  if (!stat.isFile()) throw badInput(`${path} is not a file. A Quarry project is a single .quarry file.`);
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw badInput(`${path} is not a Quarry project (it is not a SQLite database). It was left untouched.`);
  }
}

/** Reads the schema version read-only, so a file from a newer Quarry is never modified. */
export function readSchemaVersion(path: string): number {
  assertSqliteFile(path);
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    throw badInput(`${path} could not be read as a Quarry project: ${(err as Error).message}. It was left untouched.`);
  } finally {
    probe.close();
  }
}

/** Brings a database to the current schema, one transaction per step. */
export function migrate(db: Db): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) {
    throw conflict(
      `This project was saved by a newer version of Quarry (schema ${from}; this version reads up to ${SCHEMA_VERSION}). Update Quarry to open it. The file was left untouched.`,
    );
  }
  for (const step of MIGRATIONS) {
    if (step.version <= from) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return { from, to: SCHEMA_VERSION };
}

export interface OpenedDb {
  db: Db;
  migratedFrom: number;
}

/** Opens an existing project, migrating older schemas forward. */
export function openProjectDb(path: string): OpenedDb {
  const version = readSchemaVersion(path);
  if (version > SCHEMA_VERSION) {
    throw conflict(
      `This project was saved by a newer version of Quarry (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update Quarry to open it. The file was left untouched.`,
    );
  }
  const db = new Database(path, { fileMustExist: true });
  try {
    configure(db);
    const { from } = migrate(db);
    return { db, migratedFrom: from };
  } catch (err) {
    db.close();
    if (err instanceof QuarryError) throw err;
    throw badInput(`${path} could not be opened as a Quarry project: ${(err as Error).message}`);
  }
}

/** Creates a new, empty project file; refuses to overwrite an existing file. */
export function createProjectDb(path: string): Db {
  if (existsSync(path)) throw conflict(`${path} already exists. Choose another name, or open it instead.`);
  const db = new Database(path);
  configure(db);
  migrate(db);
  return db;
}

/** An in-memory database at the current schema, for tests and benchmarks. */
export function openMemoryDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
