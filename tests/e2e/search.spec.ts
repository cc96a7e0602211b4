/** Full-text search: `/` opens it, hits show marked snippets, a hit opens the transcript marked there. */
import { expect, highlightTexts, newProject, SAMPLE, shot, test } from './fixtures.js';

test('searches words and Japanese text and jumps to the hit', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Search', [SAMPLE('P02-Tom-UK.txt'), SAMPLE('P03-Yuki-JP.txt')]);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('/');
  const field = page.getByLabel('Search the project');
  await expect(field).toBeFocused();
  await field.fill('verification email');
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('1 match in 1 document');
  await expect(page.locator('.hit mark').first()).toHaveText(/verification/i);

  await field.fill('スマホ');
  const hits = page.getByRole('region', { name: 'Matches in P03-Yuki-JP' }).getByRole('button');
  await expect(hits.first()).toBeVisible();
  await shot(page, 'search-cjk');
  await hits.first().click();
  await expect(page.getByRole('heading', { name: 'P03-Yuki-JP', level: 1 })).toBeVisible();
  await expect.poll(() => highlightTexts(page, 'q-pending')).toEqual(['スマホ']);
  await shot(page, 'search-jump');
});
