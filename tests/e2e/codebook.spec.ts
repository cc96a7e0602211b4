/** The codebook (add, hierarchy, rename, delete with counts) and the excerpts panel (filter, jump). */
import { expect, highlightTexts, newProject, QUALCODER_TRANSCRIPT, saved, section, test } from './fixtures.js';

test('codebook: add a child code, rename, delete after a confirmation that counts codings', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Codebook', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Teaching']);
  const [doc] = workspace.cliJson<{ id: number }[]>(['docs', project]);
  workspace.cli(['tag', project, String(doc?.id), '6', '30', 'Teaching']);
  workspace.cli(['tag', project, String(doc?.id), '200', '240', 'Teaching']);
  await workspace.serve(project);
  await section(page, 'Codes').click();

  await page.getByLabel('New code name').fill('Slides');
  await page.getByLabel('Parent code').selectOption({ label: 'Inside Teaching' });
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByRole('button', { name: 'Teaching › Slides, 0 excerpts' })).toBeVisible();

  await page.getByRole('button', { name: 'Rename code Slides' }).click();
  await page.getByLabel('New name for Slides').fill('Lecture slides');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Teaching › Lecture slides, 0 excerpts' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete code Teaching' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete code Teaching' });
  await expect(confirm.getByRole('heading')).toHaveText('Delete code “Teaching” and its 2 codings?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Teaching, 2 excerpts' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete code Lecture slides' }).click();
  await page
    .getByRole('dialog', { name: 'Delete code Lecture slides' })
    .getByRole('button', { name: 'Delete code' })
    .click();
  // Scoped to the codebook: the status bar's undo button now names the deleted code.
  await expect(page.getByRole('list', { name: 'Codes' }).getByRole('button', { name: /Lecture slides/ })).toHaveCount(
    0,
  );
  await saved(page);
  const codes = workspace.cliJson<{ name: string; parent: string | null }[]>(['codes', project]);
  expect(codes.map((c) => c.name)).toEqual(['Teaching']);
});

test('excerpts: filter by code, and a click opens the transcript at the excerpt', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Excerpts', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Struggle']);
  workspace.cli(['code', 'add', project, 'Career']);
  const [doc] = workspace.cliJson<{ id: number }[]>(['docs', project]);
  const { text } = workspace.cliJson<{ text: string }>(['show', project, String(doc?.id)]);
  const tag = (quote: string, code: string) => {
    const start = text.indexOf(quote);
    workspace.cli(['tag', project, String(doc?.id), String(start), String(start + quote.length), code]);
  };
  tag('I am really struggling', 'Struggle');
  tag('I am struggling with the lecture slides', 'Struggle');
  tag('good for my career at the museum', 'Career');
  await workspace.serve(project);

  await section(page, 'Excerpts').click();
  const list = page.getByRole('list', { name: 'Excerpts' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.getByLabel('Filter by code').selectOption({ label: 'Struggle (2)' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Filter excerpts').fill('lecture');
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await list.getByRole('button', { name: /^Open in transcript: I am struggling with the lecture/ }).click();
  await expect(page.getByRole('heading', { name: 'transcript', level: 1 })).toBeVisible();
  await expect.poll(() => highlightTexts(page, 'q-focus')).toEqual(['I am struggling with the lecture slides']);
  const panel = page.getByRole('complementary', { name: 'Selection details' });
  await expect(panel.getByRole('heading', { name: 'Excerpt' })).toBeVisible();

  // J / K step through the document's excerpts.
  await page.keyboard.press('j');
  await expect.poll(() => highlightTexts(page, 'q-focus')).toEqual(['good for my career at the museum']);
  await page.keyboard.press('k');
  await expect.poll(() => highlightTexts(page, 'q-focus')).toEqual(['I am struggling with the lecture slides']);
});
