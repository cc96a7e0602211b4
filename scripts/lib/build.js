/** Making sure the compiled app exists before a launcher uses it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, SAMPLE_FILE_NAME } from './paths.js';
import { npm, run } from './proc.js';

const OUTPUTS = ['dist/cli/main.js', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];

/** Builds once when any output is missing (npm ci normally did it through "prepare"). */
export async function ensureBuilt() {
  if (OUTPUTS.every((file) => existsSync(join(repoRoot, file)))) return;
  console.error('Building Quarry first (npm run build)…');
  const code = await run(npm, ['run', '--silent', 'build'], { cwd: repoRoot });
  if (code !== 0) throw new Error('The build failed; see the messages above.');
}

const SOURCES = ['core', 'db', 'cli', 'electron', 'renderer', 'vite.config.ts', 'tsconfig.build.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

/**
 * Why dist/ cannot be trusted as the build of the sources in front of us (missing, or older
 * than a source file), or null when it can. For QUARRY_SKIP_BUILD: skipping the build must
 * never mean testing an old dist/.
 */
export function staleBuild(outputs = ['dist/cli/main.js', 'dist/renderer/index.html']) {
  const missing = outputs.filter((file) => !existsSync(join(repoRoot, file)));
  if (missing.length > 0) return `${missing.join(', ')} missing`;
  const built = Math.min(...outputs.map((file) => statSync(join(repoRoot, file)).mtimeMs));
  const changed = SOURCES.map((p) => join(repoRoot, p))
    .filter(existsSync)
    .filter((p) => newest(p) > built);
  return changed.length > 0
    ? `sources changed since the build (${changed.map((p) => p.slice(repoRoot.length + 1)).join(', ')})`
    : null;
}

/** Builds the sample project at `dir`/SAMPLE_FILE_NAME unless it is there; returns its path. */
export async function ensureSample(dir) {
  const path = join(dir, SAMPLE_FILE_NAME);
  if (existsSync(path)) return path;
  const code = await run(process.execPath, [join(repoRoot, 'scripts', 'build-sample.js'), path], { cwd: repoRoot });
  if (code !== 0 || !existsSync(path)) throw new Error(`Could not build the sample project at ${path}.`);
  return path;
}
