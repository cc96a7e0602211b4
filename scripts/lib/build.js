/** Making sure the compiled app exists before a launcher uses it. */
import { existsSync } from 'node:fs';
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

/** Builds the sample project at `dir`/SAMPLE_FILE_NAME unless it is there; returns its path. */
export async function ensureSample(dir) {
  const path = join(dir, SAMPLE_FILE_NAME);
  if (existsSync(path)) return path;
  const code = await run(process.execPath, [join(repoRoot, 'scripts', 'build-sample.js'), path], { cwd: repoRoot });
  if (code !== 0 || !existsSync(path)) throw new Error(`Could not build the sample project at ${path}.`);
  return path;
}
