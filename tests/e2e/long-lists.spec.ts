/**
 * Long lists render only the rows in view (issue 8): 3,000 excerpts put fewer than 200 rows
 * in the DOM, and scrolling to the end brings the last one; so do a codebook of 1,500 nested
 * codes (which the keyboard walks to its last code) and a search of 1,200 hits.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, newProject, saved, section, shot, test } from './fixtures.js';

const ROWS = 3_000;

test('the Excerpts list of 3,000 excerpts renders only what is in view and scrolls to the last', async ({
  page,
  workspace,
}) => {
  test.setTimeout(180_000);
  const lines = Array.from(
    { length: ROWS },
    (_, i) => `Ada (P01): Line ${String(i + 1).padStart(4, '0')} says something worth coding.`,
  );
  const transcript = join(workspace.dir, 'long.txt');
  writeFileSync(transcript, `${lines.join('\n\n')}\n`);
  const project = newProject(workspace, 'Long lists', [transcript]);
  const doc = workspace.cliJson<{ id: number; text: string }>(['show', project, '1']);
  const batch = lines.map((line) => {
    const quote = line.slice('Ada (P01): '.length);
    const start = doc.text.indexOf(quote);
    return JSON.stringify({ doc: doc.id, start, end: start + quote.length, codes: ['Worth'] });
  });
  const batchFile = join(workspace.dir, 'batch.jsonl');
  writeFileSync(batchFile, `${batch.join('\n')}\n`);
  workspace.cli(['tag', project, '--batch', batchFile]);
  await workspace.serve(project);

  await section(page, 'Excerpts').click();
  const list = page.getByRole('list', { name: 'Excerpts' });
  await expect(list).toHaveAttribute('data-rows', String(ROWS));
  await expect(list.getByRole('listitem').first()).toContainText('Line 0001');
  const rendered = await list.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(200);

  // Scroll to the end (row heights are learnt on the way, so the end may move a little).
  await expect
    .poll(
      async () => {
        await list.evaluate((ul) => {
          let node = ul.parentElement;
          while (node && !/(auto|scroll)/.test(getComputedStyle(node).overflowY)) node = node.parentElement;
          node?.scrollTo(0, node.scrollHeight);
        });
        return list.getByText('Line 3000', { exact: false }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await expect(list.getByText('Line 3000', { exact: false })).toBeInViewport();
  expect(await list.getByRole('listitem').count()).toBeLessThan(200);
  await expect(list.getByText('Line 0001', { exact: false })).toHaveCount(0);

  // Retrieval of the code behind all 3,000: the same windowing.
  await section(page, 'Retrieve').click();
  await page.getByLabel('Code to retrieve').selectOption({ label: 'Worth (3000)' });
  const retrieved = page.getByRole('list', { name: 'Retrieved excerpts' });
  await expect(retrieved).toHaveAttribute('data-rows', String(ROWS));
  await expect(retrieved.getByRole('listitem').first()).toBeVisible();
  expect(await retrieved.getByRole('listitem').count()).toBeLessThan(200);
});

/** Calls the contract over HTTP as another window would (the served page's token). */
function api(page: Page, url: string) {
  const { origin, searchParams } = new URL(url);
  const headers = { authorization: `Bearer ${searchParams.get('token')}` };
  return async <T>(method: string, input: unknown): Promise<T> => {
    const res = await page.request.post(`${origin}/api/${method}`, { headers, data: input });
    const body = await res.json();
    if (!res.ok()) throw new Error(`${method}: ${JSON.stringify(body)}`);
    return (body.result ?? body) as T;
  };
}

const THEMES = 50;
const TOPICS = 29;

