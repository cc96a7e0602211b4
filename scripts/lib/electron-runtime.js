/**
 * Whether the Electron runtime can run here. The electron npm package downloads its binary
 * from outside the npm registry at install time; where that was skipped or blocked, the
 * optional dependency is absent, or present without its binary.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { probe } from './proc.js';

const require = createRequire(import.meta.url);

/** @returns {{ ok: true, path: string, version: string } | { ok: false, reason: string }} */
export function findElectronRuntime() {
  let binary;
  try {
    binary = require('electron');
  } catch {
    return {
      ok: false,
      reason: 'the Electron runtime is not installed (npm could not download it; it is an optional dependency)',
    };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { ok: false, reason: `the Electron runtime binary is missing (${binary})` };
  }
  const version = probe(binary, ['-p', 'process.versions.electron'], { ...process.env, ELECTRON_RUN_AS_NODE: '1' });
  if (!version) return { ok: false, reason: `the Electron runtime at ${binary} does not run on this machine` };
  return { ok: true, path: binary, version };
}

/** On Linux a window needs an X or Wayland display. */
export function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
