/** REFI-QDA through the real UI: a real NVivo export and a built .qdpx imported from the file chooser, their codes in the codebook. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, newProject, ROOT, saved, section, shot, test } from './fixtures.js';

/** ../shared from the repository root (a worktree sits one folder deeper than /work/main). */
const SHARED = [resolve(ROOT, '..', 'shared'), resolve(ROOT, '..', '..', 'shared')].find((p) => existsSync(p)) ?? '';
const NVIVO = join(SHARED, 'data', 'refi-qda', 'projects', 'nvivo-mac-15.0.0_cproctor', 'nvivo_project.qdpx');
const g = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

test('imports REFI-QDA projects and shows their codes, excerpts and warnings', async ({ page, workspace }) => {
  const project = newProject(workspace);
  const text = 'I: How was delivery?\nP1: 配送太慢了 😤 but the price was fine.\n';
  const at = (s: string) => [...text.slice(0, text.indexOf(s))].length;
  const xml = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Built" origin="QualCoder 3.5">
    <CodeBook><Codes><Code guid="${g(1)}" name="Delivery 🚚" isCodable="true" color="#2E86AB"><Code guid="${g(2)}" name="Too slow" isCodable="true"/></Code></Codes></CodeBook>
    <Sources><TextSource guid="${g(3)}" name="Interview P1" plainTextPath="internal://p1.txt">
      <PlainTextSelection guid="${g(4)}" name="配送太慢了 😤" startPosition="${at('配送')}" endPosition="${at('配送') + 7}">
        <Coding guid="${g(5)}"><CodeRef targetGUID="${g(2)}"/></Coding></PlainTextSelection></TextSource>
      <PictureSource guid="${g(6)}" name="whiteboard.jpg" path="internal://w.jpg"/></Sources></Project>`;
  const built = join(workspace.dir, 'built.qdpx');
  writeFileSync(built, zipSync({ 'project.qde': strToU8(xml), 'sources/p1.txt': strToU8(text) }));
  await workspace.serve(project);

  await page.getByRole('navigation').getByLabel('Choose files to import').setInputFiles([NVIVO, built]);
  const report = page.getByRole('status').filter({ hasText: 'Imported 2 files' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: 'whiteboard.jpg' })).toHaveText(
    /^built\.qdpx — The picture source "whiteboard\.jpg" was not imported/,
  );
  await saved(page);
  await shot(page, 'import-refi-qdpx');

  await section(page, 'Codes').click();
  const codes = page.getByRole('list', { name: 'Codes' });
  await expect(codes.getByRole('button', { name: /^rq1_definition, 0 excerpts$/ })).toBeVisible();
  // 264 codes: the list is windowed, so a code far down is found by the filter (which shows paths).
  await page.getByPlaceholder('Filter codes').fill('Too slow');
  await expect(codes.getByRole('button', { name: /^Delivery 🚚 › Too slow, 1 excerpt$/ })).toBeVisible();

  const excerpts = workspace.cliJson<{ text: string; codes: string[] }[]>(['excerpts', project]);
  expect(excerpts).toEqual([expect.objectContaining({ text: '配送太慢了 😤', codes: ['Too slow'] })]);
});
