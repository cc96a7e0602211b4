/**
 * The import flow in the real UI: mixed formats with a broken file, the CSV preview with
 * column roles, progress with Cancel, duplicates, and pasted text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA } from '../shared-data.js';
import { expect, newProject, saved, shot, test } from './fixtures.js';

const DATA = SHARED_DATA;
const GERMAN = `${DATA}/transcripts/haski-nodegrade-de/NodeGrade_paper_ECSEE_qualitative_data_interview1_german.docx`;

test('imports several formats at once and shows the broken file with its reason', async ({ page, workspace }) => {
  const project = newProject(workspace);
  const vtt = join(workspace.dir, 'zoom-call.vtt');
  writeFileSync(
    vtt,
    'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana>Olá, tudo bem?</v>\n\n00:00:03.500 --> 00:00:05.000\n<v Kenji>はい、元気です 👋</v>\n',
  );
  const md = join(workspace.dir, 'field-notes.md');
  writeFileSync(md, '# Field notes\n\n- **Store visit**: queue of 12 people\n- Cashier: card reader broke\n');
  const broken = join(workspace.dir, 'broken.docx');
  writeFileSync(broken, 'not really a Word file');
  await workspace.serve(project);

  await page
    .getByRole('navigation')
    .getByLabel('Choose files to import')
    .setInputFiles([GERMAN, vtt, `${DATA}/srt/go-astisub/example-in.srt`, md, broken]);
  // Two or more transcripts: the import asks who they belong to first (no participant here).
  await page
    .getByRole('dialog', { name: 'Import options' })
    .getByRole('button', { name: /^Import \d+ files$/ })
    .click();
  const report = page.getByRole('alert').filter({ hasText: 'Imported 4 files, 1 rejected' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('listitem')).toHaveText([/^broken\.docx — It is not a valid Word document/]);
  await saved(page);
  await shot(page, 'import-mixed-formats');

  const docs = workspace.cliJson<{ title: string; format: string }[]>(['docs', project]);
  expect(docs.map((d) => [d.title, d.format])).toEqual([
    ['NodeGrade_paper_ECSEE_qualitative_data_interview1_german', 'docx'],
    ['zoom-call', 'vtt'],
    ['example-in', 'srt'],
    ['Field notes', 'md'],
  ]);
  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: /zoom-call/ })
    .click();
  await expect(page.locator('.turn-speaker').first()).toHaveText('Ana');
  await expect(page.locator('.reader-text')).toContainText('はい、元気です 👋');
});

test('imports a survey CSV through the column preview', async ({ page, workspace }) => {
  const project = newProject(workspace);
  await workspace.serve(project);

  await page
    .getByRole('navigation')
    .getByLabel('Choose files to import')
    .setInputFiles(`${DATA}/transcripts/qualcoder/survey456.csv`);
  const dialog = page.getByRole('dialog', { name: 'Survey columns' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Role of Case')).toHaveValue('id');
  await expect(dialog.getByLabel('Role of freetext')).toHaveValue('text');
  await expect(dialog.getByLabel('Role of Age')).toHaveValue('attribute');
  await expect(dialog.getByRole('row', { name: /freetext/ })).toContainText('I wanted to do some more studies');
  await shot(page, 'import-csv-preview');
  await dialog.getByLabel('Role of Interest').selectOption('ignore');
  await dialog.getByRole('button', { name: 'Import 3 respondents' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 file' })).toBeVisible();
  await saved(page);
  const docs = workspace.cliJson<{ title: string; participant: string | null }[]>(['docs', project]);
  expect(docs.map((d) => [d.title, d.participant])).toEqual([
    ['survey456 — ID4', 'ID4'],
    ['survey456 — ID5', 'ID5'],
    ['survey456 — ID6', 'ID6'],
  ]);
  await expect(page.locator('.reader-text')).toContainText('freetext');
});

test('shows progress and stops cleanly on Cancel, leaving whole files only', async ({ page, workspace }) => {
  const project = newProject(workspace);
  const files = Array.from({ length: 8 }, (_, i) => {
    const path = join(workspace.dir, `note-${i + 1}.txt`);
    writeFileSync(path, `Anna: This is note ${i + 1}.\nBen: Thanks.\nAnna: Bye.\n`);
    return path;
  });
  await workspace.serve(project);
  // Slow every import down so the progress bar can be seen and Cancel pressed mid-way.
  await page.route('**/api/documents.import', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });

  await page.getByRole('navigation').getByLabel('Choose files to import').setInputFiles(files);
  // Two or more transcripts: the import asks who they belong to first (no participant here).
  await page
    .getByRole('dialog', { name: 'Import options' })
    .getByRole('button', { name: /^Import \d+ files$/ })
    .click();
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Files imported' })).toBeVisible();
  await expect(panel).toContainText(/Importing [2-4] of 8/);
  await shot(page, 'import-progress');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: /cancelled; \d not imported/ })).toBeVisible();
  await expect(panel).toBeHidden();
  await saved(page);
  const docs = workspace.cliJson<{ title: string; turns: number }[]>(['docs', project]);
  expect(docs.length).toBeGreaterThan(0);
  expect(docs.length).toBeLessThan(8);
  expect(docs.every((d) => d.turns === 3)).toBe(true);
});

test('skips a file already in the project and imports it anyway on request', async ({ page, workspace }) => {
  const path = join(workspace.dir, 'p01.txt');
  writeFileSync(path, 'Interviewer: Hi.\nP01: Hello.\n');
  const project = newProject(workspace, 'Dups', [path]);
  await workspace.serve(project);

  await page.getByRole('navigation').getByLabel('Choose files to import').setInputFiles(path);
  const panel = page.getByRole('region', { name: 'Already imported' });
  await expect(panel).toContainText('1 file was already in the project and was skipped');
  await expect(panel.getByRole('listitem')).toHaveText('p01.txt — the same file as p01.txt');
  await panel.getByRole('button', { name: 'Import anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 duplicate anyway' })).toBeVisible();
  await saved(page);
  expect(workspace.cliJson<unknown[]>(['docs', project])).toHaveLength(2);
});

test('pastes text as a new document with speaker turns', async ({ page, workspace }) => {
  const project = newProject(workspace);
  await workspace.serve(project);
  await page.getByRole('navigation').getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text' });
  await dialog.getByLabel('Title').fill('Hallway chat');
  await dialog.getByLabel('Text').fill('مريم: مرحبا 👋\nTom: Hi Maryam.\nمريم: كيف حالك؟\n');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Hallway chat', level: 1 })).toBeVisible();
  await expect(page.locator('.turn-speaker').first()).toHaveText('مريم');
  await saved(page);
  expect(workspace.cliJson<{ title: string }[]>(['docs', project]).map((d) => d.title)).toEqual(['Hallway chat']);
});
