/**
 * The wall hands the canvas only the cards near the view (lib/wallCull.ts): cards far off are
 * not in the page, come back (findable by `data-card-id`) once the view reaches them after a
 * zoom far out and back in, and a selection box over such cards selects exactly what it encloses.
 */
import { expect, newProject, section, shot, test } from './fixtures.js';
import { api, cardEl, centre, dragTo, groupEl, wall } from './wall-helpers.js';

test('wall culling: zoomed far out and back, cards are found once visible; a selection box takes exactly what it encloses', async ({
  page,
  workspace,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const project = newProject(workspace, 'Cull');
  await workspace.serve(project);
  await section(page, 'Board').click();
  // Opening the section makes the project's first board; wait for it.
  await expect.poll(async () => (await api<{ id: number }[]>(page, 'boards.list', {})).length).toBeGreaterThan(0);
  const [board] = await api<{ id: number }[]>(page, 'boards.list', {});
  if (!board) throw new Error('no board');
  // 24 notes near the origin, and a 3 × 3 block of notes 9,000 units to the right.
  const near: number[] = [];
  for (let i = 0; i < 24; i++) {
    const c = await api<{ id: number }>(page, 'boards.addCard', {
      boardId: board.id,
      text: `Near ${i} 近 🌿`,
      x: (i % 6) * 260,
      y: Math.floor(i / 6) * 140,
    });
    near.push(c.id);
  }
  const far: number[] = [];
  for (let i = 0; i < 9; i++) {
    const c = await api<{ id: number }>(page, 'boards.addCard', {
      boardId: board.id,
      text: `Far ${i} بعيد`,
      x: 9000 + (i % 3) * 260,
      y: Math.floor(i / 3) * 140,
    });
    far.push(c.id);
  }
  await page.reload();
  await section(page, 'Board').click();
  await page.getByRole('button', { name: 'Hide the side panels' }).click();
  const canvas = page.locator('.wall-canvas');
  await expect(canvas).toHaveAttribute('data-zoom', '1');
  await expect(cardEl(page, near[0] as number)).toBeVisible();
  // Far off: not in the page at all.
  for (const id of far) await expect(cardEl(page, id)).toHaveCount(0);

  // Far out, everything is in view (as shapes), the far block included.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeLessThan(0.3);
  await expect(cardEl(page, far[4] as number)).toBeVisible();
  await expect.poll(async () => page.locator('[data-card-id]').count()).toBe(33);

  // Back in with Ctrl+wheel over the far block's middle card: it stays under the pointer.
  const mid = await cardEl(page, far[4] as number).boundingBox();
  if (!mid) throw new Error('far card not visible');
  await page.mouse.move(mid.x + mid.width / 2, mid.y + mid.height / 2);
  await page.keyboard.down('Control');
  for (let i = 0; i < 30 && Number(await canvas.getAttribute('data-zoom')) < 0.6; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(30);
  }
  await page.keyboard.up('Control');
  await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeGreaterThan(0.55);
  // Every far card is found by its hook and shows its full text; the near ones left the page.
  for (const [i, id] of far.entries()) {
    await expect(cardEl(page, id)).toBeVisible();
    await expect(cardEl(page, id).locator('.card-text')).toHaveText(`Far ${i} بعيد`);
  }
  await expect.poll(async () => page.locator(`[data-card-id="${near[0]}"]`).count()).toBe(0);
  await shot(page, 'wall-cull-back');

  // A selection box around the top-left 2 × 2 of the block takes exactly those four.
  const boxes = await Promise.all(far.map((id) => cardEl(page, id).boundingBox()));
  const [a, , , , e] = boxes;
  if (!a || !e) throw new Error('cards not visible');
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 10, a.y - 10);
  await page.mouse.down();
  await page.mouse.move((a.x + e.x) / 2, (a.y + e.y) / 2, { steps: 5 });
  await page.mouse.move(e.x + e.width + 10, e.y + e.height + 10, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByRole('toolbar', { name: 'Selected cards' })).toContainText('4 selected');
  const picked = [far[0], far[1], far[3], far[4]] as number[];
  for (const id of far) await expect(cardEl(page, id)).toHaveAttribute('aria-pressed', String(picked.includes(id)));

  // The selection stays mounted (and selected) when the view goes back to the origin.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect(page.locator('[data-card-id][aria-pressed="true"]')).toHaveCount(4);
});

test('far out, a card drawn on the canvas is dragged by mouse into a group', async ({ page, workspace }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const project = newProject(workspace, 'Far drag');
  await workspace.serve(project);
  await section(page, 'Board').click();
  // Opening the section makes the project's first board; wait for it.
  await expect.poll(async () => (await api<{ id: number }[]>(page, 'boards.list', {})).length).toBeGreaterThan(0);
  const [board] = await api<{ id: number }[]>(page, 'boards.list', {});
  if (!board) throw new Error('no board');
  // A group 7,000 units to the right of a lone note: fitting both takes the wall far out.
  const group = await api<{ id: number }>(page, 'boards.addGroup', { boardId: board.id, name: 'Later', x: 7000, y: 0 });
  await api(page, 'boards.addCard', { boardId: board.id, groupId: group.id, text: 'Already here' });
  const mover = await api<{ id: number }>(page, 'boards.addCard', {
    boardId: board.id,
    text: 'Move me 🚚',
    x: 0,
    y: 0,
  });
  await page.reload();
  await section(page, 'Board').click();
  await page.getByRole('button', { name: 'Hide the side panels' }).click();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const canvas = page.locator('.wall-canvas');
  await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeLessThan(0.3);
  // Its node is let go a batch a frame after the zoom, so for a frame it may have both.
  await expect(page.locator(`.wall-hook[data-card-id="${mover.id}"]`)).toBeVisible();
  await expect(cardEl(page, mover.id)).toHaveCount(1);
  await expect(cardEl(page, mover.id)).toHaveClass(/wall-hook/);

  await dragTo(page, cardEl(page, mover.id), await centre(groupEl(page, group.id)));
  await expect.poll(async () => (await wall(page)).cards.find((c) => c.id === mover.id)?.groupId).toBe(group.id);
  await expect(page.locator('[data-wall-live]')).toContainText('dropped on group “Later”');
  // The drag did not pick the card, and a click still does.
  await expect(page.locator('[data-card-id][aria-pressed="true"]')).toHaveCount(0);
  await cardEl(page, mover.id).click();
  await expect(page.getByRole('toolbar', { name: 'Selected cards' })).toContainText('1 selected');
});
