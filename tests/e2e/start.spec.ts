/** The start screen: create a project, open one by path, recent projects, readable errors. */
import { join } from 'node:path';
import { expect, newProject, saved, shot, test } from './fixtures.js';

test('creates a project from the start screen', async ({ page, workspace }) => {
  await workspace.serve();
  await expect(page.getByRole('heading', { name: 'Create a project' })).toBeVisible();
  await shot(page, 'start-screen');

  const path = join(workspace.dir, 'Checkout study.quarry');
  await page.getByLabel('Project file', { exact: true }).fill(path);
  await page.getByLabel('Name').fill('Checkout study');
  await page.getByRole('button', { name: 'Create project' }).click();

  // The shell replaces the start screen, named after the project, with the import hint.
  await expect(page.getByRole('button', { name: /Project Checkout study/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bring your first transcript in' })).toBeVisible();
  await expect(page).toHaveTitle('Checkout study — Quarry');
  await saved(page);
  await shot(page, 'empty-project');

  // The file is real: the CLI reads it.
  const info = workspace.cliJson<{ schemaVersion: number; counts: { documents: number } }>(['info', path]);
  expect(info.counts.documents).toBe(0);
  expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
});

test('opens a project by path, lists it as recent, and explains a bad path', async ({ page, workspace }) => {
  const first = newProject(workspace, 'Round one', [
    join(import.meta.dirname, '..', '..', 'resources', 'sample', 'transcripts', 'P02-Tom-UK.txt'),
  ]);
  await workspace.serve();

  await page.getByLabel('Project file to open').fill(join(workspace.dir, 'missing.quarry'));
  await page.getByRole('button', { name: 'Open project' }).click();
  const error = page.getByRole('alert').first();
  await expect(error).toContainText(/missing\.quarry/);
  await expect(error).not.toContainText(/at \w+ \(|\.ts:\d+/); // no stack trace

  await page.getByLabel('Project file to open').fill(first);
  await page.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('heading', { name: 'P02-Tom-UK', level: 1 })).toBeVisible();

  // Switch to a new project from the project switcher; the first one is now recent.
  await page.getByRole('button', { name: /Project Round one/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Projects' });
  await dialog.getByLabel('Project file', { exact: true }).fill(join(workspace.dir, 'Round two.quarry'));
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('button', { name: /Project Round two/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(0);

  await page.getByRole('button', { name: /Project Round two/ }).click();
  await page
    .getByRole('dialog', { name: 'Projects' })
    .getByRole('button', { name: /Round one/ })
    .click();
  await expect(page.getByRole('button', { name: /Project Round one/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'P02-Tom-UK', level: 1 })).toBeVisible();
});
