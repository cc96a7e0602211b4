/**
 * Opening and creating project files. A project is one SQLite file in WAL mode with foreign
 * keys on, stamped with Quarry's application id. Whatever is not a Quarry project (another
 * program's database, an empty SQLite file, any other file) or was written by a newer Quarry
 * is refused before anything is written to it: it is only ever read through a read-only probe.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import Database from 'better-sqlite3';
import { badInput, conflict, notFound, QuarryError } from '../core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export type { Db };

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * PRAGMA application_id of every Quarry project: 'QRRY' in ASCII (0x51525259). `file(1)` and
 * other tools can tell a Quarry project from any other SQLite database by it.
 */
export const APPLICATION_ID = 0x51525259;

/**
 * Tables every Quarry schema since v1 has. Files written before the application id existed
 * (id 0) are recognised as Quarry's by these, together with a user_version Quarry wrote.
 */
const QUARRY_TABLES = [
  'project_meta',
  'coders',
  'documents',
  'codes',
  'excerpts',
  'codings',
  'memos',
  'search_segments',
] as const;

/**
 * How long a connection waits for another writer (a CLI import beside the open app) before
 * giving up. Writes start with BEGIN IMMEDIATE (db/repositories/sql.ts), so they queue here
 * instead of failing with "database is locked".
 */
export const BUSY_TIMEOUT_MS = 15_000;

function configure(db: Db): void {
  // Quarry files are WAL already; this writes only when a new file is created.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
}

/**
 * The file's first 100 bytes (the SQLite header), or a refusal when it is not a SQLite file.
 * Read with plain file I/O: no SQLite connection, so nothing can be written or created.
 */
function readHeader(path: string): Buffer {
  if (!existsSync(path))
    throw notFound(`There is no project at ${path}. Check the path, or create one with "quarry new".`);
  const stat = statSync(path);
  if (!stat.isFile()) throw badInput(`${path} is not a file. A Quarry project is a single .quarry file.`);
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    throw badInput(`${path} is not a Quarry project (it is not a SQLite database). It was left untouched.`);
  }
  return header;
}

export interface FileIdentity {
  applicationId: number;
  schemaVersion: number;
  /** Written by Quarry: stamped with its id, or (before the id existed) holding its tables. */
  isQuarry: boolean;
}

interface Probe {
  applicationId: number;
  schemaVersion: number;
  tables: Set<string>;
  /** Removes the empty -wal/-shm files the probe itself created, if it did. */
  cleanUp: () => void;
}

/**
 * Reads the header fields and the table names through a read-only connection, which sees what
 * is still in the WAL. On a WAL-mode file that connection creates empty -wal and -shm files and
 * cannot remove them; cleanUp removes them again when they were not there before, so a refused
 * file is left as found.
 */
function probeFile(path: string, walMode: boolean): Probe {
  const sidecars = [`${path}-wal`, `${path}-shm`];
  const createdByProbe = walMode && sidecars.every((f) => !existsSync(f));
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = probe.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
    return {
      applicationId: probe.pragma('application_id', { simple: true }) as number,
      schemaVersion: probe.pragma('user_version', { simple: true }) as number,
      tables: new Set(rows.map((r) => r.name)),
      cleanUp: () => {
        if (!createdByProbe || statSync(sidecars[0] as string, { throwIfNoEntry: false })?.size !== 0) return;
        for (const f of sidecars) rmSync(f, { force: true });
      },
    };
  } finally {
    probe.close();
  }
}

/**
 * Says what a file is without writing to it. With no WAL beside it, the header is the truth:
 * it gives the application id and schema version, and only a file with no application id
 * (another program's, or Quarry's from before the id) is looked into, read-only, for Quarry's
 * tables. With a WAL (the project is open elsewhere, or was not closed), page 1 may be newer
 * there, so everything is read through a read-only connection.
 */
