/**
 * Merging a teammate's work into the open project: their `.quarry` file or a REFI-QDA `.qdpx`
 * (or a `.qdc` codebook). Everything goes through the REFI-QDA model, so a Quarry file is first
 * exported as a project exchange file from a private copy (never the teammate's file itself),
 * then stored with `storeExchange` in merge mode: documents matched by their text, codes by GUID
 * then name, coders by GUID then name, codings kept per coder, nothing added twice. A dry run
 * does the same work in a transaction that is rolled back, so its counts are the real ones.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { openProjectDb } from '../../db/connection.js';
import { Repositories } from '../../db/repositories/index.js';
import type { CoderId, MergeResult } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { readQdc, readQdpx } from '../exchange/readArchive.js';
import { qdcImporter, qdpxImporter } from '../importers/qdpx.js';
import type { ImportLimits, ProjectContext } from './context.js';
import { exportExchange } from './exchangeExport.js';
import { emptyTally, storeExchange } from './exchangeImport.js';

export type MergeSource = { path: string } | { name: string; dataBase64: string };

class DryRunRollback extends Error {}

/** A teammate's .quarry file, read through a private copy (opening may migrate it), as .qdpx bytes. */
function quarryAsQdpx(path: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'quarry-merge-'));
  try {
    const copy = join(dir, 'theirs.quarry');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const { db } = openProjectDb(copy);
    const repos = new Repositories(db);
    try {
      // Export reads only; no coder is recorded on anything.
      const result = exportExchange({ repos, coderId: 0 as CoderId }, 'qdpx', 'theirs');
      return Buffer.from(result.data, 'base64');
    } finally {
      repos.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readSource(source: MergeSource, limits: ImportLimits): { name: string; bytes: Uint8Array; path?: string } {
  if ('path' in source) {
    const path = resolve(source.path);
    if (!existsSync(path) || !statSync(path).isFile()) throw notFound(`There is no file at ${path}.`);
    const size = statSync(path).size;
    if (size > limits.maxFileBytes) {
      throw badInput(
        `${basename(path)} is ${Math.round(size / 1e6)} MB, more than the ${Math.round(limits.maxFileBytes / 1e6)} MB Quarry merges.`,
      );
    }
    const name = basename(path);
    return { name, path, bytes: extname(name).toLowerCase() === '.quarry' ? new Uint8Array() : readFileSync(path) };
  }
  const bytes = Buffer.from(source.dataBase64, 'base64');
  if (bytes.length > limits.maxFileBytes) throw badInput(`${source.name} is larger than Quarry merges.`);
  return { name: source.name, bytes };
}

export async function mergeProject(
  ctx: ProjectContext & { path: string },
  source: MergeSource,
  options: { dryRun: boolean; limits: ImportLimits },
): Promise<MergeResult> {
  const file = readSource(source, options.limits);
  const ext = extname(file.name).toLowerCase();
  let bytes = file.bytes;
  if (ext === '.quarry') {
    if (file.path !== undefined && resolve(file.path) === resolve(ctx.path)) {
      throw badInput('That is the open project itself. Choose a teammate’s copy to merge.');
    }
    let temp: string | null = null;
    try {
      let path = file.path;
      if (path === undefined) {
        temp = mkdtempSync(join(tmpdir(), 'quarry-merge-upload-'));
        path = join(temp, 'theirs.quarry');
        writeFileSync(path, bytes);
      }
      bytes = quarryAsQdpx(path);
    } finally {
      if (temp) rmSync(temp, { recursive: true, force: true });
    }
  } else if (ext !== '.qdpx' && ext !== '.qdc') {
    throw badInput(
      `${file.name} cannot be merged: choose a Quarry project (.quarry) or a REFI-QDA project (.qdpx) or codebook (.qdc).`,
    );
  }
  const importer = ext === '.qdc' ? qdcImporter : qdpxImporter;
  const plan = ext === '.qdc' ? readQdc(bytes) : await readQdpx(bytes);
  const tally = emptyTally();
  let warnings: string[] = [];
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    ctx.repos.tx(() => {
      warnings = storeExchange(ctx, { name: file.name, bytes, sha256 }, importer, plan, tally).warnings;
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  if (!options.dryRun) ctx.repos.history.clear();
  return { file: file.name, dryRun: options.dryRun, ...tally, warnings };
}
