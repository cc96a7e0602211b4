/** The affinity board: excerpts become cards, dragged into groups by mouse and keyboard, persisted. */
import type { Locator, Page } from '@playwright/test';
import { expect, newProject, QUALCODER_TRANSCRIPT, saved, section, shot, test, type Workspace } from './fixtures.js';

const QUOTES = {
  slides: 'I am struggling with the lecture slides.',
  assignments: "I don't like all the assignments.",
  career: 'it will be good for my career at the museum.',
};

/** A project with three coded excerpts, built through the CLI. */
function codedProject(ws: Workspace): string {
  const project = newProject(ws, 'Board', [QUALCODER_TRANSCRIPT]);
  ws.cli(['code', 'add', project, 'Course materials']);
  ws.cli(['code', 'add', project, 'Outcomes']);
  const [doc] = ws.cliJson<{ id: number }[]>(['docs', project]);
  const { text } = ws.cliJson<{ text: string }>(['show', project, String(doc?.id)]);
  for (const [quote, code] of [
    [QUOTES.slides, 'Course materials'],
    [QUOTES.assignments, 'Course materials'],
    [QUOTES.career, 'Outcomes'],
  ] as const) {
    const start = text.indexOf(quote);
    ws.cli(['tag', project, String(doc?.id), String(start), String(start + quote.length), code]);
  }
  return project;
}

/** Drags with real pointer events in small steps, as dnd-kit's pointer sensor expects. */
async function mouseDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  await to.scrollIntoViewIfNeeded();
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag source or target is not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 6, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 120), { steps: 12 });
  await page.mouse.up();
}

const card = (scope: Page | Locator, quote: string) =>
  scope.getByRole('button', { name: new RegExp(`^card “${quote.slice(0, 20)}`) });

test('excerpts go on the board and are dragged into groups by mouse and keyboard; a reload keeps the layout', async ({
  page,
  workspace,
}) => {
  const project = codedProject(workspace);
  await workspace.serve(project);

  // Add excerpts from the Excerpts section.
  await section(page, 'Excerpts').click();
  const list = page.getByRole('list', { name: 'Excerpts' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  for (const quote of Object.values(QUOTES)) {
    await list.getByRole('button', { name: `Add to board: ${quote.slice(0, 60)}` }).click();
  }
  await expect(list.getByRole('button', { name: 'On the board' })).toHaveCount(3);

  await section(page, 'Board').click();
  const ungrouped = page.getByRole('region', { name: 'Ungrouped cards' });
  await expect(ungrouped.getByRole('listitem')).toHaveCount(3);

  // A new group is named as it is created.
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').fill('Too much work');
  await page.keyboard.press('Enter');
  const work = page.getByRole('region', { name: 'Group Too much work' });
  await expect(work).toBeVisible();
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').fill('Why it pays off');
  await page.keyboard.press('Enter');
  const payoff = page.getByRole('region', { name: 'Group Why it pays off' });
  await expect(payoff).toBeVisible();
  await saved(page);

  // Mouse: drag the slides card into "Too much work".
  await mouseDrag(page, card(ungrouped, QUOTES.slides), work);
  await expect(card(work, QUOTES.slides)).toBeVisible();
  await expect(ungrouped.getByRole('listitem')).toHaveCount(2);
  await shot(page, 'board-mouse-drag');

  // Mouse again, into the same group, below the first card.
  await mouseDrag(page, card(ungrouped, QUOTES.assignments), work);
  await expect(work.getByRole('listitem')).toHaveCount(2);

  // Keyboard: focus the career card, Space picks it up, → moves to the nearest group, Space drops.
  const career = card(ungrouped, QUOTES.career);
  await career.focus();
  await page.keyboard.press('Space');
  await expect(career).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText(/is over group “(Too much work|Why it pays off)”/);
  await page.keyboard.press('Space');
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText('was dropped into group');
  const dropped = await page.locator('[id^="DndLiveRegion"]').textContent();
  const target = /Too much work/.test(dropped ?? '') ? work : payoff;
  await expect(card(target, QUOTES.career)).toBeVisible();
  await expect(ungrouped.getByRole('listitem')).toHaveCount(1); // just the empty hint
  await saved(page);
  await shot(page, 'board-grouped');

  // Reload: same groups, same cards in the same order.
  const before = {
    work: await work.getByRole('button', { name: /^card/ }).allTextContents(),
    payoff: await payoff.getByRole('button', { name: /^card/ }).allTextContents(),
  };
  await page.reload();
  await section(page, 'Board').click();
  await expect(work.getByRole('button', { name: /^card/ })).toHaveText(before.work);
  await expect(payoff.getByRole('button', { name: /^card/ })).toHaveText(before.payoff);
  expect(before.work[0]).toContain(QUOTES.slides);
  expect(before.work[1]).toContain(QUOTES.assignments);
  await expect(ungrouped.getByRole('button', { name: /^card/ })).toHaveCount(0);
});

test('a group is moved by its handle and keeps its place', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Groups');
  await workspace.serve(project);
  await section(page, 'Board').click();
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').press('Enter');
  const group = page.getByRole('region', { name: 'Group Group 1' });
  const before = await group.boundingBox();
  const handle = group.getByRole('button', { name: 'Move group Group 1' });
  const h = await handle.boundingBox();
  if (!before || !h) throw new Error('group not visible');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + 40, h.y + 20, { steps: 5 });
  await page.mouse.move(h.x + 200, h.y + 100, { steps: 10 });
  await page.mouse.up();
  await saved(page);
  await page.reload();
  await section(page, 'Board').click();
  const after = await page.getByRole('region', { name: 'Group Group 1' }).boundingBox();
  expect(Math.round((after?.x ?? 0) - before.x)).toBeGreaterThan(150);
  expect(Math.round((after?.y ?? 0) - before.y)).toBeGreaterThan(60);
});
