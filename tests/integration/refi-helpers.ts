/** Shared by the REFI-QDA tests: the shared samples, archives built in the test, a read-only view of the project file. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { strToU8, type Zippable, zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared from the repository root (a worktree sits one folder deeper than /work/main). */
export const SHARED =
  [resolve(ROOT, '../shared'), resolve(ROOT, '../../shared')].find((p) => existsSync(join(p, 'data'))) ??
  resolve(ROOT, '../shared');
export const REFI = join(SHARED, 'data', 'refi-qda');
export const SCHEMA = join(REFI, 'schema');

export function qdpx(qde: string, sources: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Zippable = { 'project.qde': strToU8(qde) };
  for (const [name, content] of Object.entries(sources)) {
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files);
}

/** Counts rows of the project file directly, beside the app's own connection. */
export function countRows(path: string, sql: string, ...params: unknown[]): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

export function rows<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const NS = 'xmlns="urn:QDA-XML:project:1.0"';
export const project = (origin: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project ${NS} name="Test" origin="${origin}">${body}</Project>`;

export const g = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
