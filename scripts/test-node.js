#!/usr/bin/env node
/**
 * `node scripts/test-node.js [22 24 …]`: the unit and integration suites on other Node
 * releases than the one running this script (CI runs it for 22 and 24 after `npm test`).
 *
 * For each major version, in QUARRY_NODE_CACHE (default node_modules/.cache/quarry-node/):
 *   <major>/runtime/   the official Node build, installed from the npm registry as the
 *                      package node-<os>-<cpu>@<major> (it carries bin/node and the headers)
 *   <major>/quarry/    a copy of the repository's tracked files and dist/, whose node_modules
 *                      links to ours except better-sqlite3: a real copy compiled for that
 *                      Node's ABI with npm's node-gyp (once per Node/better-sqlite3 version)
 *   <major>/shared     a link to ../shared beside the repository (or $QUARRY_SHARED_DIR),
 *                      where the tests look for it
 * then runs vitest there with that Node (CLI tests spawn process.execPath, so the command runs
 * on it too). The repository's own node_modules is never touched.
 *
 * Prints `node <version>: N passed, N failed` per runtime, then one closing line with the
 * totals of these runs plus the last `npm test` (scripts/test.js leaves them behind).
 * Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { repoRoot } from './lib/paths.js';
import { npm, run, which } from './lib/proc.js';
import { formatTotals } from './lib/totals.js';
import { vitestSummary } from './lib/vitest-summary.js';

const NATIVE = 'better-sqlite3';
const majors = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['22', '24'];
const cacheRoot = resolve(process.env.QUARRY_NODE_CACHE ?? join(repoRoot, 'node_modules', '.cache', 'quarry-node'));
const runtimePackage = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

function say(message) {
  console.log(`\n==> test-node: ${message}`);
}

function readVersion(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

/** Installs node-<os>-<cpu>@<major> from the registry unless it is there; returns its folder. */
async function installRuntime(major) {
  const prefix = join(cacheRoot, major, 'runtime');
  const pkg = join(prefix, 'node_modules', runtimePackage);
  if (!existsSync(join(pkg, 'bin', 'node'))) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{"private": true}\n');
    const code = await run(
      npm,
      ['install', '--no-audit', '--no-fund', '--no-package-lock', `${runtimePackage}@${major}`],
      { cwd: prefix },
    );
    if (code !== 0) throw new Error(`npm could not install ${runtimePackage}@${major}.`);
  }
  return pkg;
}

/** npm's own node-gyp (npm ships it), so nothing else needs installing. */
function nodeGyp() {
  const npmBin = which(npm);
  if (!npmBin) throw new Error('npm is not on PATH.');
  const npmRoot = dirname(dirname(realpathSync(npmBin)));
  const gyp = join(npmRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (!existsSync(gyp)) throw new Error(`npm's node-gyp was not found at ${gyp}.`);
  return gyp;
}

function trackedFiles() {
  const git = spawnSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' });
  if (git.status !== 0) throw new Error('git ls-files failed: the script copies the tracked files.');
  return git.stdout.split('\0').filter(Boolean);
}

/** The repository copy for one runtime: sources, then dist/ (timestamps kept, so dist stays fresh). */
function syncCopy(app) {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  for (const file of trackedFiles()) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted but not yet committed
    mkdirSync(dirname(join(app, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(app, file), { preserveTimestamps: true });
  }
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build".');
  cpSync(join(repoRoot, 'dist'), join(app, 'dist'), { recursive: true, preserveTimestamps: true });
  const modules = join(app, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry === NATIVE || entry === '.cache') continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry), 'dir');
  }
}

/** better-sqlite3 compiled for `runtime`, kept beside the copy and reused while the versions match. */
async function buildNative(major, runtime, nodeVersion) {
  const built = join(cacheRoot, major, NATIVE);
  const source = join(repoRoot, 'node_modules', NATIVE);
  const stamp = `node ${nodeVersion} ${NATIVE}@${readVersion(source)} ${process.platform}-${process.arch}`;
  const stampFile = join(built, '.quarry-stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return built;
  rmSync(built, { recursive: true, force: true });
  cpSync(source, built, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) });
  say(`building ${NATIVE} for Node ${nodeVersion}`);
  const started = Date.now();
  const code = await run(
    join(runtime, 'bin', 'node'),
    [nodeGyp(), 'rebuild', '--release', `--nodedir=${runtime}`, '--jobs=max'],
    { cwd: built, env: { ...process.env, PATH: `${join(runtime, 'bin')}${delimiter}${process.env.PATH}` } },
  );
  if (code !== 0) throw new Error(`${NATIVE} did not build for Node ${nodeVersion} (node-gyp exited ${code}).`);
  rmSync(join(built, 'build', 'Release', 'obj.target'), { recursive: true, force: true });
  writeFileSync(stampFile, stamp);
  say(`${NATIVE} built in ${Math.round((Date.now() - started) / 1000)} s`);
  return built;
}

async function testOn(major) {
  const started = Date.now();
  const runtime = await installRuntime(major);
  const node = join(runtime, 'bin', 'node');
  const nodeVersion = readVersion(runtime);
  const native = await buildNative(major, runtime, nodeVersion);

  const app = join(cacheRoot, major, 'quarry');
  syncCopy(app);
  cpSync(native, join(app, 'node_modules', NATIVE), { recursive: true });
  const shared = resolve(process.env.QUARRY_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
  const sharedLink = join(cacheRoot, major, 'shared');
  rmSync(sharedLink, { force: true });
  if (existsSync(shared)) symlinkSync(shared, sharedLink, 'dir');

  say(`unit and integration suites on Node ${nodeVersion}`);
  const report = join(cacheRoot, major, 'vitest.json');
  rmSync(report, { force: true });
  const code = await run(
    node,
    [
      join(app, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      'tests/unit',
      'tests/integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: app, env: { ...process.env, PATH: `${join(runtime, 'bin')}${delimiter}${process.env.PATH}` } },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  return { name: `node ${nodeVersion}`, seconds, ...vitestSummary(report, code) };
}

const results = [];
for (const major of majors) {
  try {
    results.push(await testOn(major));
  } catch (err) {
    console.error(`test-node: Node ${major}: ${err.message}`);
    results.push({ name: `node ${major}`, passed: 0, failed: 1, skipped: 0, code: 1, seconds: 0 });
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };
const add = (t) => {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
};
console.log('');
const lastRun = join(repoRoot, 'node_modules', '.cache', 'quarry-test', 'last-totals.json');
if (existsSync(lastRun)) {
  const npmTest = JSON.parse(readFileSync(lastRun, 'utf8'));
  console.log(`  npm test (node ${process.versions.node}): ${formatTotals(npmTest)}`);
  add(npmTest);
}
for (const r of results) {
  console.log(`  ${r.name} (${r.seconds} s): ${formatTotals(r)}`);
  add(r);
}
console.log(formatTotals(total));
process.exitCode = results.some((r) => r.code !== 0) || total.failed > 0 ? 1 : 0;
