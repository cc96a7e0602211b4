/**
 * What the Chromium benches share (bench/reader.ts, keypress.ts, wall.ts): the app served by a
 * real `quarry serve` child process, and the system Chromium launched with the flags a closed
 * network needs (as playwright.config.ts launches it for the e2e suite).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from '@playwright/test';

/** The repository root (this file runs from dist/bench/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'quarry.js');
const CHROMIUM = process.env.QUARRY_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

/** Refuses to start without a Chromium or a built web front end, saying what to do. */
export function checkBrowserBench(): void {
  if (!CHROMIUM) throw new Error('No Chromium found (set QUARRY_CHROMIUM).');
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('Run `npm run build` first.');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Starts `quarry serve` on a free port; resolves with the URL it prints (its token included). */
export function serve(
  configDir: string,
  project: string,
  timeoutMs = 30_000,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve', project, '--port', '0', '--no-open'], {
    env: { ...process.env, QUARRY_CONFIG_DIR: configDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`quarry serve printed no URL:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        ok({ url: m[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`quarry serve exited (${code}):\n${out}`)));
  });
}

/** Closes the browser and the server, and removes the bench's folder unless it is to be kept. */
export async function tearDown(browser: Browser, server: ChildProcess | null, dir: string, keep: boolean) {
  await browser.close();
  server?.kill();
  if (keep) console.error(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
