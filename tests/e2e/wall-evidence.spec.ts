/**
 * Evidence onto the wall from Retrieval in one go, and an insight's owner chosen from the coders.
 */
import { expect, newProject, SAMPLE, saved, section, test } from './fixtures.js';
import { api, wall } from './wall-helpers.js';

test('adds every retrieved excerpt to the board at once, and gives an insight an owner', async ({
  page,
  workspace,
}) => {
  const path = newProject(workspace, 'Evidence');
  workspace.cli(['import', path, SAMPLE('P02-Tom-UK.txt'), '--participant', 'Tom']);
  workspace.cli(['code', 'add', path, 'Mobile first']);
  const text = workspace.cliJson<{ text: string }>(['show', path, '1']).text;
  const quotes = ['Everything I buy, I buy on my phone.', 'it was an Instagram ad'];
  for (const quote of quotes) {
    const start = text.indexOf(quote);
    workspace.cli(['tag', path, '1', String(start), String(start + quote.length), 'Mobile first', '--coder', 'Mia']);
  }
  workspace.cli(['insight', 'add', path, '--title', 'Phones first', '--statement', 'They shop on phones.']);
  await workspace.serve(path);

  await section(page, 'Retrieve').click();
  await page.getByLabel('Code to retrieve').selectOption({ label: 'Mobile first (2)' });
  await expect(page.getByRole('status', { name: 'Retrieved excerpts' })).toHaveText('2 excerpts');
  await page.locator('[data-add-shown-to-board]').click();
  await expect(page.getByText(/Added 2 cards to /)).toBeVisible();
  await saved(page);
  expect((await wall(page)).cards.map((c) => c.text).sort()).toEqual([...quotes].sort());

  await section(page, 'Insights').click();
  await page
    .getByRole('button', { name: /Phones first/ })
    .first()
    .click();
  await page.getByLabel('Owner').selectOption({ label: 'Mia' });
  await saved(page);
  const insights = await api<{ id: number }[]>(page, 'insights.list', {});
  const detail = await api<{ owner: { name: string } | null }>(page, 'insights.get', { id: insights[0]?.id });
  expect(detail.owner?.name).toBe('Mia');
});
