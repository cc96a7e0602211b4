/**
 * E2E fixtures: every test gets its own temp directory, config dir and `quarry serve`
 * process (real CLI, real SQLite file), and a page signed in through the printed URL.
 * Project setup that is not under test goes through the real CLI before the server starts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { SHARED_DATA } from '../shared-data.js';

export { SHARED_DATA };

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'quarry.js');
export const SHOTS = process.env.QUARRY_SHOTS ?? join(tmpdir(), 'quarry-shots');

/** Real sample material beside the repository (../shared/data, see tests/shared-data.ts), and the bundled study. */
export const QUALCODER_TRANSCRIPT = join(SHARED_DATA, 'transcripts', 'qualcoder', 'transcript.txt');
export const SAMPLE = (name: string) => join(ROOT, 'resources', 'sample', 'transcripts', name);

export interface Workspace {
  dir: string;
  configDir: string;
  /** Runs the real CLI with this workspace's config dir; throws with stderr on failure. */
  cli(args: string[]): string;
  cliJson<T>(args: string[]): T;
  /** Starts `quarry serve [project] --port 0 --no-open` and opens its URL in the page. */
  serve(project?: string): Promise<string>;
}

function runCli(configDir: string, args: string[]): string {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, QUARRY_CONFIG_DIR: configDir, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`quarry ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

function startServe(configDir: string, project: string | undefined): Promise<{ url: string; child: ChildProcess }> {
  const args = [BIN, 'serve', ...(project ? [project] : []), '--port', '0', '--no-open'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, QUARRY_CONFIG_DIR: configDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`quarry serve printed no URL within 15 s:\n${out}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Quarry is serving .*?at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{16,})/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl({ url: match[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`quarry serve exited (${code}) before serving:\n${out}`));
    });
  });
}

export const test = base.extend<{ workspace: Workspace }>({
  workspace: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'quarry-e2e-'));
    const configDir = join(dir, 'config');
    mkdirSync(configDir);
    const children: ChildProcess[] = [];
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(msg.text());
    });
    const workspace: Workspace = {
      dir,
      configDir,
      cli: (args) => runCli(configDir, args),
      cliJson: <T>(args: string[]) => JSON.parse(runCli(configDir, [...args, '--json'])) as T,
      async serve(project) {
        const { url, child } = await startServe(configDir, project);
        children.push(child);
        await page.goto(url);
        return url;
      },
    };
    await use(workspace);
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/** Creates a project with the CLI (before any server holds it) and returns its path. */
export function newProject(ws: Workspace, name = 'E2E study', files: string[] = []): string {
  const path = join(ws.dir, `${name.replace(/\W+/g, '-')}.quarry`);
  ws.cli(['new', path, '--name', name]);
  if (files.length) ws.cli(['import', path, ...files]);
  return path;
}

/** Selects `needle` (its first occurrence) in the reader with a programmatic DOM Range over the rendered spans. */
export async function selectInReader(page: Page, needle: string, occurrence = 0): Promise<void> {
  await expect(page.locator('.reader-text')).toContainText(needle);
  await page.evaluate(
    ({ needle, occurrence }) => {
      const root = document.querySelector('.reader-text');
      if (!root) throw new Error('no reader');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('span[data-start]') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
      });
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = whole.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`"${needle}" is not in the reader`);
      const locate = (offset: number, end: boolean) => {
        let seen = 0;
        for (const node of nodes) {
          const len = node.data.length;
          if (offset < seen + len || (end && offset === seen + len)) return { node, offset: offset - seen };
          seen += len;
        }
        throw new Error('offset past the text');
      };
      const a = locate(at, false);
      const b = locate(at + needle.length, true);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    },
    { needle, occurrence },
  );
}

/** Waits until every write has been confirmed by the host. */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The rail's section button (its name carries a count, e.g. "Codes 3"). */
export function section(
  page: Page,
  name: 'Documents' | 'Codes' | 'Excerpts' | 'Retrieve' | 'Board' | 'Insights' | 'Hypotheses' | 'Participants',
) {
  return page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: new RegExp(`^${name}( \\d+)?$`) });
}

/**
 * Texts painted by the reader's CSS Custom Highlights, in document order: `codes` are the
 * per-colour code highlights (one entry per distinct range, so an excerpt coded twice counts
 * once), or one named highlight (`q-focus`, `q-find`, `q-find-current`, …).
 */
export function highlightTexts(page: Page, which: 'codes' | string = 'codes'): Promise<string[]> {
  return page.evaluate((which) => {
    const ranges: Range[] = [];
    for (const [name, h] of CSS.highlights) {
      if (which === 'codes' ? name.startsWith('qc-') : name === which) ranges.push(...(h as unknown as Set<Range>));
    }
    const seen = new Map<string, Range>();
    const nodes = [...document.querySelectorAll('.reader-text span[data-start]')].map((s) => s.firstChild);
    for (const r of ranges)
      seen.set(`${nodes.indexOf(r.startContainer as ChildNode)}:${r.startOffset}:${r.endOffset}`, r);
    return [...seen.values()].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  }, which);
}

/** The background colour the stylesheet gives a code highlight that paints `text`. */
export function highlightColour(page: Page, text: string): Promise<string | null> {
  return page.evaluate((text) => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('qc-')) continue;
      if (![...(h as unknown as Set<Range>)].some((r) => r.toString() === text)) continue;
      for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
        for (const rule of sheet.cssRules) {
          if (rule instanceof CSSStyleRule && rule.selectorText.includes(`::highlight(${name})`)) {
            return rule.style.backgroundColor;
          }
        }
      }
    }
    return null;
  }, text);
}

/** Clicks the middle of the first occurrence of `text` in the reader (e.g. coded text). */
export async function clickText(page: Page, text: string, button: 'left' | 'right' = 'left'): Promise<void> {
  const box = await page.evaluate((text) => {
    const root = document.querySelector('.reader-text') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(text);
      if (at < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const mid = at + Math.floor(text.length / 2);
      const r = document.createRange();
      r.setStart(n, mid);
      r.setEnd(n, mid + 1);
      const rect = r.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    throw new Error(`"${text}" is not in the reader`);
  }, text);
  await page.mouse.click(box.x, box.y, { button });
}

/** An excerpt as `quarry excerpts --json` prints it (spec/cli.md). */
export interface CliExcerpt {
  id: number;
  documentId: number;
  start: number;
  end: number;
  text: string;
  codes: string[];
}
