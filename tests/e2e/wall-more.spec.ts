/**
 * The wall's remaining flows: a drop that patches the board instead of refetching it (and the
 * selection box then finds cards where they are), search hits onto the wall as uncoded
 * excerpts, an excerpt linked to a hypothesis from where it is listed, insights reordered by drag.
 */
import { expect, newProject, SAMPLE, saved, section, shot, test, type Workspace } from './fixtures.js';
import { api, cardEl, dragTo, groupEl, inside, wall } from './wall-helpers.js';

const QUOTES = {
  instagram: 'it was an Instagram ad',
  phone: 'Everything I buy, I buy on my phone.',
  account: 'the first thing it did was ask me to create an account',
};

/** Tom's interview with three quotes coded under two codes. */
function project(ws: Workspace): string {
  const path = newProject(ws, 'Wall more');
  ws.cli(['import', path, SAMPLE('P02-Tom-UK.txt'), '--participant', 'Tom']);
  const text = ws.cliJson<{ text: string }>(['show', path, '1']).text;
  for (const code of ['Discovery', 'Mobile first']) ws.cli(['code', 'add', path, code]);
  for (const [quote, code] of [
    [QUOTES.instagram, 'Discovery'],
    [QUOTES.phone, 'Mobile first'],
    [QUOTES.account, 'Mobile first'],
  ] as const) {
    const start = text.indexOf(quote);
    ws.cli(['tag', path, '1', String(start), String(start + quote.length), code]);
  }
  return path;
}

test('a drop into a bound group patches the board without refetching it; the selection box finds the card where it now is', async ({
  page,
  workspace,
}) => {
  test.setTimeout(120_000);
  await workspace.serve(project(workspace));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const codes = await api<{ id: number; name: string }[]>(page, 'codes.list', {});
  await api(page, 'boards.fromCodes', { name: 'Wall', codeIds: codes.map((c) => c.id) });
  await section(page, 'Board').click();
  await expect(page.locator('[data-card-id]')).toHaveCount(3);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const before = await wall(page);
  const discovery = before.groups.find((g) => g.name === 'Discovery');
  const phone = before.cards.find((c) => c.text === QUOTES.phone);
  if (!discovery || !phone) throw new Error('board not laid out');

  let reads = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/boards.get')) reads++;
  });
  const target = await groupEl(page, discovery.id).boundingBox();
  if (!target) throw new Error('group not visible');
  const from = await cardEl(page, phone.id).boundingBox();
  await dragTo(page, cardEl(page, phone.id), { x: target.x + target.width - 40, y: target.y + target.height - 30 });
  await saved(page);
  await expect.poll(async () => (await wall(page)).cards.find((c) => c.id === phone.id)?.groupId).toBe(discovery.id);
  // The card shows the code the group gave it (from moveCards' answer), and the board was not read again
  // (the reads counted are the test's own wall() calls, made through page.request, not the page).
  await expect(cardEl(page, phone.id).getByText('Discovery')).toBeVisible();
  expect(reads).toBe(0);

  // Where the card was is empty now: a box there selects nothing; a box round its new place selects it.
  const now = await cardEl(page, phone.id).boundingBox();
  if (!from || !now) throw new Error('card not visible');
  const box = async (b: { x: number; y: number; width: number; height: number }) => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.down('Shift');
    await page.mouse.move(b.x - 6, b.y - 6);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await page.mouse.move(b.x + b.width + 6, b.y + b.height + 6, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
  };
  const overlapsNow = Math.abs(from.x - now.x) < now.width && Math.abs(from.y - now.y) < now.height;
  if (!overlapsNow) {
    await box(from);
    await expect(page.locator('[data-card-id][aria-pressed="true"]')).toHaveCount(0);
  }
  await box(now);
  await expect(page.locator('[data-card-id][aria-pressed="true"]')).toHaveCount(1);
  await expect(cardEl(page, phone.id)).toHaveAttribute('aria-pressed', 'true');

  // Moving the group (its cards along) is patched from boards.updateGroup's answer: still no board read.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const groupBefore = (await wall(page)).groups.find((g) => g.id === discovery.id);
  const cardBefore = (await wall(page)).cards.find((c) => c.id === phone.id);
  const head = await groupEl(page, discovery.id).locator('.group-head').boundingBox();
  if (!head || !groupBefore || !cardBefore) throw new Error('group not visible');
  await page.mouse.move(head.x + head.width / 2, head.y + head.height / 2);
  await page.mouse.down();
  await page.mouse.move(head.x + head.width / 2 + 20, head.y + head.height / 2 + 10, { steps: 4 });
  await page.mouse.move(head.x + head.width / 2 + 120, head.y + head.height / 2 + 80, { steps: 10 });
  await page.mouse.up();
  await saved(page);
  await expect
    .poll(async () => (await wall(page)).groups.find((g) => g.id === discovery.id)?.x)
    .not.toBe(groupBefore.x);
  const groupAfter = (await wall(page)).groups.find((g) => g.id === discovery.id);
  const cardAfter = (await wall(page)).cards.find((c) => c.id === phone.id);
  expect((cardAfter?.x ?? 0) - cardBefore.x).toBe((groupAfter?.x ?? 0) - groupBefore.x);
  expect(await inside(cardEl(page, phone.id), groupEl(page, discovery.id))).toBe(true);
  expect(reads).toBe(0);
});

