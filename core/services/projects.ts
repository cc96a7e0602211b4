/** Creating and opening project files; one open project is a ProjectSession. */
import { basename, extname, resolve } from 'node:path';
import { createProjectDb, type Db, openProjectDb } from '../../db/connection.js';
import { Repositories } from '../../db/repositories/index.js';
import type { CoderId, ProjectInfo } from '../contract/types.js';
import { badInput, QuarryError } from '../errors.js';
import { History } from '../undo/history.js';
import type { ProjectContext } from './context.js';
import { syncMemoIndex } from './memos.js';

export interface ProjectSession extends ProjectContext {
  path: string;
  /** Who new codings are recorded as; their coders row is written with the first one. */
  coderName: string;
  /** That person's GUID, the same in every project they work on (the machine's preference). */
  coderGuid: string;
  /** Undo/redo of this session; forgotten when the project closes. */
  history: History;
  /** The copy taken before this open migrated the file, or null. */
  backup: string | null;
}

export function defaultProjectName(path: string): string {
  const base = basename(path);
  return (extname(base) ? base.slice(0, -extname(base).length) : base).trim() || 'Untitled project';
}

/**
 * Opening only reads: the coder is looked up, and written (made current, or created) by the
 * first command that records who did it, inside that command's transaction. Reading it again
 * on every use keeps it right if that transaction rolled back.
 */
function startSession(path: string, repos: Repositories, coder: CoderIdentity, backup: string | null): ProjectSession {
  const session: ProjectSession = {
    path,
    repos,
    coderName: coder.name,
    coderGuid: coder.guid,
    backup,
    get coderId(): CoderId {
      return repos.coders.resolve(session.coderGuid, session.coderName);
    },
    history: new History(repos, (entries) => {
      // Memo bodies are searchable: keep their index in step with every memo row change.
      const memoIds = entries.filter((e) => e.tbl === 'memos').map((e) => Number(e.rowKey));
      if (memoIds.length > 0) syncMemoIndex(session, memoIds);
    }),
  };
  return session;
}

/** Who is working on this machine. */
export interface CoderIdentity {
  name: string;
  guid: string;
}

export function createProject(path: string, name: string | undefined, coder: CoderIdentity): ProjectSession {
  const full = resolve(path);
  let db: Db;
  try {
    db = createProjectDb(full);
  } catch (err) {
    if (err instanceof QuarryError) throw err;
    throw badInput(
      `Could not create a project at ${full}: ${(err as Error).message}. Check that the folder exists and is writable.`,
    );
  }
  try {
    const repos = new Repositories(db);
    repos.tx(() => {
      repos.meta.ensure(name?.trim() || defaultProjectName(full));
      repos.coders.resolve(coder.guid, coder.name);
    });
    return startSession(full, repos, coder, null);
  } catch (err) {
    db.close();
    throw err;
  }
}

export function openProject(path: string, coder: CoderIdentity): ProjectSession {
  const full = resolve(path);
  const { db, backup } = openProjectDb(full);
  try {
    return startSession(full, new Repositories(db), coder, backup);
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Makes this person the coder recorded on this session's new codings (written with the first one). */
export function setSessionCoder(session: ProjectSession, coder: CoderIdentity): void {
  session.coderName = coder.name;
  session.coderGuid = coder.guid;
}

/** The session coder's id if that coder has a row yet; never writes. */
export function knownCoderId(session: ProjectSession): CoderId | null {
  return session.repos.coders.find(session.coderGuid, session.coderName) ?? null;
}

export function closeSession(session: ProjectSession): void {
  session.repos.close();
}

export function projectInfo(session: ProjectSession): ProjectInfo {
  const meta = session.repos.meta.get();
  return {
    path: session.path,
    name: meta?.name ?? defaultProjectName(session.path),
    schemaVersion: session.repos.meta.schemaVersion(),
    counts: session.repos.meta.counts(),
  };
}
