/**
 * A runnable copy of the app for the Electron runtime in a dev checkout, so the repository's
 * node_modules keeps better-sqlite3 built for Node (CLI, tests) while Electron loads one
 * built for its own ABI.
 *
 * node_modules/.cache/quarry-electron/app/
 *   package.json          copy of ours ("main": dist/electron/main.js)
 *   dist/                 copy of the build, refreshed on every launch (syncDist)
 *   node_modules/<pkg>    symlinks into our node_modules ...
 *   node_modules/better-sqlite3   ... except this real copy, rebuilt for Electron once per
 *                         Electron/better-sqlite3 version by `electron-builder install-app-deps`
 *
 * Node resolves a symlinked package to its real path, so only better-sqlite3 (a real folder)
 * differs between the two worlds.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';
import { run } from './proc.js';

export const electronAppDir = join(repoRoot, 'node_modules', '.cache', 'quarry-electron', 'app');
const NATIVE = 'better-sqlite3';

function version(pkg) {
  return JSON.parse(readFileSync(join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function linkModules(target) {
  const source = join(repoRoot, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (entry.name === NATIVE || entry.name.startsWith('.')) continue;
    const link = join(target, entry.name);
    if (existsSync(link)) continue;
    symlinkSync(join(source, entry.name), link, process.platform === 'win32' ? 'junction' : 'dir');
  }
}

/** Copies the current build into the app folder (run after every rebuild). */
export function syncDist() {
  const from = join(repoRoot, 'dist');
  if (!existsSync(join(from, 'electron', 'main.js'))) {
    throw new Error('dist/electron/main.js is missing: run "npm run build" first.');
  }
  rmSync(join(electronAppDir, 'dist'), { recursive: true, force: true });
  cpSync(from, join(electronAppDir, 'dist'), { recursive: true });
}

/**
 * Makes the app folder ready to launch with `electron <dir>`; rebuilds the native module only
 * when the Electron or better-sqlite3 version changed. Returns the folder.
 */
export async function prepareElectronApp({ electronVersion }) {
  mkdirSync(electronAppDir, { recursive: true });
  writeFileSync(join(electronAppDir, 'package.json'), readFileSync(join(repoRoot, 'package.json')));
  linkModules(join(electronAppDir, 'node_modules'));

  const stamp = `${electronVersion} ${NATIVE}@${version(NATIVE)} ${process.platform}-${process.arch}`;
  const stampFile = join(electronAppDir, '.native-stamp');
  const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
  if (current !== stamp) {
    const nativeCopy = join(electronAppDir, 'node_modules', NATIVE);
    rmSync(nativeCopy, { recursive: true, force: true });
    cpSync(join(repoRoot, 'node_modules', NATIVE), nativeCopy, {
      recursive: true,
      filter: (src) => !src.startsWith(join(repoRoot, 'node_modules', NATIVE, 'build')),
    });
    console.error(`Building ${NATIVE} for Electron ${electronVersion} (once per version)…`);
    const builderCli = join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
    const code = await run(process.execPath, [builderCli, 'install-app-deps'], { cwd: electronAppDir });
    if (code !== 0)
      throw new Error(`Could not build ${NATIVE} for Electron (electron-builder install-app-deps exited ${code}).`);
    writeFileSync(stampFile, stamp);
  }
  syncDist();
  return electronAppDir;
}
