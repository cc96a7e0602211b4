/**
 * From evidence to findings: a board laid out from codes, bound groups that code and uncode
 * the cards dropped in and taken out, an insight made from a group (with its evidence
 * strength), and a hypothesis with evidence and a status history.
 */
import { expect, newProject, SAMPLE, saved, section, shot, test, type Workspace } from './fixtures.js';
import { api, cardEl, groupEl, wall } from './wall-helpers.js';

const QUOTES = {
  instagram: 'it was an Instagram ad',
  phone: 'Everything I buy, I buy on my phone.',
  account: 'the first thing it did was ask me to create an account',
  ipad: 'My daughter set me up with an iPad',
};

function project(ws: Workspace): string {
  const path = newProject(ws, 'Wall synthesis');
  ws.cli(['import', path, SAMPLE('P02-Tom-UK.txt'), '--participant', 'Tom']);
  ws.cli(['import', path, SAMPLE('P07-Marcus-US.txt'), '--participant', 'Marcus']);
  const docs = ws.cliJson<{ id: number; title: string }[]>(['docs', path]);
  const text = (id: number) => ws.cliJson<{ text: string }>(['show', path, String(id)]).text;
  const tom = docs.find((d) => d.title.includes('Tom'));
  const marcus = docs.find((d) => d.title.includes('Marcus'));
  if (!tom || !marcus) throw new Error('documents not imported');
  const tag = (doc: number, quote: string, code: string) => {
    const start = text(doc).indexOf(quote);
    if (start < 0) throw new Error(`“${quote}” is not in the document`);
    ws.cli(['tag', path, String(doc), String(start), String(start + quote.length), code]);
  };
  for (const code of ['Discovery', 'Mobile first', 'Checkout friction']) ws.cli(['code', 'add', path, code]);
  tag(tom.id, QUOTES.instagram, 'Discovery');
  tag(tom.id, QUOTES.phone, 'Mobile first');
  tag(tom.id, QUOTES.account, 'Checkout friction');
  tag(marcus.id, QUOTES.ipad, 'Mobile first');
  return path;
}

