/** The export menu: an HTML or Markdown report as a download, optionally redacted. */
import { readFileSync } from 'node:fs';
import { expect, newProject, QUALCODER_TRANSCRIPT, test } from './fixtures.js';

const QUOTE = 'I am struggling with the lecture slides.';

test('exports an HTML report that contains the coded quote, and a redacted Markdown one', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Export');
  workspace.cli(['import', project, QUALCODER_TRANSCRIPT, '--participant', 'Beatrix Quill']);
  workspace.cli(['code', 'add', project, 'Slides']);
  const [doc] = workspace.cliJson<{ id: number }[]>(['docs', project]);
  const { text } = workspace.cliJson<{ text: string }>(['show', project, String(doc?.id)]);
  const start = text.indexOf(QUOTE);
  workspace.cli(['tag', project, String(doc?.id), String(start), String(start + QUOTE.length), 'Slides']);
  await workspace.serve(project);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await dialog.getByLabel(/HTML report/).check();
  const [html] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  const body = readFileSync(await html.path(), 'utf8');
  expect(body).toContain('<html');
  expect(body).toContain(QUOTE);
  expect(body).toContain('Slides');
  expect(body).toContain('Beatrix Quill');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByLabel(/Markdown/).check();
  await dialog.getByLabel('Redact participant names').check();
  const [md] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(md.suggestedFilename()).toMatch(/\.md$/);
  const markdown = readFileSync(await md.path(), 'utf8');
  expect(markdown).toContain(QUOTE);
  expect(markdown).not.toContain('Beatrix Quill');
});