test('search hits go onto the wall: picked or all shown, each an uncoded excerpt holding its sentence', async ({
  page,
  workspace,
}) => {
  test.setTimeout(120_000);
  await workspace.serve(project(workspace));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await page.getByLabel('Search the project').fill('Instagram');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('3 matches in 1 document');
  const bar = page.getByRole('toolbar', { name: 'Hits to the board' });
  await page.getByRole('checkbox', { name: /went back to Instagram/ }).check();
  await expect(bar).toContainText('1 selected');
  await bar.getByRole('button', { name: 'Add selected to board' }).click();
  await expect(page.getByText(/1 card on Board 1 \(1 new uncoded excerpt\)/)).toBeVisible();
  await saved(page);
  let cards = (await wall(page)).cards;
  // The sentence around the hit, not the match alone nor the whole turn.
  expect(cards.map((c) => c.text)).toEqual([
    'But then it sent a verification email, and the email app opened, and when I went back to Instagram the whole page had reloaded and my basket was empty.',
  ]);
  expect(cards[0]?.excerpt?.codes).toEqual([]);

  // All shown: three hits, one already on the wall; the first one's sentence holds the coded
  // "Instagram ad" quote but is a wider span, so it becomes its own excerpt.
  await bar.getByRole('button', { name: 'Add all shown to board' }).click();
  await expect(page.getByText(/3 cards on Board 1 \(2 new uncoded excerpts\)/)).toBeVisible();
  await saved(page);
  cards = (await wall(page)).cards;
  expect(cards).toHaveLength(3);
  expect(cards.every((c) => c.kind === 'excerpt' && c.text.includes('Instagram'))).toBe(true);
  // The new excerpts are excerpts like any other: listed, and coded from there later.
  await section(page, 'Excerpts').click();
  await expect(page.getByRole('list', { name: 'Excerpts' }).getByRole('listitem')).toHaveCount(6);
  await section(page, 'Board').click();
  await expect(page.locator('[data-card-id]')).toHaveCount(3);
  await shot(page, 'wall-search-hits');
});

