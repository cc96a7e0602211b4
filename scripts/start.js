#!/usr/bin/env node
/**
 * `npm start [-- project.quarry]`: the desktop app on the given project, else the last one,
 * else the sample project. Where the Electron runtime is not installed (it downloads from
 * outside the npm registry) or there is no display, it says so in one sentence and serves
 * the same UI to the browser with `quarry serve` on the sample project instead.
 */
import { resolve } from 'node:path';
import { ensureBuilt, ensureSample } from './lib/build.js';
import { prepareElectronApp } from './lib/electron-app.js';
import { findElectronRuntime, hasDisplay } from './lib/electron-runtime.js';
import { repoRoot, userDataDir } from './lib/paths.js';
import { run } from './lib/proc.js';

const args = process.argv.slice(2);
const project = args.find((arg) => !arg.startsWith('-'));

try {
  await ensureBuilt();
  const electron = findElectronRuntime();
  if (electron.ok && hasDisplay()) {
    const appDir = await prepareElectronApp({ electronVersion: electron.version });
    // The app itself picks the last project or the sample when none is given (electron/main.ts).
    const appArgs = project ? [appDir, resolve(project)] : [appDir];
    process.exitCode = await run(electron.path, appArgs, { cwd: repoRoot });
  } else {
    console.error(
      electron.ok
        ? 'There is no display here for the desktop window, so Quarry opens in your browser instead via `quarry serve`.'
        : 'The Electron runtime is not installed here (it downloads from outside the npm registry), so Quarry opens in your browser instead via `quarry serve`.',
    );
    const target = project ? resolve(project) : await ensureSample(userDataDir());
    const serveArgs = [
      resolve(repoRoot, 'bin', 'quarry.js'),
      'serve',
      target,
      ...args.filter((a) => a.startsWith('-')),
    ];
    process.exitCode = await run(process.execPath, serveArgs, { cwd: repoRoot });
  }
} catch (err) {
  console.error(`Quarry could not start: ${err.message}`);
  process.exitCode = 1;
}
