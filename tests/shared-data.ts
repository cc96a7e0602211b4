/**
 * Where the shared sample material is: `../shared/data` beside the repository, never an
 * absolute path. In a git worktree the repository is the main checkout (found through git's
 * common dir), so tests run the same from either. QUARRY_SHARED_DATA overrides.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

function candidates(): string[] {
  const roots = [ROOT];
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    roots.push(dirname(common));
  } catch {
    // Not a git checkout (a tarball): the repository root is the only candidate.
  }
  return roots.map((root) => resolve(root, '..', 'shared', 'data'));
}

function find(): string {
  const all = candidates();
  return all.find((dir) => existsSync(dir)) ?? (all[0] as string);
}

export const SHARED_DATA = process.env.QUARRY_SHARED_DATA ?? find();
