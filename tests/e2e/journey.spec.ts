/**
 * The walking skeleton's path in one go, all through the UI: create a project, import a
 * transcript, code a selection with the keyboard, put the excerpt on the board, drag it into a
 * group, reload and find everything where it was, then export the report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expect,
  highlightTexts,
  QUALCODER_TRANSCRIPT,
  saved,
  section,
  selectInReader,
  shot,
  test,
} from './fixtures.js';
import { inside } from './wall-helpers.js';

const QUOTE = 'I think there were too many for the short semester period.';

test('create → import → code → board → reload → export', async ({ page, workspace }) => {
  await workspace.serve();
  await page.getByLabel('Project file', { exact: true }).fill(join(workspace.dir, 'Journey.quarry'));
  await page.getByRole('button', { name: 'Create project' }).click();

  await page.getByRole('navigation').getByLabel('Choose files to import').setInputFiles(QUALCODER_TRANSCRIPT);
  await expect(page.getByRole('heading', { name: 'transcript', level: 1 })).toBeVisible();

  await selectInReader(page, QUOTE);
  await page.keyboard.press('C');
  await page.keyboard.type('Workload');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual([QUOTE]);

  // The new excerpt is selected; the right panel puts it on the board.
  const panel = page.getByRole('complementary', { name: 'Selection details' });
  await expect(panel.getByRole('heading', { name: 'Excerpt' })).toBeVisible();
  await panel.getByRole('button', { name: 'Add to board' }).click();
  await expect(panel.getByRole('button', { name: 'On the board' })).toBeDisabled();
  await shot(page, 'journey-excerpt-panel');

  await section(page, 'Board').click();
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').fill('Pace of the course');
  await page.getByLabel('Group name').press('Enter');
  // On the wall a card is drawn over its group (xyflow parent nodes), not inside its element.
  const group = page.getByRole('region', { name: 'Group Pace of the course' });
  const card = page.getByRole('button', { name: /^card “I think there were too many/ });
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const from = await card.boundingBox();
  const to = await group.boundingBox();
  if (!from || !to) throw new Error('card or group not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 100, { steps: 10 });
  await page.mouse.up();
  await saved(page);
  await expect.poll(() => inside(card, group)).toBe(true);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'transcript', level: 1 })).toBeVisible();
  await expect.poll(() => highlightTexts(page)).toEqual([QUOTE]);
  await section(page, 'Codes').click();
  await expect(page.getByRole('button', { name: 'Workload, 1 excerpt' })).toBeVisible();
  await section(page, 'Board').click();
  await expect(card).toBeVisible();
  await expect.poll(() => inside(card, group)).toBe(true);
  await shot(page, 'journey-after-reload');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await dialog.getByLabel(/HTML report/).check();
  // Boards go into a report when chosen: the board with its group.
  await dialog.locator('[data-export-board]').first().check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toContain(QUOTE);
  expect(html).toContain('Pace of the course');
  expect(html).toContain('Workload');
});