test('an excerpt is linked to a hypothesis from the Excerpts list, Retrieve and the excerpt panel', async ({
  page,
  workspace,
}) => {
  test.setTimeout(120_000);
  await workspace.serve(project(workspace));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const statement = 'Young shoppers buy on their phones 📱';
  await api(page, 'hypotheses.add', { statement });
  const excerpts = await api<{ id: number; text: string }[]>(page, 'excerpts.list', {});
  const id = (quote: string) => excerpts.find((x) => x.text === quote)?.id;
  const linked = async () => {
    const [h] = await api<{ supporting: number[]; contradicting: number[] }[]>(page, 'hypotheses.list', {});
    return { supporting: [...(h?.supporting ?? [])].sort(), contradicting: [...(h?.contradicting ?? [])].sort() };
  };

  await section(page, 'Excerpts').click();
  await page.getByRole('button', { name: `Link to a hypothesis: ${QUOTES.phone}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to a hypothesis' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: `Supports: ${statement}` }).click();
  await expect(dialog).toBeHidden();
  await saved(page);
  await expect.poll(linked).toEqual({ supporting: [id(QUOTES.phone)], contradicting: [] });

  await section(page, 'Retrieve').click();
  await page.getByLabel('Code to retrieve').selectOption({ label: 'Discovery (1)' });
  await page.getByRole('button', { name: `Link to a hypothesis: ${QUOTES.instagram}` }).click();
  await dialog.getByRole('button', { name: `Contradicts: ${statement}` }).click();
  await saved(page);
  await expect.poll(linked).toEqual({ supporting: [id(QUOTES.phone)], contradicting: [id(QUOTES.instagram)] });

  // The excerpt panel (as beside the reader's coded span): the stance already chosen shows pressed.
  await section(page, 'Excerpts').click();
  await page.getByRole('button', { name: `Open in transcript: ${QUOTES.account}` }).click();
  const panel = page.getByRole('region', { name: 'Excerpt' });
  await panel.getByRole('button', { name: `Link to a hypothesis: ${QUOTES.account}` }).click();
  await dialog.getByRole('button', { name: `Supports: ${statement}` }).click();
  await saved(page);
  await expect
    .poll(linked)
    .toEqual({ supporting: [id(QUOTES.phone), id(QUOTES.account)].sort(), contradicting: [id(QUOTES.instagram)] });
  await panel.getByRole('button', { name: `Link to a hypothesis: ${QUOTES.account}` }).click();
  await expect(dialog.getByRole('button', { name: `Supports: ${statement}` })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('insights reorder by dragging one onto another', async ({ page, workspace }) => {
  test.setTimeout(120_000);
  const path = project(workspace);
  for (const title of ['First', 'Second', 'Third']) {
    workspace.cli(['insight', 'add', path, '--title', title, '--statement', `${title} statement`]);
  }
  await workspace.serve(path);
  await section(page, 'Insights').click();
  const list = page.getByRole('list', { name: 'Insights list' });
  const item = (title: string) => list.getByRole('button', { name: new RegExp(`^${title}`) });
  await expect(item('Third')).toBeVisible();
  const titles = async () => (await api<{ title: string }[]>(page, 'insights.list', {})).map((i) => i.title);
  expect(await titles()).toEqual(['First', 'Second', 'Third']);
  const a = await item('Third').boundingBox();
  const b = await item('First').boundingBox();
  if (!a || !b) throw new Error('insights not visible');
  await page.mouse.move(a.x + 40, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + a.height / 2 - 10, { steps: 3 });
  await page.mouse.move(b.x + 40, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
  await saved(page);
  await expect.poll(titles).toEqual(['Third', 'First', 'Second']);
  await expect(list.getByRole('listitem').first()).toContainText('Third');
  // Dragged down: onto the last one takes its place.
  const c = await item('Third').boundingBox();
  const d = await item('Second').boundingBox();
  if (!c || !d) throw new Error('insights not visible');
  await page.mouse.move(c.x + 40, c.y + c.height / 2);
  await page.mouse.down();
  await page.mouse.move(c.x + 40, c.y + c.height / 2 + 10, { steps: 3 });
  await page.mouse.move(d.x + 40, d.y + d.height / 2, { steps: 10 });
  await page.mouse.up();
  await saved(page);
  await expect.poll(titles).toEqual(['First', 'Second', 'Third']);
});
