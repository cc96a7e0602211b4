#!/usr/bin/env node
/**
 * `npm test`: every suite, in order — vitest (unit + integration), then the Playwright
 * end-to-end suite (scripts/e2e.js) — with their output streamed as it comes. The last line
 * is the total across suites: `N passed, N failed` (`, N skipped` when any were skipped).
 * Exits non-zero when any test failed or a suite could not run. A suite that errored
 * without reporting tests counts as one failure.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lib/paths.js';
import { npx, run } from './lib/proc.js';
import { formatTotals } from './lib/totals.js';
import { vitestSummary } from './lib/vitest-summary.js';

const work = mkdtempSync(join(tmpdir(), 'quarry-test-'));
const suites = [];

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function unitSuite() {
  const file = join(work, 'vitest.json');
  const code = await run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    cwd: repoRoot,
  });
  return { name: 'unit+integration', ...vitestSummary(file, code) };
}

async function e2eSuite() {
  const file = join(work, 'e2e.json');
  const code = await run(process.execPath, [join(repoRoot, 'scripts', 'e2e.js')], {
    cwd: repoRoot,
    env: { ...process.env, QUARRY_E2E_SUMMARY: file },
  });
  const summary = readJson(file) ?? { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  return { name: 'e2e', ...summary, code };
}

suites.push(await unitSuite());
suites.push(await e2eSuite());
rmSync(work, { recursive: true, force: true });

const total = { passed: 0, failed: 0, skipped: 0 };
for (const suite of suites) {
  total.passed += suite.passed;
  total.failed += suite.failed;
  total.skipped += suite.skipped;
}
console.log('');
for (const suite of suites) console.log(`  ${suite.name}: ${formatTotals(suite)}`);
console.log(formatTotals(total));
// scripts/test-node.js (CI's other runtimes) adds these to its own closing line.
const cache = join(repoRoot, 'node_modules', '.cache', 'quarry-test');
mkdirSync(cache, { recursive: true });
writeFileSync(join(cache, 'last-totals.json'), JSON.stringify(total));
process.exitCode = suites.some((s) => s.code !== 0) || total.failed > 0 ? 1 : 0;
