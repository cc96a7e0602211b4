/**
 * Participants in one step (issue 7): a folder of 30 interviews imported with one participant
 * per file named from the file-name pattern, and the bulk "Link documents" table filled from
 * the main speakers — no dialog per participant.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, newProject, saved, section, shot, test } from './fixtures.js';

const interview = (name: string, n: number) =>
  `Interviewer: How do you pay for groceries?\n${name}: Mostly by card; the app crashed ${n} times.\nInterviewer: And then?\n${name}: I paid cash and went home.\n`;

interface Row {
  label: string;
  documents: number;
}

test('imports a folder of 30 interviews linked to 30 participants by file-name pattern', async ({
  page,
  workspace,
}) => {
  test.setTimeout(120_000);
  const project = newProject(workspace);
  const folder = join(workspace.dir, 'interviews');
  mkdirSync(folder);
  for (let i = 1; i <= 30; i++) {
    const id = `P${String(i).padStart(2, '0')}`;
    writeFileSync(join(folder, `${id.toLowerCase()}-interview-2024.txt`), interview(`Person ${i}`, i));
  }
  await workspace.serve(project);

  await page.getByRole('navigation').getByLabel('Choose a folder to import').setInputFiles(folder);
  const dialog = page.getByRole('dialog', { name: 'Import options' });
  await expect(dialog.getByRole('heading', { name: 'Import 30 files' })).toBeVisible();
  await dialog.getByRole('radio', { name: /One participant per file/ }).check();
  const pattern = dialog.getByLabel(/Pattern in the file name/);
  await pattern.fill('(p\\d+');
  await expect(dialog.getByRole('alert')).toContainText('not a valid regular expression');
  await expect(dialog.getByRole('button', { name: 'Import 30 files' })).toBeDisabled();
  await pattern.fill('p\\d+');
  const preview = dialog.getByTestId('participant-preview');
  await expect(preview).toContainText('30 files → 30 participants');
  await expect(preview.getByRole('row', { name: /p01-interview-2024\.txt/ })).toContainText('p01');
  await shot(page, 'import-options-pattern');
  await dialog.getByRole('button', { name: 'Import 30 files' }).click();
  // One call per file: on a busy machine 30 files take a while.
  await expect(page.getByRole('status').filter({ hasText: 'Imported 30 files' })).toBeVisible({ timeout: 60_000 });
  await saved(page);

  const people = workspace.cliJson<Row[]>(['participants', project, '--json']);
  expect(people).toHaveLength(30);
  expect(people.every((p) => p.documents === 1)).toBe(true);
  const docs = workspace.cliJson<{ title: string; participant: string | null }[]>(['docs', project, '--json']);
  expect(docs).toHaveLength(30);
  for (const d of docs) expect(d.title.startsWith(`${d.participant}-interview`)).toBe(true);
  expect(new Set(docs.map((d) => d.participant)).size).toBe(30);
});

test('links imported documents in bulk from the main speakers, in one step', async ({ page, workspace }) => {
  const files = Array.from({ length: 4 }, (_, i) => {
    const path = join(workspace.dir, `call-${i + 1}.txt`);
    writeFileSync(path, interview(['Ana', 'Bo', 'Chen', 'Ana'][i] as string, i));
    return path;
  });
  const project = newProject(workspace, 'Bulk', files);
  await workspace.serve(project);

  await section(page, 'Participants').click();
  await page.getByRole('button', { name: 'Link documents…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link documents' });
  await expect(dialog.getByRole('row')).toHaveCount(5);
  await dialog.getByRole('button', { name: 'Fill from main speakers' }).click();
  await expect(dialog.getByLabel('Participant of call-1')).toHaveValue('Ana');
  await expect(dialog.getByLabel('Participant of call-3')).toHaveValue('Chen');
  // One correction by hand before linking.
  await dialog.getByLabel('Participant of call-4').fill('Dana');
  await shot(page, 'participants-bulk-link');
  await dialog.getByRole('button', { name: 'Link 4 documents' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Linked 4 documents, 4 new participants' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await saved(page);

  const people = workspace.cliJson<Row[]>(['participants', project, '--json']);
  expect(people.map((p) => [p.label, p.documents])).toEqual([
    ['Ana', 1],
    ['Bo', 1],
    ['Chen', 1],
    ['Dana', 1],
  ]);
  // The whole table is one undo step.
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect.poll(() => workspace.cliJson<Row[]>(['participants', project, '--json']).length).toBe(0);
});
