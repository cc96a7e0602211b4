/** Full-text search: `/` opens it, hits show marked snippets, a hit opens the transcript marked there. */
import { type CliExcerpt, expect, highlightTexts, newProject, SAMPLE, saved, shot, test } from './fixtures.js';

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

test('codes CJK hits by sentence: counts first, whole sentences, no duplicates on a second run', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Code by sentence', [SAMPLE('P03-Yuki-JP.txt')]);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('/');
  await page.getByLabel('Search the project').fill('クーポン');
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('2 matches in 1 document');
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const review = page.getByRole('list', { name: 'Hits to code' });
  // Every occurrence: two of the three sit in one sentence.
  await expect(review.getByRole('checkbox')).toHaveCount(3);
  const extent = page.getByRole('group', { name: 'Each excerpt holds' });
  await expect(extent.getByRole('radio', { name: 'Sentence' })).toBeChecked();
  await page.getByLabel('New code name').fill('クーポン');
  const confirm = page.locator('[data-code-all-confirm]');
  await expect(confirm).toHaveText('Code 2 excerpts');
  // The match alone would make three excerpts; the turn, two.
  await extent.getByRole('radio', { name: 'Match' }).check();
  await expect(confirm).toHaveText('Code 3 excerpts');
  await extent.getByRole('radio', { name: 'Sentence' }).check();
  await expect(confirm).toHaveText('Code 2 excerpts');
  await shot(page, 'code-all-by-sentence');
  await confirm.click();
  await saved(page);

  const excerpts = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  const texts = excerpts.map((e) => e.text).sort();
  expect(texts).toEqual(
    [
      'クーポンは使われましたか。',
      'LINEの友だち登録でもらったクーポンを使おうとしたんですけど、クーポンコードを入れる欄がどこにあるのか分からなくて。',
    ].sort(),
  );
  // Each ends at a sentence boundary and none holds the speaker label.
  for (const text of texts) {
    expect(text).toMatch(/[。！？]$/u);
    expect(text).not.toMatch(/[：:]/u);
  }

  // A second run with the same code creates nothing and says why.
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  await page.getByLabel('Code to apply').selectOption({ label: 'クーポン' });
  await expect(confirm).toHaveText('Code 0 excerpts (2 already coded)');
  await expect(confirm).toBeDisabled();
  // Coding the matches alone is covered by those sentences as well.
  await extent.getByRole('radio', { name: 'Match' }).check();
  await expect(confirm).toHaveText('Code 0 excerpts (3 already coded)');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project])).toHaveLength(2);
});

test('a refused search clears its results and "Code all hits", and says why', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Refused', [SAMPLE('P02-Tom-UK.txt')]);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('/');
  const field = page.getByLabel('Search the project');
  await field.fill('verification');
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Code all hits…' })).toBeEnabled();

  await field.fill('🙂');
  await expect(page.locator('[data-search-error]')).toHaveText(/There is no word to look for in "🙂"/);
  await expect(page.locator('.hit')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Code all hits…' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveCount(0);

  // A malformed query too; a good one brings results back.
  await field.fill('"unclosed');
  await expect(page.locator('[data-search-error]')).toHaveText(/A quote is not closed/);
  await field.fill('verification');
  await expect(page.locator('[data-search-error]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Code all hits…' })).toBeEnabled();
});
