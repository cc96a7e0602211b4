/**
 * A quick key draws the coding at once, before the host answers (issue 8: the stripe within
 * 100 ms of the key): the stripe is there while `excerpts.tag` is still held back, is not a
 * control until the excerpt exists, becomes the saved excerpt, survives a reload and undoes;
 * when the host refuses (the code was deleted by another window meanwhile) it goes again and
 * the error shows.
 */
import type { Page, Route } from '@playwright/test';
import {
  type CliExcerpt,
  expect,
  highlightTexts,
  newProject,
  QUALCODER_TRANSCRIPT,
  saved,
  selectInReader,
  test,
} from './fixtures.js';

/** Holds every `excerpts.tag` call until `release` is called (the host has not answered yet). */
async function holdTagCalls(page: Page) {
  const held: Route[] = [];
  let holding = true;
  await page.route('**/api/excerpts.tag', async (route) => {
    if (holding) held.push(route);
    else await route.continue();
  });
  return {
    async waitForCall() {
      await expect.poll(() => held.length).toBe(1);
    },
    async release() {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** Makes "Workload" key 1 by applying it once through the picker. */
async function workloadOnKeyOne(page: Page) {
  await selectInReader(page, 'too many for the short semester period');
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await page.keyboard.type('Workload');
  await picker.getByRole('option', { name: /^Workload/ }).click();
  await expect(picker).toBeHidden();
  await saved(page);
}

test('key 1 draws the stripe before the host answers; it is saved, survives a reload and undoes', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Pending', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  await workspace.serve(project);
  await workloadOnKeyOne(page);

  const quote = 'wrtitten assignments';
  const tag = await holdTagCalls(page);
  await selectInReader(page, quote);
  await page.keyboard.press('1');
  await tag.waitForCall();

  // The host has not answered: the stripe and the highlight are drawn already, and the
  // stripe is no control yet (there is no excerpt to open).
  const saving = page.getByRole('button', { name: 'Excerpt coded Workload: saving' });
  await expect(saving).toBeVisible();
  await expect(saving).toBeDisabled();
  await expect.poll(() => highlightTexts(page)).toEqual(['too many for the short semester period', quote]);
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project])).toHaveLength(1);
  // M means the excerpt being made: its memo opens once the excerpt exists.
  await page.keyboard.press('m');

  await tag.release();
  const memo = page.getByRole('dialog', { name: 'New memo' });
  await expect(memo).toContainText(`On Excerpt “${quote}”`);
  await memo.getByRole('button', { name: 'Cancel' }).click();
  await expect(memo).toBeHidden();
  await expect(saving).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Excerpt coded Workload: show details' })).toHaveCount(2);
  await saved(page);
  const stored = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(stored.map((x) => x.text).sort()).toEqual([quote, 'too many for the short semester period'].sort());

  // The saved stripe opens its excerpt.
  await page.getByRole('button', { name: 'Excerpt coded Workload: show details' }).nth(1).click();
  await expect(page.getByRole('complementary').getByText(quote).first()).toBeVisible();

  // It is there after a reload, read back from the file.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Excerpt coded Workload: show details' })).toHaveCount(2);
  await expect.poll(() => highlightTexts(page)).toEqual(['too many for the short semester period', quote]);

  // Undo takes it off again (the coding was one ordinary undo step).
  await page.locator('.reader-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Excerpt coded Workload: show details' })).toHaveCount(1);
  await saved(page);
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project]).map((x) => x.text)).toEqual([
    'too many for the short semester period',
  ]);
});

test('a coding the host refuses (its code deleted meanwhile) is taken off again with the error', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Refused', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  const url = await workspace.serve(project);
  await workloadOnKeyOne(page);
  const codeId = workspace
    .cliJson<{ id: number; name: string }[]>(['codes', project])
    .find((c) => c.name === 'Workload')?.id;
  expect(codeId).toBeDefined();

  const tag = await holdTagCalls(page);
  await selectInReader(page, 'wrtitten assignments');
  await page.keyboard.press('1');
  await tag.waitForCall();
  await expect(page.getByRole('button', { name: 'Excerpt coded Workload: saving' })).toBeVisible();

  // Another window deletes the code (and its coding) while this tab's call is on its way.
  const { origin, searchParams } = new URL(url);
  const deleted = await page.request.post(`${origin}/api/codes.delete`, {
    headers: { authorization: `Bearer ${searchParams.get('token')}` },
    data: { id: codeId, codings: 'delete' },
  });
  expect(deleted.ok()).toBe(true);

  await tag.release();
  await expect(page.locator('[data-toast="error"]').filter({ hasText: /no code/i })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Excerpt coded Workload/ })).toHaveCount(0);
  await expect.poll(() => highlightTexts(page)).toEqual([]);
  // The text stays selected, so the researcher can code it with another code.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('wrtitten assignments');
  await saved(page);
  const left = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(left.filter((x) => x.text === 'wrtitten assignments')).toEqual([]);
});
