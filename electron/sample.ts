/**
 * The sample project a first launch opens. `npm run dist` and `npm start` build it from
 * resources/sample (scripts/sample-project.js); the app keeps its own copy in the user data
 * folder so the researcher can change it freely and the bundled one stays pristine.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SAMPLE_FILE_NAME = 'Sample - Checkout study.quarry';

/** Where a built sample may be found, in order: packaged resources, then the dev build. */
export function bundledSampleCandidates(appRoot: string, resourcesPath: string | undefined): string[] {
  const candidates = [join(appRoot, 'dist', 'sample', SAMPLE_FILE_NAME)];
  if (resourcesPath) candidates.unshift(join(resourcesPath, 'sample', SAMPLE_FILE_NAME));
  return candidates;
}

/** Returns the user's copy of the sample, copying the bundled one on first use; null if none was built. */
export function ensureUserSample(userDataDir: string, candidates: readonly string[]): string | null {
  const target = join(userDataDir, SAMPLE_FILE_NAME);
  if (existsSync(target)) return target;
  const source = candidates.find((candidate) => existsSync(candidate));
  if (!source) return null;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  return target;
}
