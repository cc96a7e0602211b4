/** The codebook tree: reorder and re-parent by drag and drop and by keyboard, refuse cycles, split a code. */
import type { Page } from '@playwright/test';
import { expect, newProject, QUALCODER_TRANSCRIPT, saved, section, shot, test } from './fixtures.js';

/** The codebook rows, top to bottom, as "Parent › Child" paths (the select buttons' names). */
async function tree(page: Page): Promise<string[]> {
  const names = await page
    .getByRole('list', { name: 'Codes' })
    .locator('.code-select')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return names.filter(Boolean).map((n) => n.replace(/, \d+ excerpts?$/, ''));
}

async function drag(page: Page, code: string, to: { x: number; y: number }) {
  const handle = page.getByTestId(`drag-${code}`);
  await handle.hover({ force: true });
  const box = await handle.boundingBox();
  if (!box) throw new Error(`no drag handle for ${code}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.move(to.x, to.y + 1, { steps: 2 });
  await page.mouse.up();
}

async function rowBox(page: Page, path: string) {
  const box = await page.getByRole('button', { name: new RegExp(`^${path}, \\d+ excerpts?$`) }).boundingBox();
  if (!box) throw new Error(`no row ${path}`);
  return box;
}

const onto = async (page: Page, path: string) => {
  const b = await rowBox(page, path);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 + 4 };
};
const before = async (page: Page, path: string) => {
  const b = await rowBox(page, path);
  return { x: b.x + b.width / 2, y: b.y };
};

test('codebook: drag to re-parent, reorder and outdent; cycles refused; the tree survives a reload', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Tree', [QUALCODER_TRANSCRIPT]);
  for (const name of ['Payment', 'Delivery', 'Returns']) workspace.cli(['code', 'add', project, name]);
  await workspace.serve(project);
  await section(page, 'Codes').click();
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Delivery', 'Returns']);

  // Onto a code: inside it.
  await drag(page, 'Returns', await onto(page, 'Payment'));
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Payment › Returns', 'Delivery']);
  await expect(page.getByTestId('codebook-announcement')).toHaveText('Returns moved inside Payment, position 1 of 1.');

  // Into the gap above a code: before it, same parent.
  await drag(page, 'Delivery', await before(page, 'Payment'));
  await expect.poll(() => tree(page)).toEqual(['Delivery', 'Payment', 'Payment › Returns']);

  // A code cannot go inside its own child: the drop target shows it, and the core's message says why.
  const handle = page.getByTestId('drag-Payment');
  await handle.hover({ force: true });
  const box = await handle.boundingBox();
  const target = await onto(page, 'Payment › Returns');
  await page.mouse.move((box?.x ?? 0) + 5, (box?.y ?? 0) + 5);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.move(target.x, target.y + 1, { steps: 2 });
  await expect(page.locator('.code-row.drop-refused')).toHaveCount(1);
  await shot(page, 'codebook-drag-refused');
  await page.mouse.up();
  await expect(
    page.getByRole('region', { name: 'Notifications' }).getByText('a code cannot sit inside itself'),
  ).toBeVisible();
  await expect.poll(() => tree(page)).toEqual(['Delivery', 'Payment', 'Payment › Returns']);

  // The strip under the tree: top level, last.
  const strip = page.getByTestId('code-top-level');
  const stripBox = await strip.boundingBox();
  const handleR = page.getByTestId('drag-Returns');
  await handleR.hover({ force: true });
  const hb = await handleR.boundingBox();
  await page.mouse.move((hb?.x ?? 0) + 5, (hb?.y ?? 0) + 5);
  await page.mouse.down();
  await page.mouse.move((hb?.x ?? 0) + 30, (hb?.y ?? 0) + 12, { steps: 4 });
  // The strip grows while dragging; aim at its middle.
  const grown = (await strip.boundingBox()) ?? stripBox;
  await page.mouse.move((grown?.x ?? 0) + 40, (grown?.y ?? 0) + (grown?.height ?? 8) / 2, { steps: 12 });
  await expect(strip).toHaveClass(/drop-over/);
  await page.mouse.up();
  await expect.poll(() => tree(page)).toEqual(['Delivery', 'Payment', 'Returns']);

  // Undo puts Returns back inside Payment.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(() => tree(page)).toEqual(['Delivery', 'Payment', 'Payment › Returns']);
  await saved(page);

  await page.reload();
  await section(page, 'Codes').click();
  await expect.poll(() => tree(page)).toEqual(['Delivery', 'Payment', 'Payment › Returns']);
  const codes = workspace.cliJson<{ name: string; parent: string | null }[]>(['codes', project]);
  expect(codes.find((c) => c.name === 'Returns')?.parent).toBe('Payment');
});

test('codebook: Alt+arrows reorder, indent and outdent with announcements; the tree survives a reload', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Keys', [QUALCODER_TRANSCRIPT]);
  for (const name of ['Payment', 'Delivery', 'Returns']) workspace.cli(['code', 'add', project, name]);
  await workspace.serve(project);
  await section(page, 'Codes').click();
  const live = page.getByTestId('codebook-announcement');

  await page.getByRole('button', { name: 'Returns, 0 excerpts' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Returns', 'Delivery']);
  await expect(live).toHaveText('Returns moved at the top level, position 2 of 3.');
  // Focus stays on the moved code, so the keys chain.
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Payment › Returns', 'Delivery']);
  await expect(live).toHaveText('Returns moved inside Payment, position 1 of 1.');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(live).toHaveText('Returns is already first.');

  await page.getByRole('button', { name: 'Delivery, 0 excerpts' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Payment › Returns', 'Payment › Delivery']);
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Payment › Delivery', 'Payment › Returns']);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Payment › Returns', 'Delivery']);
  await expect(live).toHaveText('Delivery moved at the top level, position 2 of 2.');
  await saved(page);

  await page.reload();
  await section(page, 'Codes').click();
  await expect.poll(() => tree(page)).toEqual(['Payment', 'Payment › Returns', 'Delivery']);
  await shot(page, 'codebook-tree');
});

test('codebook: split a code by ticking excerpts; undo brings them back', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Split', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Teaching']);
  const [doc] = workspace.cliJson<{ id: number }[]>(['docs', project]);
  workspace.cli(['tag', project, String(doc?.id), '6', '30', 'Teaching']);
  workspace.cli(['tag', project, String(doc?.id), '200', '240', 'Teaching']);
  workspace.cli(['tag', project, String(doc?.id), '300', '340', 'Teaching']);
  await workspace.serve(project);
  await section(page, 'Codes').click();

  await page.getByRole('button', { name: 'Split code Teaching' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split code Teaching' });
  await expect(dialog.getByRole('checkbox')).toHaveCount(3);
  await dialog.getByLabel('New code name').fill('Lectures');
  await dialog.getByRole('checkbox').nth(0).check();
  await dialog.getByRole('checkbox').nth(2).check();
  await shot(page, 'codebook-split');
  await dialog.getByRole('button', { name: 'Move 2 to the new code' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lectures, 2 excerpts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Teaching, 1 excerpt' })).toBeVisible();

  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('button', { name: 'Teaching, 3 excerpts' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Lectures/ })).toHaveCount(0);
});
