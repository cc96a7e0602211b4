/**
 * The export dialog: an HTML, Markdown or PDF report as a download, optionally redacted; the
 * choices (format, sections, codes, language, title, redaction) are remembered in the project;
 * the HTML report reads on a phone (no sideways scrolling at 390 px).
 */
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
  await dialog.getByLabel(/^Redact/).check();
  const [md] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(md.suggestedFilename()).toMatch(/\.md$/);
  const markdown = readFileSync(await md.path(), 'utf8');
  expect(markdown).toContain(QUOTE);
  expect(markdown).not.toContain('Beatrix Quill');
});

test('exports with chosen sections, codes, language and title; remembers the choices; the HTML fits a phone', async ({
  page,
  browser,
  workspace,
}) => {
  const project = newProject(workspace, 'Export choices');
  workspace.cli(['import', project, QUALCODER_TRANSCRIPT, '--participant', 'Beatrix Quill']);
  workspace.cli(['code', 'add', project, 'Slides']);
  workspace.cli(['code', 'add', project, 'Other']);
  const [doc] = workspace.cliJson<{ id: number }[]>(['docs', project]);
  const { text } = workspace.cliJson<{ text: string }>(['show', project, String(doc?.id)]);
  const start = text.indexOf(QUOTE);
  workspace.cli(['tag', project, String(doc?.id), String(start), String(start + QUOTE.length), 'Slides']);
  await workspace.serve(project);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await dialog.locator('[data-export-format="html"]').check();
  await dialog.locator('[data-export-section="appendix"]').uncheck();
  await dialog.locator('[data-export-codes="some"]').check();
  await dialog.locator('[data-export-code="Slides"]').check();
  await dialog.locator('[data-export-language]').selectOption('de');
  await dialog.locator('[data-export-title]').fill('Vorlesung 📚 Bericht');
  await dialog.locator('[data-export-redact]').check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-export-run]').click()]);
  expect(download.suggestedFilename()).toBe('vorlesung-bericht-report.html');
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toContain('<title>Vorlesung 📚 Bericht</title>');
  expect(html).toContain('<h2>Themen</h2>');
  expect(html).toContain(QUOTE);
  expect(html).not.toContain('Beatrix');
  expect(html).not.toContain('Quill');
  expect(html).not.toContain('<section data-section="appendix">');
  expect(html).toContain('<section data-section="insights">');
  expect(html).not.toMatch(/<h3>[^<]*Other<\/h3>/);
  expect(html).toContain('data-redaction');
  await expect(dialog).toBeHidden();

  // The choices come back when the dialog opens again (they are kept in the project).
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.locator('[data-export-language]')).toHaveValue('de');
  await expect(dialog.locator('[data-export-title]')).toHaveValue('Vorlesung 📚 Bericht');
  await expect(dialog.locator('[data-export-redact]')).toBeChecked();
  await expect(dialog.locator('[data-export-section="appendix"]')).not.toBeChecked();
  await expect(dialog.locator('[data-export-code="Slides"]')).toBeChecked();

  // PDF, printed by the Chromium the server finds.
  await dialog.locator('[data-export-format="pdf"]').check();
  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    dialog.locator('[data-export-run]').click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('vorlesung-bericht-report.pdf');
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // The HTML report on a phone: title visible, nothing wider than the screen.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.setContent(html);
  await expect(phone.locator('h1[data-report-title]')).toBeVisible();
  await expect(phone.locator('h1[data-report-title]')).toHaveText('Vorlesung 📚 Bericht');
  const widths = await phone.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await phone.close();
});