export function identifyFile(path: string): FileIdentity {
  const header = readHeader(path);
  // Offsets from sqlite.org/fileformat2.html: 18 write version (2 = WAL), 60 user_version, 68 application_id.
  let schemaVersion = header.readInt32BE(60);
  let applicationId = header.readInt32BE(68);
  const walPending = existsSync(`${path}-wal`);
  if (!walPending) {
    if (applicationId !== 0) return { applicationId, schemaVersion, isQuarry: applicationId === APPLICATION_ID };
    if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) return { applicationId, schemaVersion, isQuarry: false };
  }
  let probe: Probe;
  try {
    probe = probeFile(path, header[18] === 2);
  } catch (err) {
    throw badInput(`${path} could not be read as a Quarry project: ${(err as Error).message}. It was left untouched.`);
  }
  ({ applicationId, schemaVersion } = probe);
  const legacy =
    applicationId === 0 &&
    schemaVersion >= 1 &&
    schemaVersion <= SCHEMA_VERSION &&
    QUARRY_TABLES.every((t) => probe.tables.has(t));
  const isQuarry = applicationId === APPLICATION_ID || legacy;
  if (!isQuarry) probe.cleanUp();
  return { applicationId, schemaVersion, isQuarry };
}

/** Reads the schema version read-only, so a file from a newer Quarry is never modified. */
export function readSchemaVersion(path: string): number {
  return identifyFile(path).schemaVersion;
}

const newerMessage = (version: number) =>
  `This project was saved by a newer version of Quarry (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update Quarry to open it. The file was left untouched.`;

/** Throws unless `identity` is a Quarry project this build can open. */
function assertOpenable(path: string, identity: FileIdentity): void {
  if (!identity.isQuarry) {
    const owner =
      identity.applicationId !== 0
        ? `a SQLite database of another application (application_id 0x${(identity.applicationId >>> 0).toString(16)})`
        : 'a SQLite database, but not one Quarry wrote';
    throw badInput(
      `${path} is not a Quarry project (it is ${owner}). It was left untouched. Create a project with "quarry new".`,
    );
  }
  if (identity.schemaVersion > SCHEMA_VERSION) throw conflict(newerMessage(identity.schemaVersion));
}

/**
 * Brings a database to the current schema, one transaction per step, and stamps Quarry's
 * application id. Each step starts as a writer and re-reads the version inside its
 * transaction, so two processes opening one old file at once migrate it once.
 */
export function migrate(db: Db): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) throw conflict(newerMessage(from));
  for (const step of MIGRATIONS) {
    if (step.version <= from) continue;
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= step.version) return;
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
  if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
    // A current file from before the id existed: stamping it is its only change.
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }
  return { from, to: SCHEMA_VERSION };
}

/**
 * Where the copy taken before migrating lives: next to the project, named after the schema it
 * holds (`study.quarry.v2.bak`); an older copy of that name is kept, never overwritten.
 */
export function backupPath(path: string, version: number): string {
  const base = `${path}.v${version}`;
  if (!existsSync(`${base}.bak`)) return `${base}.bak`;
  for (let n = 2; ; n++) if (!existsSync(`${base}-${n}.bak`)) return `${base}-${n}.bak`;
}

/** A consistent copy of the file as it is (WAL included), made with VACUUM INTO. */
function backUp(path: string, version: number): string {
  const target = backupPath(path, version);
  const source = new Database(path, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    throw badInput(
      `${path} needs to be upgraded to this version of Quarry, but a backup copy could not be written to ${target}: ${(err as Error).message}. The project was left untouched; check that its folder is writable.`,
    );
  } finally {
    source.close();
  }
  return target;
}

export interface OpenedDb {
  db: Db;
  migratedFrom: number;
  /** The copy taken before migrating, or null when the file was current. */
  backup: string | null;
}

/**
 * Opens an existing project. A current file is only read by opening it; an older one is
 * copied (see backupPath) and then migrated forward.
 */
export function openProjectDb(path: string): OpenedDb {
  const identity = identifyFile(path);
  assertOpenable(path, identity);
  const backup = identity.schemaVersion < SCHEMA_VERSION ? backUp(path, identity.schemaVersion) : null;
  const db = new Database(path, { fileMustExist: true });
  try {
    configure(db);
    const { from } = migrate(db);
    return { db, migratedFrom: from, backup };
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

/**
 * Moves everything in the WAL into the main file and empties it, so a copy of the .quarry
 * file alone holds every write. Returns false when another connection's reader kept part of
 * it (that connection's close finishes the job).
 */
export function checkpoint(db: Db): boolean {
  if (db.readonly || !db.open) return true;
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row?.busy === 0;
}
