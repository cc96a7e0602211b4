#!/usr/bin/env node
/**
 * Makes Electron's API types available to the type checker whether or not the Electron
 * runtime could be installed.
 *
 * `electron` is an optional dependency: its install script downloads the runtime from
 * outside the npm registry, and where that host is unreachable npm drops the package (and
 * with it `electron.d.ts`) instead of failing `npm ci`. The electron/ sources must still
 * type-check there, so this script fetches the same version's tarball from the npm registry
 * (which `npm ci` has just reached) and keeps only its `electron.d.ts` in
 * node_modules/.cache/quarry-electron-types/. tsconfig.node.json maps `electron` to the
 * installed package first and to this copy second.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/paths.js';

const installed = join(repoRoot, 'node_modules', 'electron', 'electron.d.ts');
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'quarry-electron-types');
const target = join(cacheDir, 'electron.d.ts');

function lockedVersion() {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.['node_modules/electron'];
  if (!entry?.version) throw new Error('package-lock.json has no entry for electron');
  return entry.version;
}

if (existsSync(installed)) {
  process.exit(0);
}
const version = lockedVersion();
const stamp = join(cacheDir, 'version');
if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) {
  process.exit(0);
}
rmSync(cacheDir, { recursive: true, force: true });
mkdirSync(cacheDir, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
try {
  execFileSync(npm, ['pack', `electron@${version}`, '--pack-destination', cacheDir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const tarball = readdirSync(cacheDir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  const types = execFileSync('tar', ['-xzOf', join(cacheDir, tarball), 'package/electron.d.ts'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(target, types);
  writeFileSync(stamp, version);
  rmSync(join(cacheDir, tarball));
  console.log(`Electron runtime not installed; using electron@${version}'s API types for type checks.`);
} catch (error) {
  console.error(
    `Could not fetch electron@${version}'s types from the npm registry (${error.message}); ` +
      'electron/ will not type-check until `npm ci` can reach the registry.',
  );
  process.exitCode = 1;
}
