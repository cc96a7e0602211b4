/**
 * The affinity wall: excerpts become cards on an infinite canvas; cards are dragged into
 * groups by mouse, moved by keyboard (M opens a group picker), marquee-selected and moved
 * together; zoom and pan; undo; a reload keeps every place.
 */
import { expect, newProject, QUALCODER_TRANSCRIPT, saved, section, shot, test, type Workspace } from './fixtures.js';
import { api, cardEl, centre, dragTo, groupEl, inside, wall } from './wall-helpers.js';

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

test('cards are dragged into groups by mouse and by keyboard, marquee-selected and moved together; undo and reload', async ({
  page,
  workspace,
}) => {
  test.setTimeout(150_000);
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
  await expect(page.locator('[data-card-id]')).toHaveCount(3);
  const canvas = page.locator('.wall-canvas');
  await expect(canvas).toHaveAttribute('data-zoom', '1');
  const byQuote = async (quote: string) => {
    const card = (await wall(page)).cards.find((c) => c.text === quote);
    if (!card) throw new Error(`no card “${quote}”`);
    return card;
  };
  const slides = await byQuote(QUOTES.slides);
  const assignments = await byQuote(QUOTES.assignments);
  const career = await byQuote(QUOTES.career);
  // Added cards sit side by side, not on top of each other.
  const a = await cardEl(page, slides.id).boundingBox();
  const b = await cardEl(page, assignments.id).boundingBox();
  expect(Math.abs((a?.x ?? 0) - (b?.x ?? 0)) + Math.abs((a?.y ?? 0) - (b?.y ?? 0))).toBeGreaterThan(100);

  // A new group is named as it is created.
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').fill('Too much work');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').fill('Why it pays off');
  await page.keyboard.press('Enter');
  await saved(page);
  const groups = (await wall(page)).groups;
  const work = groups.find((g) => g.name === 'Too much work');
  const payoff = groups.find((g) => g.name === 'Why it pays off');
  if (!work || !payoff) throw new Error('groups not created');
  // A new group is brought into view; Fit shows the whole wall again.
  await expect(groupEl(page, payoff.id)).toBeVisible();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect(groupEl(page, work.id)).toBeVisible();
  await expect(cardEl(page, slides.id)).toBeVisible();

  // Mouse: drag the slides card into "Too much work".
  const workBox = await groupEl(page, work.id).boundingBox();
  if (!workBox) throw new Error('group not visible');
  await dragTo(page, cardEl(page, slides.id), { x: workBox.x + 130, y: workBox.y + 110 });
  await saved(page);
  await expect.poll(async () => (await byQuote(QUOTES.slides)).groupId).toBe(work.id);
  expect(await inside(cardEl(page, slides.id), groupEl(page, work.id))).toBe(true);
  await expect(page.locator('[data-wall-live]')).toContainText('dropped on group “Too much work”');
  await shot(page, 'wall-mouse-drag');

  // Keyboard: focus the career card, Space picks it, M opens the group picker, Enter moves it.
  await cardEl(page, career.id).focus();
  await page.keyboard.press('Space');
  await expect(cardEl(page, career.id)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-wall-live]')).toContainText('picked');
  await page.keyboard.press('m');
  const picker = page.getByRole('dialog', { name: 'Move to group' });
  await expect(picker).toBeVisible();
  await page.keyboard.type('pays');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await saved(page);
  await expect.poll(async () => (await byQuote(QUOTES.career)).groupId).toBe(payoff.id);
  await expect(page.locator('[data-wall-live]')).toContainText('moved to group “Why it pays off”');
  expect(await inside(cardEl(page, career.id), groupEl(page, payoff.id))).toBe(true);

  // Arrow keys nudge the selection.
  const beforeNudge = await byQuote(QUOTES.career);
  await cardEl(page, career.id).focus();
  await page.keyboard.press('ArrowRight');
  await saved(page);
  await expect.poll(async () => (await byQuote(QUOTES.career)).x).toBe(beforeNudge.x + 10);
  // Stored places are absolute: a nudge inside a group moves the card 10 units, not to the group's offset.
  expect((await byQuote(QUOTES.career)).y).toBe(beforeNudge.y);
  expect((await byQuote(QUOTES.career)).groupId).toBe(payoff.id);

  // Undo the nudge, then the keyboard move: the card is back on the canvas.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect.poll(async () => (await byQuote(QUOTES.career)).x).toBe(beforeNudge.x);
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect.poll(async () => (await byQuote(QUOTES.career)).groupId).toBe(null);
  // Back in its first place: the top row, beside the assignments card.
  await expect
    .poll(async () => {
      const [x, y] = [await cardEl(page, career.id).boundingBox(), await cardEl(page, assignments.id).boundingBox()];
      return x && y ? Math.round(x.y - y.y) : null;
    })
    .toBe(0);

  // Marquee: Shift+drag a box around the two free cards selects both; dragging one moves both.
  // A click on the empty canvas first clears what earlier steps left selected.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.getByRole('toolbar', { name: 'Selected cards' })).toBeHidden();
  // The canvas itself has let go of them too (a Shift+drag adds to what it holds selected).
  await expect(page.locator('[data-card-id][aria-pressed="true"]')).toHaveCount(0);
  const c1 = await cardEl(page, assignments.id).boundingBox();
  const c2 = await cardEl(page, career.id).boundingBox();
  if (!c1 || !c2) throw new Error('cards not visible');
  const left = Math.min(c1.x, c2.x) - 12;
  const top = Math.min(c1.y, c2.y) - 12;
  const right = Math.max(c1.x + c1.width, c2.x + c2.width) + 12;
  const bottom = Math.max(c1.y + c1.height, c2.y + c2.height) + 12;
  await page.keyboard.down('Shift');
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 5 });
  await page.mouse.move(right, bottom, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(cardEl(page, assignments.id)).toHaveAttribute('aria-pressed', 'true');
  await expect(cardEl(page, career.id)).toHaveAttribute('aria-pressed', 'true');
  // Exactly the two it encloses (the card in its group far from the box is not taken).
  await expect(page.getByRole('toolbar', { name: 'Selected cards' })).toContainText('2 selected');
  await expect(page.locator('[data-card-id][aria-pressed="true"]')).toHaveCount(2);
  const startA = await byQuote(QUOTES.assignments);
  const startC = await byQuote(QUOTES.career);
  const from = await centre(cardEl(page, assignments.id));
  await dragTo(page, cardEl(page, assignments.id), { x: from.x + 40, y: from.y + 300 });
  await saved(page);
  await expect.poll(async () => (await byQuote(QUOTES.assignments)).y).toBeGreaterThan(startA.y + 200);
  const movedC = await byQuote(QUOTES.career);
  expect(movedC.y - startC.y).toBeGreaterThan(200);
  expect(Math.abs(movedC.y - startC.y - ((await byQuote(QUOTES.assignments)).y - startA.y))).toBeLessThan(3);
  await shot(page, 'wall-marquee-moved');

  // Reload: the same groups, cards and places.
  const before = await wall(page);
  const shownBefore = await cardEl(page, slides.id).boundingBox();
  const groupBefore = await groupEl(page, work.id).boundingBox();
  await page.reload();
  await section(page, 'Board').click();
  await expect(page.locator('[data-card-id]')).toHaveCount(3);
  const after = await wall(page);
  expect(after.cards.map((c) => [c.id, c.groupId, c.x, c.y])).toEqual(
    before.cards.map((c) => [c.id, c.groupId, c.x, c.y]),
  );
  // On screen, the slides card keeps its place in its group.
  const shownAfter = await cardEl(page, slides.id).boundingBox();
  const groupAfter = await groupEl(page, work.id).boundingBox();
  expect(Math.round((shownAfter?.x ?? 0) - (groupAfter?.x ?? 0))).toBe(
    Math.round((shownBefore?.x ?? 0) - (groupBefore?.x ?? 0)),
  );
  expect(Math.round((shownAfter?.y ?? 0) - (groupAfter?.y ?? 0))).toBe(
    Math.round((shownBefore?.y ?? 0) - (groupBefore?.y ?? 0)),
  );
});

