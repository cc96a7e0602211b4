#!/usr/bin/env node
/**
 * `npm run test:e2e`: the Playwright suite against the real UI, in a real Chromium.
 * Finds a Chromium (installing one where none exists), says which it used, prepares the
 * Electron runtime's suite where that runtime exists, then runs `playwright test`.
 * Extra arguments go to Playwright (e.g. `npm run test:e2e -- --grep board`).
 *
 * QUARRY_E2E_SUMMARY=<file>  write {passed, failed, skipped, error?} there (scripts/test.js)
 * QUARRY_SKIP_BUILD=1        do not rebuild dist/ first (CI has just built it in npm ci); a dist/
 *                            older than the sources is then a failure, never used
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleBuild } from './lib/build.js';
import { findChromium, installChromium } from './lib/chromium.js';
import { startVirtualDisplay } from './lib/display.js';
import { prepareElectronApp } from './lib/electron-app.js';
import { findElectronRuntime, hasDisplay } from './lib/electron-runtime.js';
import { repoRoot } from './lib/paths.js';
import { npm, npx, run } from './lib/proc.js';
import { formatTotals } from './lib/totals.js';

const summaryFile = process.env.QUARRY_E2E_SUMMARY;

function finish(result, code) {
  // A suite that errored outside any test counts as one failure, so the totals never read "0 failed".
  const summary = result.error && result.failed === 0 ? { ...result, failed: 1 } : result;
  if (summaryFile) writeFileSync(summaryFile, JSON.stringify(summary));
  console.log(`e2e: ${formatTotals(summary)}`);
  process.exit(code);
}

function fail(message) {
  console.error(`e2e: ${message}`);
  finish({ passed: 0, failed: 0, skipped: 0, error: message }, 1);
}

// Without its config Playwright would collect the vitest files too; say what is wrong instead.
const config = join(repoRoot, 'playwright.config.ts');
if (!existsSync(config)) fail('playwright.config.ts is missing from the repository root.');

if (process.env.QUARRY_SKIP_BUILD !== '1') {
  console.error('e2e: building the app (npm run build)…');
  if ((await run(npm, ['run', '--silent', 'build'], { cwd: repoRoot })) !== 0) fail('the build failed.');
} else {
  // Skipping the build is only for a dist/ just built from these sources (CI's npm ci).
  const stale = staleBuild();
  if (stale) fail(`QUARRY_SKIP_BUILD=1, but dist/ is not a build of these sources: ${stale}. Run npm run build.`);
}
if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
  fail('dist/renderer/index.html is missing after the build.');
}

let chromium = findChromium();
if (!chromium) {
  const how = await installChromium();
  chromium = findChromium();
  if (!chromium) fail(`no Chromium could be found or installed (${how}).`);
  chromium.source += `, ${how}`;
}
console.error(`e2e: using Chromium at ${chromium.path} (${chromium.version}; ${chromium.source}).`);

const env = { ...process.env, QUARRY_CHROMIUM: chromium.path };
let display = null;
const electron = findElectronRuntime();
if (electron.ok) {
  try {
    env.QUARRY_ELECTRON_BIN = electron.path;
    env.QUARRY_ELECTRON_APP = await prepareElectronApp({ electronVersion: electron.version });
    if (!hasDisplay()) {
      display = await startVirtualDisplay();
      if (display) env.DISPLAY = display.display;
      else env.QUARRY_ELECTRON_SKIP = 'there is no display and Xvfb is not installed';
    }
    console.error(`e2e: Electron ${electron.version} found; the desktop app's tests will run.`);
  } catch (err) {
    // A runtime that is present but cannot be prepared is a failure, not a skip.
    env.QUARRY_ELECTRON_ERROR = err.message;
  }
} else {
  env.QUARRY_ELECTRON_SKIP = electron.reason;
  console.error(`e2e: the desktop app's tests will be skipped: ${electron.reason}.`);
}

const outDir = mkdtempSync(join(tmpdir(), 'quarry-e2e-'));
const jsonFile = join(outDir, 'results.json');
env.PLAYWRIGHT_JSON_OUTPUT_FILE = jsonFile;
env.PLAYWRIGHT_JSON_OUTPUT_NAME = jsonFile;
const code = await run(
  npx,
  ['playwright', 'test', `--config=${config}`, '--reporter=list,json', ...process.argv.slice(2)],
  {
    cwd: repoRoot,
    env,
  },
);
display?.stop();

if (!existsSync(jsonFile)) fail(`Playwright ended (exit ${code}) without writing its results.`);
const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
rmSync(outDir, { recursive: true, force: true });
const stats = report.stats ?? {};
const summary = {
  passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
  failed: stats.unexpected ?? 0,
  skipped: stats.skipped ?? 0,
};
const errors = report.errors ?? [];
if (errors.length > 0 && summary.failed === 0) {
  // Errors outside any test (a config or web server that would not start) fail the suite too.
  summary.error = errors.map((e) => e.message ?? String(e)).join('\n');
}
if (summary.passed + summary.failed + summary.skipped === 0 && !summary.error) {
  summary.error = 'Playwright found no tests to run.';
}
finish(summary, code !== 0 || summary.error ? code || 1 : 0);
