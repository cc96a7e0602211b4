#!/usr/bin/env node
/**
 * `npm run dev`: rebuilds on every change and restarts the host. tsc --watch compiles
 * core/db/cli/electron, vite build --watch the renderer; after each successful compile the
 * desktop app (where the Electron runtime exists) or `quarry serve` on the sample project
 * restarts. Renderer-only changes need just a reload of the window or page.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureBuilt, ensureSample } from './lib/build.js';
import { prepareElectronApp, syncDist } from './lib/electron-app.js';
import { findElectronRuntime, hasDisplay } from './lib/electron-runtime.js';
import { repoRoot, userDataDir } from './lib/paths.js';
import { npx } from './lib/proc.js';

await ensureBuilt();
const electron = findElectronRuntime();
const desktop = electron.ok && hasDisplay();
const project = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
let target = project ? resolve(project) : null;
if (desktop) {
  await prepareElectronApp({ electronVersion: electron.version });
} else {
  console.error(
    `Desktop window unavailable (${electron.ok ? 'no display' : electron.reason}); serving to the browser instead.`,
  );
  target ??= await ensureSample(userDataDir());
}

let host = null;
let starts = 0;
/** Stops the running host (waiting until it has let go of its port and project) and starts a new one. */
async function restartHost() {
  if (host && host.exitCode === null) {
    const exited = new Promise((resolveExit) => host.once('exit', resolveExit));
    host.kill('SIGTERM');
    await exited;
  }
  starts += 1;
  if (desktop) {
    syncDist();
    const args = [resolve(repoRoot, 'node_modules', '.cache', 'quarry-electron', 'app'), ...(target ? [target] : [])];
    host = spawn(electron.path, args, { stdio: 'inherit', cwd: repoRoot });
  } else {
    // The browser opens once; after a restart, reload it with the new URL printed below.
    const args = [resolve(repoRoot, 'bin', 'quarry.js'), 'serve', target, '--port', '5174'];
    if (starts > 1) args.push('--no-open');
    host = spawn(process.execPath, args, { stdio: 'inherit', cwd: repoRoot });
  }
}

const watchers = [
  spawn(npx, ['vite', 'build', '--watch'], { stdio: 'inherit', cwd: repoRoot }),
  spawn(npx, ['tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: repoRoot,
  }),
];
let debounce = null;
watchers[1].stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  // tsc prints this after every successful incremental compile.
  if (/Found 0 errors\./.test(text)) {
    clearTimeout(debounce);
    debounce = setTimeout(() => void restartHost(), 300);
  }
});

function stopAll() {
  host?.kill('SIGTERM');
  for (const w of watchers) w.kill('SIGTERM');
  process.exit(0);
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
