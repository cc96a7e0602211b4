/**
 * Teamwork in the app: merge a teammate's copy (the dry-run preview first), then compare the two
 * coders and open a disagreement in the reader.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, newProject, QUALCODER_TRANSCRIPT, shot, test, type Workspace } from './fixtures.js';

/** Who the CLI records on new codings: the machine preference the app's coder dialog writes. */
function codeAs(ws: Workspace, name: string): void {
  writeFileSync(join(ws.configDir, 'preferences.json'), JSON.stringify({ coderName: name }));
}

test('merges a teammate’s copy after a preview, then shows where the two coders disagree', async ({
  page,
  workspace,
}) => {
  const ours = newProject(workspace, 'Team study', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', ours, 'Workload']);
  codeAs(workspace, 'Ana');
  workspace.cli(['tag', ours, '1', '0', '40', 'Workload']);
  const theirs = join(workspace.dir, 'ben.quarry');
  copyFileSync(ours, theirs);
  codeAs(workspace, 'Ben');
  workspace.cli(['tag', theirs, '1', '20', '60', 'Workload']);
  workspace.cli(['code', 'add', theirs, 'Pace 🏃']);
  workspace.cli(['tag', theirs, '1', '100', '140', 'Pace 🏃']);
  codeAs(workspace, 'Ana');
  const text = workspace.cliJson<{ text: string }>(['show', ours, '1']).text;
  const characters = [...text].length;

  await workspace.serve(ours);
  await page.getByRole('button', { name: /^Coder: Ana/ }).click();
  await page.getByRole('button', { name: "Merge a teammate's project…" }).click();
  const merge = page.getByRole('dialog', { name: "Merge a teammate's project" });
  await merge.getByLabel('Their project (.quarry, .qdpx or .qdc)').setInputFiles(theirs);
  const preview = merge.locator('[data-merge-preview]');
  await expect(preview.getByRole('row', { name: /Documents/ })).toContainText('1 already here · 0 new');
  await expect(preview.getByRole('row', { name: /Codes/ })).toContainText('1 already here · 1 new');
  await expect(preview.getByRole('row', { name: /Codings/ })).toContainText('2 new');
  // Nothing is written by the preview.
  await expect(page.getByRole('button', { name: 'Pace 🏃' })).toHaveCount(0);
  await shot(page, 'merge-preview');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge).toBeHidden();
  await expect(page.getByText(/Merged ben\.quarry: 0 documents, 1 code, 2 codings added/)).toBeVisible();

  await page.getByRole('button', { name: /^Coder: Ana/ }).click();
  await page.getByRole('button', { name: 'Compare coders…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare coders' });
  await expect(compare.getByRole('checkbox', { name: /Ana/ })).toBeChecked();
  await expect(compare.getByRole('checkbox', { name: /Ben/ })).toBeChecked();
  await compare.getByRole('button', { name: 'Compare' }).click();
  // Workload: both coded 20 characters, each alone 20: (n − 40) / n agree.
  const expected = `${(((characters - 40) / characters) * 100).toFixed(1)}%`;
  await expect(compare.locator('[data-agreement-code="Workload"]')).toContainText(expected);
  await expect(compare.locator('[data-agreement-code="Pace 🏃"]')).toBeVisible();
  await shot(page, 'agreement');

  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Save as CSV' }).click();
  const csv = readFileSync((await (await download).path()) as string, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFcode,agreement,kappa,alpha,both,first_only,second_only,neither');
  expect(csv).toContain('Workload,');

  const first = compare.locator('[data-disagreement]').first();
  await expect(first).toContainText('coded by Ana only');
  await first.click();
  await expect(compare).toBeHidden();
  // The reader opens that document at the disagreement (Ana alone coded its first 20 characters).
  await expect(page.locator('.reader')).toContainText('hello, I like the course');
});
