/**
 * Playwright: the real UI in Chromium against `quarry serve` (tests/e2e/*.spec.ts, one fresh
 * server and temp project per test), plus the Electron suite where its runtime exists.
 * Chromium comes from QUARRY_CHROMIUM (set by scripts/e2e.js) or the system's /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env.QUARRY_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  // Generous limits: CI machines run these beside other work; a passing run takes about a minute.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
