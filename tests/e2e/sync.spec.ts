/** Change events: a write in one tab shows up in another without a reload (SSE from quarry serve). */
import { expect, newProject, QUALCODER_TRANSCRIPT, section, test } from './fixtures.js';

test('a code added in one tab appears in another', async ({ page, workspace, context }) => {
  const project = newProject(workspace, 'Sync', [QUALCODER_TRANSCRIPT]);
  const url = await workspace.serve(project);
  const other = await context.newPage();
  await other.goto(url);
  await section(other, 'Codes').click();
  await expect(other.getByText('No codes yet.')).toBeVisible();

  await section(page, 'Codes').click();
  await page.getByLabel('New code name').fill('Made elsewhere');
  await page.getByRole('button', { name: 'Add code' }).click();

  await expect(other.getByRole('button', { name: 'Made elsewhere, 0 excerpts' })).toBeVisible();
  await other.close();
});
