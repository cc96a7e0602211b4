/** The coder identity: set from the status bar, kept across reloads, recorded on new codings. */
import Database from 'better-sqlite3';
import { expect, highlightTexts, newProject, QUALCODER_TRANSCRIPT, saved, selectInReader, test } from './fixtures.js';

test('sets who is coding from the status bar, and new codings record that coder', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Coders', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  await workspace.serve(project);

  await page.getByRole('button', { name: /^Coder: / }).click();
  const dialog = page.getByRole('dialog', { name: 'Coder identity' });
  await dialog.getByLabel('Coder name').fill('Mei Chen 陈美');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Coder: Mei Chen 陈美' })).toBeVisible();

  const quote = 'I felt that they were too busy and I switched off.';
  await selectInReader(page, quote);
  await page.keyboard.press('c');
  await page.keyboard.type('Workload');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual([quote]);
  await saved(page);

  const db = new Database(project, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT coders.name AS name FROM codings JOIN coders ON coders.id = codings.coder_id')
      .all() as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(['Mei Chen 陈美']);
  } finally {
    db.close();
  }

  await page.reload();
  await expect(page.getByRole('button', { name: 'Coder: Mei Chen 陈美' })).toBeVisible();
});