test('lay out from codes; bound groups code and uncode; an insight from a group; a hypothesis with evidence', async ({
  page,
  workspace,
}) => {
  test.setTimeout(150_000);
  await workspace.serve(project(workspace));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Markets for the evidence strength.
  await api(page, 'attributes.add', { name: 'market', type: 'choice', choices: ['UK', 'US'] });
  for (const p of await api<{ id: number; label: string }[]>(page, 'participants.list', {})) {
    await api(page, 'participants.setAttributes', {
      id: p.id,
      attributes: { market: p.label === 'Tom' ? 'UK' : 'US' },
    });
  }

  // Lay out from codes: a group per code, bound to it, with its excerpts.
  await section(page, 'Board').click();
  await page.getByRole('button', { name: 'Lay out from codes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lay out from codes' });
  await dialog.getByLabel('Board name').fill('Mobile shopping 📱');
  for (const code of ['Discovery', 'Mobile first', 'Checkout friction']) {
    await dialog.getByRole('checkbox', { name: code }).check();
  }
  await dialog.getByRole('button', { name: 'Lay out 3 codes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Board' })).toHaveValue(/\d+/);
  await expect(page.locator('[data-card-id]')).toHaveCount(4);
  await expect(page.locator('[data-group-id]')).toHaveCount(3);
  const board = await wall(page).then(async (first) => {
    const boards = await api<{ id: number; name: string }[]>(page, 'boards.list', {});
    const made = boards.find((b) => b.name === 'Mobile shopping 📱');
    return made ? await api<typeof first>(page, 'boards.get', { id: made.id }) : first;
  });
  const group = (code: string) => {
    const g = board.groups.find((x) => x.code?.name === code);
    if (!g) throw new Error(`no group bound to ${code}`);
    return g;
  };
  const discovery = group('Discovery');
  await expect(groupEl(page, discovery.id).locator('.group-code')).toHaveText('Discovery');
  const card = board.cards.find((c) => c.text === QUOTES.instagram);
  if (!card?.excerpt) throw new Error('no Instagram card');
  await saved(page);
  await shot(page, 'wall-from-codes');

  // Move the Instagram card into the bound "Checkout friction" group: the excerpt gets that
  // code; Discovery, which the researcher applied (not the group), stays.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await cardEl(page, card.id).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('m');
  await page.keyboard.type('Checkout');
  await page.keyboard.press('Enter');
  await saved(page);
  const codesOf = async () => {
    const list = await api<{ id: number; codes: { name: string }[] }[]>(page, 'excerpts.list', {});
    return (list.find((x) => x.id === card.excerpt?.id)?.codes.map((c) => c.name) ?? []).sort();
  };
  await expect.poll(codesOf).toEqual(['Checkout friction', 'Discovery']);
  // The Excerpts section shows it too.
  await section(page, 'Excerpts').click();
  const item = page.getByRole('list', { name: 'Excerpts' }).getByRole('listitem').filter({ hasText: QUOTES.instagram });
  await expect(item.locator('.chip')).toHaveText(['Discovery', 'Checkout friction']);

  // Back on the wall: taking it out of the bound group onto the canvas removes the code the
  // group gave it (a toast offers to keep it; by default it goes).
  await section(page, 'Board').click();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await cardEl(page, card.id).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('m');
  await page.keyboard.type('canvas');
  await page.keyboard.press('Enter');
  await saved(page);
  await expect(page.getByText(/Removed the code Checkout friction from 1 excerpt/)).toBeVisible();
  await expect.poll(codesOf).toEqual(['Discovery']);

  // An insight from the "Mobile first" group: two participants in two markets.
  const mobile = group('Mobile first');
  await groupEl(page, mobile.id)
    .getByRole('button', { name: /^Menu of group/ })
    .click();
  await page.getByRole('menuitem', { name: 'Make insight' }).click();
  await saved(page);
  const insight = page.locator('[data-insight-page]');
  await expect(insight).toBeVisible();
  await expect(insight.locator('[data-strength]')).toContainText('2 participants in 2 markets; 0 contradict');
  await expect(insight.locator('[data-evidence-id]')).toHaveCount(2);
  await insight.getByRole('button', { name: 'Title: Mobile first. Edit' }).click();
  await insight.getByLabel('Title').fill('Shoppers live on their phones');
  await page.keyboard.press('Enter');
  await saved(page);
  // One quote contradicts: the strength says so.
  await insight.locator('[data-evidence-id]').first().getByRole('button', { name: 'Supports' }).click();
  await saved(page);
  await expect(insight.locator('[data-strength]')).toContainText('1 contradict');
  await expect(page.getByRole('list', { name: 'Insights list' })).toContainText('Shoppers live on their phones');
  await shot(page, 'insight-page');

  // A hypothesis: linked evidence either way, status and its history.
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: /^Hypotheses/ })
    .click();
  await page.getByLabel('New hypothesis').fill('Guest checkout would lift conversion on mobile');
  await page.getByRole('button', { name: 'Add hypothesis' }).click();
  const h = page.locator('[data-hypothesis-id]');
  await expect(h).toHaveCount(1);
  await h.getByRole('button', { name: 'Link excerpts…' }).click();
  await h.getByRole('checkbox', { name: new RegExp(QUOTES.account.slice(0, 30)) }).check();
  await h.getByRole('button', { name: 'Link 1 as supporting' }).click();
  await saved(page);
  await expect(h.locator('[data-balance]')).toHaveAttribute('data-balance', '1:0');
  await h.getByRole('button', { name: 'Link excerpts…' }).click();
  await h.getByLabel('Contradicts').check();
  await h.getByRole('checkbox', { name: new RegExp(QUOTES.ipad.slice(0, 20)) }).check();
  await h.getByRole('button', { name: 'Link 1 as contradicting' }).click();
  await saved(page);
  await expect(h.locator('[data-balance]')).toHaveAttribute('data-balance', '1:1');
  await h.getByLabel('Status').selectOption('supported');
  await saved(page);
  await h.locator('summary').click();
  await expect(h.locator('.history li')).toHaveCount(2);
  const stored = await api<{ status: string; history: { status: string }[] }[]>(page, 'hypotheses.list', {});
  expect(stored[0]?.status).toBe('supported');
  expect(stored[0]?.history.map((c) => c.status)).toEqual(['open', 'supported']);
  await shot(page, 'hypotheses');
});
