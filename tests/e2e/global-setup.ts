/**
 * Builds the app before the suite when dist/ is missing or older than the sources, so
 * `npx playwright test` works on its own (scripts/e2e.js builds first and sets
 * QUARRY_SKIP_BUILD, or finds the build fresh).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCES = ['renderer', 'core', 'db', 'cli', 'vite.config.ts', 'tsconfig.build.json'];
const OUTPUTS = [join('dist', 'renderer', 'index.html'), join('dist', 'cli', 'main.js')];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

export default function globalSetup(): void {
  const outputs = OUTPUTS.map((p) => join(ROOT, p));
  const missing = outputs.some((p) => !existsSync(p));
  const built = missing ? 0 : Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sources = Math.max(
    ...SOURCES.map((p) => join(ROOT, p))
      .filter(existsSync)
      .map(newest),
  );
  if (!missing && built >= sources) return;
  if (process.env.QUARRY_SKIP_BUILD === '1') {
    // Never test an old dist/: skipping the build is only for one just made from these sources.
    throw new Error('QUARRY_SKIP_BUILD=1, but dist/ is missing or older than the sources. Run npm run build.');
  }
  console.log(missing ? 'e2e: building the app (dist/ is missing)…' : 'e2e: rebuilding the app (sources changed)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) throw new Error('npm run build failed; the e2e tests need dist/renderer and dist/cli.');
}
