#!/usr/bin/env node
/**
 * `npm run dist [-- electron-builder options]`: the installable desktop app in release/.
 *
 * electron-builder rebuilds better-sqlite3 for Electron's ABI inside node_modules before it
 * packs the app (npmRebuild + buildDependenciesFromSource in electron-builder.yml). The CLI
 * and the tests need the Node build there, so this script keeps the Node binary aside and
 * puts it back afterwards, whatever happened, then checks that Node can load it.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSample } from './lib/build.js';
import { configuredFuses, fuseMismatches, packagedExecutables } from './lib/fuses.js';
import { repoRoot } from './lib/paths.js';
import { npm, probe, run } from './lib/proc.js';

const binary = join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

if ((await run(npm, ['run', '--silent', 'build'], { cwd: repoRoot })) !== 0) process.exit(1);
// Shipped beside app.asar (extraResources) and copied to the user's data folder on first launch.
const sampleDir = join(repoRoot, 'dist', 'sample');
rmSync(sampleDir, { recursive: true, force: true });
mkdirSync(sampleDir, { recursive: true });
await ensureSample(sampleDir);

if (!existsSync(binary)) {
  console.error(`${binary} is missing: run "npm ci" first.`);
  process.exit(1);
}
const keep = join(mkdtempSync(join(tmpdir(), 'quarry-dist-')), 'better_sqlite3.node');
copyFileSync(binary, keep);
let code;
try {
  const builderCli = join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
  code = await run(process.execPath, [builderCli, ...process.argv.slice(2)], { cwd: repoRoot });
} finally {
  copyFileSync(keep, binary);
  rmSync(keep, { force: true });
}
const check = probe(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close(); console.log('ok')"]);
if (check !== 'ok') {
  console.error('better-sqlite3 no longer loads in Node after packaging; run "npm rebuild better-sqlite3".');
  process.exit(1);
}
if (code === 0) {
  // electron-builder flips the fuses while packing; a binary that still has them on must not ship.
  const expected = configuredFuses();
  const executables = packagedExecutables(join(repoRoot, 'release'));
  if (executables.length === 0) console.error('No packaged Electron executable found in release/ to check its fuses.');
  for (const executable of executables) {
    const problems = await fuseMismatches(executable, expected);
    if (problems.length > 0) {
      console.error(`${executable}: Electron fuses not set as electron-builder.yml says: ${problems.join('; ')}.`);
      code = 1;
    }
  }
}
console.error(code === 0 ? 'Packages are in release/.' : `Packaging failed (exit ${code}).`);
process.exit(code);
