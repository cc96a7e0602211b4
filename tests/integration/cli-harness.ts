/**
 * Shared by the CLI and serve integration tests: builds the CLI once (test files run in
 * parallel workers, so builds are serialised with flock and skipped when dist is fresh) and
 * runs the real `node bin/quarry.js` in a temp dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'quarry.js');
export const DATA = resolve(ROOT, '../shared/data');
const BUILT = join(ROOT, 'dist', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(BUILT)) return false;
  const sources = Math.max(...['core', 'db', 'cli'].map((d) => newestSource(join(ROOT, d))));
  return statSync(BUILT).mtimeMs >= sources;
}

/**
 * Compiles core, db and cli to dist/ unless they are already up to date. The freshness check
 * runs again inside the lock, so a worker never rebuilds dist while another one runs the CLI.
 */
export function ensureBuilt(): void {
  if (isFresh()) return;
  try {
    execFileSync(
      'flock',
      [join(tmpdir(), 'quarry-build-node.lock'), process.execPath, '-e', BUILD_IF_STALE, ROOT, BUILT],
      { cwd: ROOT, stdio: 'pipe', timeout: 180_000 },
    );
  } catch (err) {
    // tsc still emits when another part of the tree has a type error; the CLI tests judge the result.
    if (!existsSync(BUILT)) throw err;
  }
}

/** Runs under the lock: same check as isFresh, then the build. Plain JS for `node -e`. */
const BUILD_IF_STALE = `
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');
const [root, built] = process.argv.slice(1);
const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
  const p = join(dir, e.name);
  return Math.max(n, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
}, 0);
const fresh = existsSync(built) && statSync(built).mtimeMs >= Math.max(...['core', 'db', 'cli'].map((d) => newest(join(root, d))));
if (!fresh) execSync('npm run build:node', { cwd: root, stdio: 'pipe' });
`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function makeTempDir(prefix = 'quarry-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the built CLI; QUARRY_CONFIG_DIR keeps the recent-projects list inside the temp dir. */
export function quarry(configDir: string, args: string[], options: { cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? configDir,
    env: { ...process.env, QUARRY_CONFIG_DIR: configDir, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command expected to print JSON and succeed (or exit with `expectCode`). */
export function quarryJson<T = unknown>(configDir: string, args: string[], expectCode = 0): T {
  const run = quarry(configDir, args);
  if (run.code !== expectCode) {
    throw new Error(`quarry ${args.join(' ')} exited ${run.code} (wanted ${expectCode}):\n${run.stderr}${run.stdout}`);
  }
  return JSON.parse(run.stdout) as T;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
