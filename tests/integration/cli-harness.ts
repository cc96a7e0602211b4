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
import { SHARED_DATA } from '../shared-data.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'quarry.js');
export const DATA = SHARED_DATA;
/** Written only after a build that succeeded: tsc emits even on errors, so dist/ alone proves nothing. */
const BUILT = join(ROOT, 'dist', '.node-build-ok');

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
 * Compiles core, db and cli to dist/ unless they are already up to date; throws when the build
 * fails. The freshness check
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
    // A failed build fails the tests: tsc still emits on a type error, and an old dist/ would
    // test yesterday's code, so neither may stand in for a build that did not succeed.
    const output = (err as { stderr?: Buffer; stdout?: Buffer }).stdout?.toString() ?? '';
    throw new Error(`npm run build:node failed, so the CLI cannot be tested:\n${output}${(err as Error).message}`);
  }
}

/** Runs under the lock: same check as isFresh, then the build. Plain JS for `node -e`. */
const BUILD_IF_STALE = `
const { existsSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');
const [root, built] = process.argv.slice(1);
const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
  const p = join(dir, e.name);
  return Math.max(n, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
}, 0);
const fresh = existsSync(built) && statSync(built).mtimeMs >= Math.max(...['core', 'db', 'cli'].map((d) => newest(join(root, d))));
if (!fresh) {
  rmSync(built, { force: true });
  execSync('npm run build:node', { cwd: root, stdio: 'pipe' });
  writeFileSync(built, new Date().toISOString());
}
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
export function quarry(
  configDir: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? configDir,
    env: { ...process.env, QUARRY_CONFIG_DIR: configDir, NO_COLOR: '1', ...options.env },
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
