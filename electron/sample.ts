/**
 * The sample project a first launch opens. The packaged app ships a pre-built copy beside
 * app.asar (scripts/dist.js builds it); a dev checkout builds it from resources/sample. The
 * app keeps its own copy in the user data folder so the researcher can change it freely.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE_FILE_NAME = 'Sample - Checkout study.quarry';

/** Where a pre-built sample may be found: beside app.asar when packaged. */
export function bundledSampleCandidates(resourcesPath: string | undefined): string[] {
  return resourcesPath ? [join(resourcesPath, 'sample', SAMPLE_FILE_NAME)] : [];
}

/**
 * Returns the user's copy of the sample: kept if it exists, else copied from a pre-built one,
 * else built with `build`. Null when none can be had (the window then offers open/create).
 */
export async function ensureUserSample(
  userDataDir: string,
  candidates: readonly string[],
  build?: (outPath: string) => Promise<unknown>,
): Promise<string | null> {
  const target = join(userDataDir, SAMPLE_FILE_NAME);
  if (existsSync(target)) return target;
  mkdirSync(userDataDir, { recursive: true });
  const source = candidates.find((candidate) => existsSync(candidate));
  if (source) {
    copyFileSync(source, target);
    return target;
  }
  if (!build) return null;
  try {
    await build(target);
  } catch (err) {
    console.error(`Quarry could not build the sample project: ${(err as Error).message}`);
    return null;
  }
  return existsSync(target) ? target : null;
}