test('a codebook of 1,500 nested codes renders only the rows in view; the keyboard reaches the last code', async ({
  page,
  workspace,
}) => {
  test.setTimeout(240_000);
  const transcript = join(workspace.dir, 'short.txt');
  writeFileSync(transcript, 'Ada (P01): A short interview.\n');
  const project = newProject(workspace, 'Big codebook', [transcript]);
  const url = await workspace.serve(project);
  // The codes arrive from "another window" while this page is away, so it loads them once.
  await page.goto('about:blank');
  const call = api(page, url);
  for (let t = 1; t <= THEMES; t++) {
    const theme = await call<{ id: number }>('codes.add', { name: `Theme ${String(t).padStart(2, '0')}` });
    for (let k = 1; k <= TOPICS; k++)
      await call('codes.add', { name: `Topic ${String(k).padStart(2, '0')}`, parentId: theme.id });
  }
  await page.goto(url);
  await section(page, 'Codes').click();
  const tree = page.getByRole('list', { name: 'Codes' });
  const total = THEMES * (TOPICS + 1) + 1; // and "All excerpts"
  await expect(tree).toHaveAttribute('data-rows', String(total));
  await expect(tree).toHaveAttribute('data-windowed', 'true');
  const rendered = await tree.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(100);
  const first = tree.getByRole('listitem').first();
  await expect(first).toHaveAttribute('aria-posinset', '1');
  await expect(first).toHaveAttribute('aria-setsize', String(total));

  // ↓ walks past the rendered rows (new ones are rendered as focus moves), End reaches the last.
  await tree.getByRole('button', { name: 'All excerpts' }).focus();
  for (let i = 0; i < 70; i++) await page.keyboard.press('ArrowDown');
  // Row 71: "All excerpts", then Theme 01 and its 29 topics, Theme 02 and its 29, Theme 03, Topic 09.
  const seventieth = tree.getByRole('button', { name: 'Theme 03 › Topic 09, 0 excerpts' });
  await expect(seventieth).toBeFocused();
  await expect(seventieth).toBeInViewport();
  await page.keyboard.press('End');
  const last = tree.getByRole('button', { name: 'Theme 50 › Topic 29, 0 excerpts' });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last.locator('xpath=..')).toHaveAttribute('aria-posinset', String(total));
  expect(await tree.getByRole('listitem').count()).toBeLessThan(100);
  await expect(tree.getByRole('button', { name: 'Theme 01, 0 excerpts' })).toHaveCount(0);
  await shot(page, 'codes-windowed-end');

  // Alt+↑ moves it among its siblings and focus stays on it.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('codebook-announcement')).toContainText('Topic 29');
  await expect(last).toBeFocused();
  await expect(last.locator('xpath=..')).toHaveAttribute('aria-posinset', String(total - 1));

  // Home goes back to the top.
  await page.keyboard.press('Home');
  await expect(tree.getByRole('button', { name: 'All excerpts' })).toBeFocused();

  // ← folds a code (its topics leave the list), → unfolds it and then goes to its first child,
  // ← on a child goes to its parent; the caret does the same with the mouse.
  await page.keyboard.press('ArrowDown');
  const theme01 = tree.getByRole('button', { name: 'Theme 01, 0 excerpts' });
  await expect(theme01).toBeFocused();
  await expect(theme01).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(theme01).toHaveAttribute('aria-expanded', 'false');
  await expect(tree).toHaveAttribute('data-rows', String(total - TOPICS));
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('button', { name: 'Theme 02, 0 excerpts' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(theme01).toHaveAttribute('aria-expanded', 'true');
  await expect(tree).toHaveAttribute('data-rows', String(total));
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('button', { name: 'Theme 01 › Topic 01, 0 excerpts' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(theme01).toBeFocused();
  await tree.getByTestId('fold-Theme 01').click();
  await expect(theme01).toHaveAttribute('aria-expanded', 'false');
  await expect(tree).toHaveAttribute('data-rows', String(total - TOPICS));
  await shot(page, 'codes-folded');
  await tree.getByTestId('fold-Theme 01').click();
  await expect(tree).toHaveAttribute('data-rows', String(total));
  // A drag still re-parents (the rows in view are droppable).
  const handle = tree.getByTestId('drag-Topic 05').first();
  await handle.hover({ force: true });
  const from = await handle.boundingBox();
  const to = await tree.getByRole('button', { name: 'Theme 01 › Topic 01, 0 excerpts' }).boundingBox();
  if (!from || !to) throw new Error('the rows are not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 4, { steps: 12 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 5, { steps: 2 });
  await page.mouse.up();
  await expect(tree.getByRole('button', { name: 'Theme 01 › Topic 01 › Topic 05, 0 excerpts' })).toBeVisible();
  await saved(page);
  const codes = workspace.cliJson<{ name: string; parent: string | null }[]>(['codes', project]);
  expect(codes.filter((c) => c.name === 'Topic 05' && c.parent === 'Topic 01')).toHaveLength(1);
});

test('search results with many hits are windowed, page on with "Show more", and scroll to the end', async ({
  page,
  workspace,
}) => {
  test.setTimeout(180_000);
  const files = [1, 2, 3].map((d) => {
    const path = join(workspace.dir, `long-${d}.txt`);
    const lines = Array.from(
      { length: 400 },
      (_, i) => `Ada (P0${d}): Doc ${d} line ${String(i + 1).padStart(3, '0')} says something worth coding.`,
    );
    writeFileSync(path, `${lines.join('\n\n')}\n`);
    return path;
  });
  const project = newProject(workspace, 'Many hits', files);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await page.getByLabel('Search the project').fill('worth');
  const status = page.getByRole('status').filter({ hasText: /match/ });
  await expect(status).toHaveText(/^200 matches in \d documents?$/);
  const list = page.locator('.hit-list');
  const rows = async () => Number(await list.getAttribute('data-rows'));
  expect(await rows()).toBeGreaterThan(200);
  expect(await list.locator('li').count()).toBeLessThan(100);

  const more = page.getByRole('button', { name: 'Show 500 more matches' });
  await more.click();
  await expect(status).toHaveText(/^700 matches in [23] documents$/);
  await more.click();
  await expect(status).toHaveText('1200 matches in 3 documents');
  expect(await rows()).toBe(1203);
  // A full page came back, so more may follow: one more ask finds none and the button goes.
  await more.click();
  await expect(more).toHaveCount(0);
  await expect(status).toHaveText('1200 matches in 3 documents');
  expect(await list.locator('li').count()).toBeLessThan(100);

  // Scroll to the end (heights are learnt on the way, so the end may move a little).
  const lastRow = list.locator('li').last();
  let lastText = '';
  await expect
    .poll(
      async () => {
        await list.evaluate((el) => {
          let node = el.parentElement;
          while (node && !/(auto|scroll)/.test(getComputedStyle(node).overflowY)) node = node.parentElement;
          node?.scrollTo(0, node.scrollHeight);
        });
        lastText = (await lastRow.textContent()) ?? '';
        return list.evaluate((el) => {
          const node = el.closest('.view-body') as HTMLElement;
          return Math.abs(node.scrollTop + node.clientHeight - node.scrollHeight) < 2;
        });
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  expect(lastText).toMatch(/Doc \d line \d{3}/);
  await shot(page, 'search-windowed-end');
  await expect(lastRow).toBeInViewport();
  expect(await list.locator('li').count()).toBeLessThan(100);
  // Every document keeps its region name while windowed.
  await expect(page.getByRole('region', { name: /^Matches in long-\d$/ }).first()).toBeVisible();

  // "Code all hits" reviews every occurrence (1,200), windowed the same way.
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const review = page.getByRole('list', { name: 'Hits to code' });
  await expect(review).toHaveAttribute('data-rows', '1200');
  await expect(review.getByRole('checkbox').first()).toBeChecked();
  expect(await review.getByRole('listitem').count()).toBeLessThan(100);
  await expect(page.getByRole('button', { name: 'Code 1200 excerpts' })).toBeVisible();
});
