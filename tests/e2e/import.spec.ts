/** Importing through the UI: the file input (several files), rejections with reasons, and drag-and-drop. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, newProject, QUALCODER_TRANSCRIPT, SAMPLE, saved, shot, test } from './fixtures.js';

test('imports a .txt transcript through the file input and reads it as a script', async ({ page, workspace }) => {
  const project = newProject(workspace);
  await workspace.serve(project);

  await page.getByRole('navigation').getByLabel('Choose files to import').setInputFiles(QUALCODER_TRANSCRIPT);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 file' })).toBeVisible();
  await saved(page);

  const docs = page.getByRole('list', { name: 'Documents' });
  await expect(docs.getByRole('button', { name: /transcript/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'transcript', level: 1 })).toBeVisible();
  const reader = page.locator('.reader-text');
  await expect(reader).toContainText('I am struggling with the lecture slides.');
  await shot(page, 'imported-transcript');

  const listed = workspace.cliJson<{ title: string }[]>(['docs', project]);
  expect(listed.map((d) => d.title)).toEqual(['transcript']);
});

test('imports several files at once and lists rejected ones with the reason', async ({ page, workspace }) => {
  const project = newProject(workspace);
  const empty = join(workspace.dir, 'empty-notes.txt');
  writeFileSync(empty, '');
  await workspace.serve(project);

  await page
    .getByRole('navigation')
    .getByLabel('Choose files to import')
    .setInputFiles([SAMPLE('P02-Tom-UK.txt'), SAMPLE('P04-Dana-US.txt'), empty]);
  // Two or more transcripts: the import asks who they belong to first (no participant here).
  await page
    .getByRole('dialog', { name: 'Import options' })
    .getByRole('button', { name: /^Import \d+ files$/ })
    .click();
  const report = page.getByRole('alert').filter({ hasText: 'Imported 2 files, 1 rejected' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('listitem')).toHaveText([/^empty-notes\.txt — .+/]);
  await shot(page, 'import-rejected');

  // Speaker turns: names in the speaker column, each speaker with one colour throughout.
  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: /P02-Tom-UK/ })
    .click();
  const speakers = page.locator('.turn-speaker');
  await expect(speakers.first()).toHaveText('Interviewer');
  await expect(speakers.nth(1)).toHaveText('Tom');
  const colours = await speakers.evaluateAll((els) =>
    els.map((e) => [e.textContent, getComputedStyle(e).color] as const),
  );
  const bySpeaker = new Map<string | null, Set<string>>();
  for (const [name, colour] of colours) bySpeaker.set(name, (bySpeaker.get(name) ?? new Set()).add(colour));
  expect([...bySpeaker.values()].every((set) => set.size === 1)).toBe(true);
  expect(bySpeaker.get('Tom')).not.toEqual(bySpeaker.get('Interviewer'));

  // The fuzzy filter narrows the list.
  await page.getByLabel('Filter documents').fill('dana');
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Documents' })).toContainText('P04-Dana-US');
});

test('imports files dropped onto the window', async ({ page, workspace }) => {
  const project = newProject(workspace);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { name: 'Bring your first transcript in' })).toBeVisible();

  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(
      new File(
        [
          '[00:00:05] Ana: I paid with Pix and it was instant.\n[00:01:12] Bo: Same here.\n' +
            '[00:02:40] Ana: No card needed.\n[01:02:03] Bo: Right.\n',
        ],
        'dropped.txt',
        { type: 'text/plain' },
      ),
    );
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('heading', { name: 'dropped', level: 1 })).toBeVisible();
  await expect(page.locator('.turn-speaker').first()).toHaveText('Ana');
  // Timestamps from the transcript show beside the speaker; the labels are not part of the text.
  await expect(page.locator('.turn-time')).toHaveText(['0:05', '1:12', '2:40', '1:02:03']);
  await expect(page.locator('.block-text').first()).toHaveText('I paid with Pix and it was instant.');
  await saved(page);
  expect(workspace.cliJson<{ title: string }[]>(['docs', project]).map((d) => d.title)).toEqual(['dropped']);
});

test('imports a whole folder, subfolders included and hidden files skipped', async ({ page, workspace }) => {
  const project = newProject(workspace);
  const folder = join(workspace.dir, 'round-1');
  mkdirSync(join(folder, 'de'), { recursive: true });
  mkdirSync(join(folder, '.cache'), { recursive: true });
  writeFileSync(join(folder, 'p01.txt'), 'Interviewer: How was checkout?\nAnna: Slow, and the fee came last.\n');
  writeFileSync(
    join(folder, 'de', 'p02.txt'),
    'Interviewerin: Wie war es?\nKatrin: Die Versandkosten kamen zu spät.\n',
  );
  writeFileSync(join(folder, '.DS_Store'), 'junk');
  writeFileSync(join(folder, '.cache', 'x.txt'), 'cached');
  await workspace.serve(project);

  await page.getByRole('navigation').getByLabel('Choose a folder to import').setInputFiles(folder);
  // Two or more transcripts: the import asks who they belong to first (no participant here).
  await page
    .getByRole('dialog', { name: 'Import options' })
    .getByRole('button', { name: /^Import \d+ files$/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 files' })).toBeVisible();
  await saved(page);

  const titles = workspace
    .cliJson<{ title: string }[]>(['docs', project])
    .map((d) => d.title)
    .sort();
  expect(titles).toHaveLength(2);
  expect(titles.join(' ')).toMatch(/p01/);
  expect(titles.join(' ')).toMatch(/p02/);
});
