/**
 * Dialogs and messages at a laptop's 1280×800: every dialog fits the window, the quick memo
 * takes typing in its body and saves on Ctrl/Cmd+Enter, merging the code on screen reports
 * the merge (not a spurious "no code with id"), and toasts leave by themselves, three at most.
 */
import type { Locator } from '@playwright/test';
import {
  type CliExcerpt,
  expect,
  newProject,
  QUALCODER_TRANSCRIPT,
  saved,
  section,
  selectInReader,
  shot,
  test,
  type Workspace,
} from './fixtures.js';

const VIEWPORT = { width: 1280, height: 800 };

/** The dialog and every control in it lie inside the viewport, and nothing overflows sideways. */
async function expectFits(dialog: Locator, name: string): Promise<void> {
  await expect(dialog, name).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box, name).not.toBeNull();
  if (!box) return;
  expect(box.x, `${name}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${name}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${name}: right edge`).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box.y + box.height, `${name}: bottom edge`).toBeLessThanOrEqual(VIEWPORT.height);
  const overflow = await dialog.evaluate((el) => {
    const outer = el.getBoundingClientRect();
    const out = [...el.querySelectorAll('button, input, textarea, select')]
      .map((c) => ({ c, r: c.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.left < outer.left - 1 || r.right > outer.right + 1))
      .map(({ c }) => c.getAttribute('aria-label') ?? c.textContent?.trim() ?? c.tagName);
    return { out, sideways: el.scrollWidth > el.clientWidth + 1 };
  });
  expect(overflow, `${name}: controls cut off at the sides`).toEqual({ out: [], sideways: false });
}

function codedProject(workspace: Workspace, name: string): string {
  const project = newProject(workspace, name, [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  workspace.cli(['code', 'add', project, 'Busy']);
  const [doc] = workspace.cliJson<{ id: number }[]>(['docs', project]);
  const text = workspace.cliJson<{ text: string }>(['show', project, String(doc?.id)]).text;
  for (const [quote, code] of [
    ['too busy', 'Busy'],
    ['switched off', 'Busy'],
    ['too many for the short semester period', 'Workload'],
  ] as const) {
    const at = text.indexOf(quote);
    workspace.cli(['tag', project, String(doc?.id), String(at), String(at + quote.length), code]);
  }
  return project;
}

test.use({ viewport: VIEWPORT });
// Each test opens many views on a machine shared with other work.
test.setTimeout(120_000);

test('every dialog fits at 1280×800', async ({ page, workspace }) => {
  const project = codedProject(workspace, 'Dialogs');
  await workspace.serve(project);
  const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });

  await selectInReader(page, 'good for my career');
  await page.keyboard.press('c');
  await expectFits(dialog('Apply a code'), 'quick picker');
  await shot(page, 'dialog-picker-1280');
  await page.keyboard.press('Escape');

  await selectInReader(page, 'good for my career at the museum');
  await page.keyboard.press('m');
  await expectFits(dialog('New memo'), 'memo');
  await shot(page, 'dialog-memo-1280');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  await expectFits(dialog('Command palette'), 'command palette');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Shortcuts ?' }).click();
  await expectFits(dialog('Keyboard shortcuts'), 'shortcuts');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /^Coder: / }).click();
  await expectFits(dialog('Coder identity'), 'coder');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /switch project$/ }).click();
  await expectFits(dialog('Projects'), 'projects');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Export…' }).click();
  await expectFits(dialog('Export report'), 'export');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Paste text…' }).click();
  await expectFits(dialog('Paste text'), 'paste');
  await page.keyboard.press('Escape');

  await section(page, 'Codes').click();
  for (const [button, name] of [
    ['Merge code Busy into another', 'Merge code Busy'],
    ['Split code Busy', 'Split code Busy'],
    ['Delete code Busy', 'Delete code Busy'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await expectFits(dialog(name), name);
    await page.keyboard.press('Escape');
    await expect(dialog(name)).toBeHidden();
  }
});

test('the quick memo takes typing in its body and saves on Ctrl+Enter; the Memos view is styled', async ({
  page,
  workspace,
}) => {
  const project = codedProject(workspace, 'Memo');
  await workspace.serve(project);
  await selectInReader(page, 'good for my career at the museum');
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'New memo' });
  await expect(dialog.getByLabel('Memo text')).toBeFocused();
  // Typed straight away, with no click: it lands in the body, after the quote.
  await page.keyboard.type('Career motive.');
  await expect(dialog.getByLabel('Memo title')).toHaveValue('');
  await expect(dialog.getByLabel('Memo text')).toHaveValue('> good for my career at the museum\n\nCareer motive.');
  // Ctrl+Enter saves from the title field too.
  await dialog.getByLabel('Memo title').fill('Why the museum');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await saved(page);

  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: /^Memos/ })
    .click();
  const list = page.getByRole('list', { name: 'Memos' });
  await list.getByRole('button', { name: /Why the museum/ }).click();
  await expect(page.getByRole('region', { name: 'Memo' }).getByLabel('Memo text')).toHaveValue(
    '> good for my career at the museum\n\nCareer motive.',
  );
  // Laid out like the codebook: a fixed list column with a border beside the editor, real fields.
  const look = await page.evaluate(() => {
    const pane = document.querySelector('.memo-list-pane') as HTMLElement;
    const body = document.querySelector('.memo-editor .memo-body') as HTMLElement;
    const css = getComputedStyle(pane);
    return {
      width: pane.getBoundingClientRect().width,
      border: css.borderRightStyle,
      radius: getComputedStyle(body).borderTopLeftRadius,
    };
  });
  expect(look.width).toBe(340);
  expect(look.border).toBe('solid');
  expect(look.radius).not.toBe('0px');
  await shot(page, 'memos-view-1280');
});

test('merging the code on screen confirms the merge, with no error about the merged code', async ({
  page,
  workspace,
}) => {
  const project = codedProject(workspace, 'Merge');
  await workspace.serve(project);
  await section(page, 'Codes').click();
  await page.getByRole('button', { name: 'Busy, 2 excerpts' }).click();
  const heading = page.locator('#code-excerpts-title');
  await expect(heading).toHaveText('Busy');
  await page.getByRole('button', { name: 'Merge code Busy into another' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge code Busy' });
  await dialog.getByLabel('Merge into code').selectOption({ label: 'Workload' });
  await dialog.getByRole('button', { name: 'Merge into “Workload”' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Merged “Busy” into “Workload”.' })).toBeVisible();
  // The view follows the excerpts to the code they went to.
  await expect(heading).toHaveText('Workload');
  await saved(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.statusbar')).not.toContainText('There is no code');
  const excerpts = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Workload']);
  expect(excerpts).toHaveLength(3);
});

test('toasts leave by themselves, at most three at a time, and can be closed', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Toasts', [QUALCODER_TRANSCRIPT]);
  await workspace.serve(project);
  await selectInReader(page, 'too busy');
  // No quick codes yet: each number key explains itself in a toast.
  for (const key of ['1', '2', '3', '4', '5']) await page.keyboard.press(key);
  const toasts = page.getByRole('region', { name: 'Notifications' }).locator('.toast');
  await expect(toasts).toHaveCount(3);
  await expect(toasts.first()).toContainText('key 3');
  await toasts.first().getByRole('button', { name: 'Dismiss notification' }).click();
  await expect(toasts).toHaveCount(2);
  await page.mouse.move(0, 0);
  await expect(toasts).toHaveCount(0, { timeout: 8_000 });
});
