/** Paths the scripts share: the repository root and the desktop app's user data folder. */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Same file name as electron/sample.ts, so the browser fallback and the desktop app share one copy. */
export const SAMPLE_FILE_NAME = 'Sample - Checkout study.quarry';

/**
 * Electron's userData for productName "Quarry" (electron/main.ts pins it), so `npm start`
 * in the browser and in the desktop app open the same sample copy. QUARRY_USER_DATA overrides.
 */
export function userDataDir() {
  if (process.env.QUARRY_USER_DATA) return resolve(process.env.QUARRY_USER_DATA);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Quarry');
  if (process.platform === 'win32') {
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Quarry');
  }
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Quarry');
}
