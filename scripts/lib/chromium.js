/**
 * Finding a Chromium for the end-to-end tests, and installing one where none exists. The
 * order: an explicit path ($QUARRY_CHROMIUM, $CHROME_PATH), the system's browsers, then
 * Playwright's own download. Never silently skips: no browser is an error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { npx, probe, run, which } from './proc.js';

const require = createRequire(import.meta.url);
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser's own version line, or null when it does not start. */
function versionOf(path) {
  return probe(path, ['--version']);
}

function playwrightChromium() {
  try {
    const { chromium } = require('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** @returns {{ path: string, version: string, source: string } | null} */
export function findChromium() {
  for (const name of ['QUARRY_CHROMIUM', 'CHROME_PATH']) {
    const path = process.env[name];
    if (!path) continue;
    const version = versionOf(path);
    if (version) return { path, version, source: `$${name}` };
    console.error(`e2e: $${name} is set to ${path}, but that does not run as a browser; looking further.`);
  }
  for (const name of SYSTEM_NAMES) {
    const path = which(name);
    const version = path && versionOf(path);
    if (path && version) return { path, version, source: `the system's ${name}` };
  }
  const own = playwrightChromium();
  const version = own && versionOf(own);
  if (own && version) return { path: own, version, source: "Playwright's own Chromium" };
  return null;
}

function isDebianRoot() {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && which('apt-get') !== null;
}

/** Installs a Chromium the way this machine allows; returns a description of what it did. */
export async function installChromium() {
  if (isDebianRoot()) {
    console.error('e2e: no Chromium found; installing Debian\'s "chromium" package with apt-get.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // A stale package list makes the install fail; refresh it first.
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const code = await run('apt-get', ['install', '-y', 'chromium'], { env });
    return code === 0 ? 'installed with apt-get' : `apt-get install chromium failed (exit ${code})`;
  }
  console.error("e2e: no Chromium found; installing Playwright's own Chromium (npx playwright install chromium).");
  const code = await run(npx, ['playwright', 'install', 'chromium']);
  return code === 0 ? 'installed with npx playwright install' : `npx playwright install chromium failed (exit ${code})`;
}
