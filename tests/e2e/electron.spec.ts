/**
 * The desktop app in the real Electron runtime, driven by Playwright's _electron. Runs where
 * scripts/e2e.js found the runtime (QUARRY_ELECTRON_BIN + QUARRY_ELECTRON_APP); elsewhere every
 * test here is reported as skipped with the reason. A runtime that is present but could not be
 * prepared (QUARRY_ELECTRON_ERROR) fails instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ElectronApplication, _electron as electron, expect, type Page, test } from '@playwright/test';
import type { DesktopBridge } from '../../electron/bridge.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = process.env.QUARRY_ELECTRON_BIN;
const APP = process.env.QUARRY_ELECTRON_APP;
const PREP_ERROR = process.env.QUARRY_ELECTRON_ERROR;
const SKIP =
  process.env.QUARRY_ELECTRON_SKIP ??
  (BIN && APP ? undefined : 'the Electron runtime was not prepared (run these tests through npm run test:e2e)');

type BridgeWindow = { quarry: DesktopBridge };

// Said once, by the runner process that collects the tests (workers have TEST_WORKER_INDEX).
if (SKIP !== undefined && !PREP_ERROR && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`Skipping the Electron tests: ${SKIP}.`);
}

function cli(configDir: string, args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'quarry.js'), ...args], {
    env: { ...process.env, QUARRY_CONFIG_DIR: configDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`quarry ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

test.describe('desktop app (Electron)', () => {
  // One app instance serves every test here, so they share a worker and run in order.
  test.describe.configure({ mode: 'serial' });
  test.skip(!PREP_ERROR && SKIP !== undefined, `Electron e2e skipped: ${SKIP}`);

  let dir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (PREP_ERROR) throw new Error(`The Electron runtime is present but could not be prepared: ${PREP_ERROR}`);
    dir = mkdtempSync(join(tmpdir(), 'quarry-electron-'));
    const project = join(dir, 'Electron study.quarry');
    cli(dir, ['new', project, '--name', 'Electron study']);
    cli(dir, ['import', project, join(ROOT, 'resources', 'sample', 'transcripts', 'P02-Tom-UK.txt')]);
    app = await electron.launch({
      executablePath: BIN as string,
      args: [APP as string, project],
      env: { ...process.env, QUARRY_CONFIG_DIR: dir, QUARRY_USER_DATA: join(dir, 'user-data') },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('opens the project named on the command line and shows its documents', async () => {
    await expect(page).toHaveTitle(/Electron study/);
    const info = await page.evaluate(() => (window as unknown as BridgeWindow).quarry.call('project.info', {}));
    expect(info).toMatchObject({ ok: true, result: { name: 'Electron study' } });
    await expect(page.getByText('P02-Tom-UK').first()).toBeVisible();
  });

  test('the window is sandboxed, isolated and locked to its own bundle', async () => {
    const page_ = await page.evaluate(async () => {
      const csp = (await fetch('/index.html')).headers.get('content-security-policy');
      const remote = await fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      );
      return {
        protocol: location.protocol,
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasProcess: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as BridgeWindow).quarry).sort(),
        popup: window.open('https://example.com/') === null,
        csp,
        remote,
      };
    });
    expect(page_).toMatchObject({ protocol: 'app:', hasRequire: 'undefined', hasProcess: 'undefined', popup: true });
    expect(page_.bridge).toEqual(
      ['call', 'onChange', 'openDialog', 'pickNewProjectPath', 'pickProjectPath', 'platform', 'saveDialog'].sort(),
    );
    expect(page_.csp).toContain("default-src 'self'");
    expect(page_.remote).toBe('blocked');

    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/quarry\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('the contract answers over IPC with envelopes and change events', async () => {
    const result = await page.evaluate(async () => {
      const { quarry } = window as unknown as BridgeWindow;
      const seen: string[] = [];
      const off = quarry.onChange((method) => seen.push(method));
      const added = await quarry.call('codes.add', { name: 'Trust in delivery', color: '#4C9A2A' });
      const bad = await quarry.call('codes.add', { name: '' });
      const unknown = await quarry.call('no.such.method', {});
      await new Promise((r) => setTimeout(r, 200));
      off();
      return { added, bad, unknown, seen };
    });
    expect(result.added).toMatchObject({ ok: true, result: { name: 'Trust in delivery' } });
    expect(result.bad).toMatchObject({ ok: false, error: { kind: 'BadInput' } });
    expect(result.unknown).toMatchObject({ ok: false, error: { kind: 'BadInput' } });
    expect(result.seen).toContain('codes.add');
  });
});