test('zoom and pan change the scale and the view; only visible cards are in the page', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Zoom');
  await workspace.serve(project);
  await section(page, 'Board').click();
  const [board] = await api<{ id: number }[]>(page, 'boards.list', {});
  if (!board) throw new Error('no board');
  // 60 notes in a long row, most of them far off screen.
  for (let i = 0; i < 60; i++) {
    await api(page, 'boards.addCard', { boardId: board.id, text: `Note ${i} 🧪 测试`, x: i * 240, y: 0 });
  }
  await page.reload();
  await section(page, 'Board').click();
  const canvas = page.locator('.wall-canvas');
  await expect(canvas).toHaveAttribute('data-zoom', '1');
  await expect(page.locator('[data-card-id]').first()).toBeVisible();
  const shown = await page.locator('[data-card-id]').count();
  expect(shown).toBeGreaterThan(2);
  expect(shown).toBeLessThan(20);

  // Tab walks the cards (no unnamed stop between them), and the view follows the focus off screen.
  const wallBox = await canvas.boundingBox();
  if (!wallBox) throw new Error('no canvas');
  await page.locator('[data-card-id]').first().focus();
  for (let i = 1; i <= 5; i++) {
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', `note “Note ${i} 🧪 测试”`);
  }
  await expect
    .poll(async () => {
      const b = await page.locator(':focus').boundingBox();
      return b !== null && b.x >= wallBox.x && b.x + b.width <= wallBox.x + wallBox.width;
    })
    .toBe(true);

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeLessThan(1);

  // Ctrl+wheel zooms around the pointer.
  const mid = await centre(canvas);
  await page.mouse.move(mid.x, mid.y);
  const z0 = Number(await canvas.getAttribute('data-zoom'));
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 400);
  await page.keyboard.up('Control');
  await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeLessThan(z0);

  // Fit shows everything: zoomed out far enough that every card is in the page (as a shape;
  // between 30% and 55% a card shows a summary in larger type).
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect.poll(async () => page.locator('[data-card-id]').count()).toBe(60);
  await expect(page.locator('.wall-card.far').first()).toBeVisible();
  await expect(page.locator('.wall-card.far').first()).toHaveAttribute('aria-label', /Note \d+ 🧪 测试/);

  // Dragging the empty canvas pans: the first card moves with the pointer.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const firstId = await page.locator('[data-card-id]').first().getAttribute('data-card-id');
  const first = page.locator(`[data-card-id="${firstId}"]`);
  const before = await first.boundingBox();
  const pane = await canvas.boundingBox();
  if (!before || !pane) throw new Error('not visible');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height - 60);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width / 2 + 120, pane.y + pane.height - 100, { steps: 8 });
  await page.mouse.up();
  const after = await first.boundingBox();
  expect(Math.round((after?.x ?? 0) - before.x)).toBe(120);

  // The plain wheel pans too (vertically).
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => Math.round(((await first.boundingBox())?.y ?? 0) - (after?.y ?? 0))).toBeLessThan(-50);
});

