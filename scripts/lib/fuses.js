/**
 * Electron fuses of a packaged app, checked after electron-builder flipped them
 * (`electronFuses` in electron-builder.yml): a release whose binary still lets
 * ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect in must not ship.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

const require = createRequire(import.meta.url);

/** electron-builder's option names, in the order of Electron's fuse wire (FuseV1Options). */
export const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

/** The `electronFuses` block of electron-builder.yml. */
export function configuredFuses(file = join(repoRoot, 'electron-builder.yml')) {
  const yaml = require('js-yaml');
  return yaml.load(readFileSync(file, 'utf8'))?.electronFuses ?? {};
}

/**
 * Compares the fuse wire in `executable` with `expected`; returns one line per fuse that
 * differs (empty when all match).
 */
export async function fuseMismatches(executable, expected) {
  const { getCurrentFuseWire } = require('@electron/fuses');
  const { FuseState } = require('@electron/fuses/dist/constants');
  const wire = await getCurrentFuseWire(executable);
  const problems = [];
  FUSE_NAMES.forEach((name, index) => {
    if (!(name in expected)) return;
    const state = wire[index];
    if (state === FuseState.REMOVED) return; // this Electron no longer has the fuse
    const want = expected[name] ? FuseState.ENABLE : FuseState.DISABLE;
    if (state !== want)
      problems.push(
        `${name} is ${state === FuseState.ENABLE ? 'on' : 'off'}, expected ${expected[name] ? 'on' : 'off'}`,
      );
  });
  return problems;
}

/** The Electron executables electron-builder left in release/ (the unpacked apps). */
export function packagedExecutables(releaseDir, productName = 'Quarry', executableName = 'quarry') {
  const found = [];
  for (const entry of readdirSync(releaseDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(releaseDir, entry.name);
    if (entry.name.startsWith('mac')) {
      for (const app of readdirSync(dir)) if (app.endsWith('.app')) found.push(join(dir, app));
    } else if (entry.name.endsWith('-unpacked')) {
      for (const file of readdirSync(dir)) {
        if (file === `${productName}.exe` || file === executableName || file === productName)
          found.push(join(dir, file));
      }
    }
  }
  return found;
}
