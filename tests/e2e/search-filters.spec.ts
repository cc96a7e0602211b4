/** Search filters (document, participant attribute) narrow the hits; matching memos show under "In memos". */
import type { Page } from '@playwright/test';
import { expect, newProject, SAMPLE, shot, test } from './fixtures.js';

/** Calls the contract with the signed-in tab's token (project setup that is not under test). */
async function call<T>(page: Page, origin: string, method: string, input: unknown): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('quarry.token'));
  const response = await page.request.post(`${origin}/api/${method}`, {
    data: input,
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

test('filters search hits by document and participant attribute, and finds memos', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Search filters');
  workspace.cli(['import', project, SAMPLE('P02-Tom-UK.txt'), '--participant', 'Tom']);
  workspace.cli(['import', project, SAMPLE('P07-Marcus-US.txt'), '--participant', 'Marcus']);
  const url = await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const origin = new URL(url).origin;
  const api = <T>(method: string, input: unknown) => call<T>(page, origin, method, input);

  await api('attributes.add', { name: 'market', type: 'choice', choices: ['UK', 'US'] });
  const people = await api<{ id: number; label: string }[]>('participants.list', {});
  for (const p of people) {
    await api('participants.setAttributes', { id: p.id, attributes: { market: p.label === 'Tom' ? 'UK' : 'US' } });
  }
  await api('memos.add', {
    targetKind: 'project',
    title: 'Login friction',
    body: 'Both mention a password reset loop.',
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('/');
  const field = page.getByLabel('Search the project');
  await field.fill('password');
  const count = page.getByRole('status').filter({ hasText: /match/ });
  await expect(count).toHaveText(/in 2 documents$/);

  // Participant attribute: market = US leaves Marcus's interview only.
  const filters = page.getByRole('group', { name: 'Search filters' });
  await filters.getByLabel('Filter by participant attribute').selectOption('market');
  await filters.getByLabel('market value').selectOption('US');
  await expect(count).toHaveText(/in 1 document$/);
  await expect(page.getByRole('region', { name: 'Matches in P07-Marcus-US' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Matches in P02-Tom-UK' })).toHaveCount(0);

  // Document filter instead: Tom's interview only.
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(/in 2 documents$/);
  await filters.getByLabel('Filter by document').selectOption({ label: 'P02-Tom-UK' });
  await expect(count).toHaveText(/in 1 document$/);
  await expect(page.getByRole('region', { name: 'Matches in P02-Tom-UK' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Matches in P07-Marcus-US' })).toHaveCount(0);

  // "Code all hits" reviews only the filtered hits.
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const reviewHits = page.getByRole('list', { name: 'Hits to code' }).getByRole('checkbox');
  await expect(reviewHits.first()).toBeVisible();
  for (const label of await reviewHits.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
    expect(label).toContain('P02-Tom-UK');
  }
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Memos are searched too, and a memo hit opens the memo.
  const memos = page.getByRole('region', { name: 'In memos' });
  await expect(memos.getByRole('button')).toHaveCount(1);
  await expect(memos.getByRole('button')).toContainText('Login friction');
  await expect(memos.locator('mark')).toHaveText(/password/i);
  await shot(page, 'search-filters');
  await memos.getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Memos', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /Login friction/ })).toHaveAttribute('aria-current', 'true');
});

test('filters search hits by study round', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Rounds');
  workspace.cli(['import', project, SAMPLE('P02-Tom-UK.txt'), '--study', 'Checkout', '--round', 'Wave 1']);
  workspace.cli(['import', project, SAMPLE('P07-Marcus-US.txt'), '--study', 'Checkout', '--round', 'Wave 2']);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('/');
  await page.getByLabel('Search the project').fill('password');
  const count = page.getByRole('status').filter({ hasText: /match/ });
  await expect(count).toHaveText(/in 2 documents$/);

  const round = page.getByLabel('Filter by round');
  await expect(round.locator('option')).toHaveText(['Any round', 'Wave 1', 'Wave 2']);
  await round.selectOption('Wave 2');
  await expect(count).not.toHaveText(/in 2 documents$/);
  await expect(page.getByRole('region', { name: 'Matches in P07-Marcus-US' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Matches in P02-Tom-UK' })).toHaveCount(0);
});