test('a note is typed on the wall with N and edited in place; a group is moved by its header', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Notes');
  await workspace.serve(project);
  await section(page, 'Board').click();
  await page.locator('.wall-canvas').focus();
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('n');
  const note = page.getByLabel('Note text');
  await expect(note).toBeFocused();
  await note.fill('Ask about pricing in 🇯🇵 — 価格');
  await page.keyboard.press('Enter');
  await saved(page);
  await expect
    .poll(async () => (await wall(page)).cards.map((c) => c.text))
    .toEqual(['Ask about pricing in 🇯🇵 — 価格']);

  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').press('Enter');
  const [group] = (await wall(page)).groups;
  if (!group) throw new Error('no group');
  const head = groupEl(page, group.id).locator('.group-head');
  const h = await head.boundingBox();
  if (!h) throw new Error('group not visible');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 + 40, h.y + 20, { steps: 5 });
  await page.mouse.move(h.x + h.width / 2 + 200, h.y + 100, { steps: 10 });
  await page.mouse.up();
  await saved(page);
  const moved = (await wall(page)).groups[0];
  // The pointer moved 200, 100; the drag starts a few pixels in.
  expect(Math.round((moved?.x ?? 0) - group.x)).toBeGreaterThan(180);
  expect(Math.round((moved?.y ?? 0) - group.y)).toBeGreaterThan(70);
});
