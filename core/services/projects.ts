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
  coderName: string;
  /** Undo/redo of this session; forgotten when the project closes. */
  history: History;
}

export function defaultProjectName(path: string): string {
  const base = basename(path);
  return (extname(base) ? base.slice(0, -extname(base).length) : base).trim() || 'Untitled project';
}

function startSession(path: string, db: Db, coderName: string, name: string): ProjectSession {
  const repos = new Repositories(db);
  const coder = repos.tx(() => {
    repos.meta.ensure(name);
    return repos.coders.makeCurrent(coderName);
  });
  const session: ProjectSession = {
    path,
    repos,
    coderId: coder.id as CoderId,
    coderName,
    history: new History(repos, (entries) => {
      // Memo bodies are searchable: keep their index in step with every memo row change.
      const memoIds = entries.filter((e) => e.tbl === 'memos').map((e) => Number(e.rowKey));
      if (memoIds.length > 0) syncMemoIndex(session, memoIds);
    }),
  };
  return session;
}

export function createProject(path: string, name: string | undefined, coderName: string): ProjectSession {
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
    return startSession(full, db, coderName, name?.trim() || defaultProjectName(full));
  } catch (err) {
    db.close();
    throw err;
  }
}

export function openProject(path: string, coderName: string): ProjectSession {
  const full = resolve(path);
  const { db } = openProjectDb(full);
  try {
    return startSession(full, db, coderName, defaultProjectName(full));
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Makes `name` the coder recorded on this session's new codings. */
export function setSessionCoder(session: ProjectSession, name: string): void {
  const coder = session.repos.coders.makeCurrent(name);
  session.coderId = coder.id;
  session.coderName = name;
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
