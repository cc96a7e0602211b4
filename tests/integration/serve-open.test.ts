/**
 * `quarry serve` without --no-open tries to open a browser; where none can be opened (no
 * opener installed here, as on a headless server) it says so next to the URL it printed,
 * instead of leaving the person waiting for a window that never comes.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN, ensureBuilt, makeTempDir, quarry, removeDir } from './cli-harness.js';

let dir: string;
let project: string;

beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
  project = join(dir, 'p.quarry');
  expect(quarry(dir, ['new', project]).code).toBe(0);
});

afterAll(() => removeDir(dir));

it('says it could not open a browser, next to the URL, when no opener exists', async () => {
  // A PATH holding nothing: no xdg-open/open/cmd can be found, and no display to open one on.
  const emptyBin = join(dir, 'bin');
  mkdirSync(emptyBin);
  const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, 'serve', project], {
    env: { ...env, PATH: emptyBin, QUARRY_CONFIG_DIR: join(dir, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  try {
    await expect
      .poll(() => out, { timeout: 15_000 })
      .toMatch(/Could not open a browser here \(.+ is not installed\): open the address above yourself/);
    const lines = out.split('\n');
    const urlLine = lines.findIndex((l) => /^Quarry is serving .* at http:\/\/127\.0\.0\.1:\d+\//.test(l));
    const sorry = lines.findIndex((l) => l.startsWith('Could not open a browser'));
    expect(urlLine).toBeGreaterThanOrEqual(0);
    expect(sorry).toBeGreaterThan(urlLine);
  } finally {
    child.kill('SIGTERM');
  }
});
