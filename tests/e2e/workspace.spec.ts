/**
 * The coding workspace: undo/redo by keyboard, merge codes, retrieve with context, CJK search
 * (价格 in a Chinese transcript) and "code all hits" after review.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CliExcerpt,
  expect,
  highlightTexts,
  newProject,
  QUALCODER_TRANSCRIPT,
  saved,
  section,
  selectInReader,
  shot,
  test,
} from './fixtures.js';

const ZH = [
  '采访者：你觉得价格怎么样？',
  '王芳：价格太贵了，配送也很慢。我觉得低价格的产品更好。',
  '采访者：配送费呢？',
  '王芳：配送费还可以，不过价格还是最重要的。',
].join('\n');

test('codes by keyboard, then undoes and redoes with Ctrl+Z / Shift+Ctrl+Z', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Undo', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  await workspace.serve(project);
  const quote = 'I felt that they were too busy and I switched off.';
  await selectInReader(page, quote);
  await page.keyboard.press('c');
  await page.keyboard.type('Workload');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual([quote]);
  await saved(page);
  await expect(page.getByRole('button', { name: 'Undo: apply code Workload' })).toBeEnabled();

  await page.locator('.reader-head h1').click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await highlightTexts(page)).length).toBe(0);
  await saved(page);
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project])).toEqual([]);
  await expect(page.getByRole('button', { name: 'Redo: apply code Workload' })).toBeEnabled();
  await shot(page, 'undo-done');

  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => highlightTexts(page)).toEqual([quote]);
  await saved(page);
  const excerpts = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(excerpts.map((e) => [e.text, e.codes])).toEqual([[quote, ['Workload']]]);
});

test('merges two codes from the codebook, then retrieves the merged code with context', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Merge', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  workspace.cli(['code', 'add', project, 'Busy']);
  const doc = workspace.cliJson<{ id: number; text?: string }[]>(['docs', project])[0]?.id as number;
  const text = workspace.cliJson<{ text: string }>(['show', project, String(doc)]).text;
  const a = text.indexOf('too busy');
  const b = text.indexOf('too many for the short semester period');
  workspace.cli(['tag', project, String(doc), String(a), String(a + 8), 'Busy']);
  workspace.cli(['tag', project, String(doc), String(b), String(b + 38), 'Workload']);
  await workspace.serve(project);

  await section(page, 'Codes').click();
  await page.getByRole('button', { name: 'Merge code Busy into another' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge code Busy' });
  await dialog.getByLabel('Merge into code').selectOption({ label: 'Workload' });
  await shot(page, 'merge-dialog');
  await dialog.getByRole('button', { name: 'Merge into “Workload”' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Workload, 2 excerpts' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Busy,/ })).toHaveCount(0);
  await saved(page);
  expect(workspace.cliJson<{ name: string }[]>(['codes', project]).map((c) => c.name)).toEqual(['Workload']);

  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Retrieve' }).click();
  await page.getByLabel('Code to retrieve').selectOption({ label: 'Workload (2)' });
  const items = page.getByRole('list', { name: 'Retrieved excerpts' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first().locator('mark')).toHaveText('too busy');
  // Context around the excerpt is shown, not just the excerpt.
  await expect(items.first()).toContainText('I felt that they were too busy and I switched off');
  await shot(page, 'retrieve');
  await items
    .first()
    .getByRole('button', { name: /Open in transcript/ })
    .click();
  await expect(page.locator('.reader-text')).toBeVisible();
  await expect.poll(async () => (await highlightTexts(page)).length).toBeGreaterThan(0);
});

test('searches 价格 in a Chinese transcript and codes all hits after review', async ({ page, workspace }) => {
  const file = join(workspace.dir, '王芳-访谈.txt');
  writeFileSync(file, ZH);
  const project = newProject(workspace, 'CJK', [file]);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('/');
  const field = page.getByLabel('Search the project');
  await field.fill('价格');
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('3 matches in 1 document');
  await expect(page.locator('.hit mark').first()).toHaveText('价格');
  await shot(page, 'search-cjk-2char');

  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const review = page.getByRole('list', { name: 'Hits to code' });
  // Every occurrence, including 价格 inside 低价格.
  await expect(review.getByRole('checkbox')).toHaveCount(4);
  await review.getByRole('checkbox').nth(3).uncheck();
  await page.getByLabel('New code name').fill('价格');
  // The matched words alone (the review offers the sentence or the turn too).
  await page.getByRole('group', { name: 'Each excerpt holds' }).getByRole('radio', { name: 'Match' }).check();
  await shot(page, 'code-all-review');
  await page.getByRole('button', { name: 'Code 3 excerpts' }).click();
  await saved(page);
  const excerpts = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(excerpts.map((e) => [e.text, e.codes])).toEqual([
    ['价格', ['价格']],
    ['价格', ['价格']],
    ['价格', ['价格']],
  ]);
  // One undo step for the whole batch.
  await page.getByRole('button', { name: 'Undo: code 3 hits of "价格" with 价格' }).click();
  await saved(page);
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project])).toEqual([]);
});
