/**
 * Long lists render only the rows in view (issue 8): 3,000 excerpts put fewer than 200 rows
 * in the DOM, and scrolling to the end brings the last one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, newProject, section, test } from './fixtures.js';

const ROWS = 3_000;

test('the Excerpts list of 3,000 excerpts renders only what is in view and scrolls to the last', async ({
  page,
  workspace,
}) => {
  test.setTimeout(180_000);
  const lines = Array.from(
    { length: ROWS },
    (_, i) => `Ada (P01): Line ${String(i + 1).padStart(4, '0')} says something worth coding.`,
  );
  const transcript = join(workspace.dir, 'long.txt');
  writeFileSync(transcript, `${lines.join('\n\n')}\n`);
  const project = newProject(workspace, 'Long lists', [transcript]);
  const doc = workspace.cliJson<{ id: number; text: string }>(['show', project, '1']);
  const batch = lines.map((line) => {
    const quote = line.slice('Ada (P01): '.length);
    const start = doc.text.indexOf(quote);
    return JSON.stringify({ doc: doc.id, start, end: start + quote.length, codes: ['Worth'] });
  });
  const batchFile = join(workspace.dir, 'batch.jsonl');
  writeFileSync(batchFile, `${batch.join('\n')}\n`);
  workspace.cli(['tag', project, '--batch', batchFile]);
  await workspace.serve(project);

  await section(page, 'Excerpts').click();
  const list = page.getByRole('list', { name: 'Excerpts' });
  await expect(list).toHaveAttribute('data-rows', String(ROWS));
  await expect(list.getByRole('listitem').first()).toContainText('Line 0001');
  const rendered = await list.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(200);

  // Scroll to the end (row heights are learnt on the way, so the end may move a little).
  await expect
    .poll(
      async () => {
        await list.evaluate((ul) => {
          let node = ul.parentElement;
          while (node && !/(auto|scroll)/.test(getComputedStyle(node).overflowY)) node = node.parentElement;
          node?.scrollTo(0, node.scrollHeight);
        });
        return list.getByText('Line 3000', { exact: false }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await expect(list.getByText('Line 3000', { exact: false })).toBeInViewport();
  expect(await list.getByRole('listitem').count()).toBeLessThan(200);
  await expect(list.getByText('Line 0001', { exact: false })).toHaveCount(0);

  // Retrieval of the code behind all 3,000: the same windowing.
  await section(page, 'Retrieve').click();
  await page.getByLabel('Code to retrieve').selectOption({ label: 'Worth (3000)' });
  const retrieved = page.getByRole('list', { name: 'Retrieved excerpts' });
  await expect(retrieved).toHaveAttribute('data-rows', String(ROWS));
  await expect(retrieved.getByRole('listitem').first()).toBeVisible();
  expect(await retrieved.getByRole('listitem').count()).toBeLessThan(200);
});
