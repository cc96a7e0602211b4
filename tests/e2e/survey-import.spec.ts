/**
 * Survey exports in the real UI (issue 7): the column preview fits a 1280×800 window with its
 * "Use as" choices in view, the guessed defaults are right for an export never seen before,
 * and every respondent becomes a participant with typed attributes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, newProject, saved, shot, test } from './fixtures.js';

test.use({ viewport: { width: 1280, height: 800 } });

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** An export with long question headers, long answers and many columns, as survey tools write them. */
function wideExport(): string {
  const header = [
    'respondent_id',
    'StartDate',
    'Market',
    'How likely are you to recommend us to a friend or colleague? (0 = not at all, 10 = extremely likely)',
    'Signed up for the newsletter',
    'One word for the checkout',
    'Please describe, in your own words and in as much detail as you like, what happened the last time you paid',
    'https://example.com/a-very-long-url-that-someone-pasted-into-a-header-without-any-spaces-at-all',
    'Segment',
    'Age band',
  ];
  const answers = [
    'I opened the app, scanned the code at the till, and the payment went through before the cashier had even finished packing my bag — it was honestly the smoothest it has ever been.',
    'The coupon did not apply, so I had to cancel, re-enter the card details and wait while the queue behind me grew.',
    'Paid by card. Fine.',
    'It asked me to log in again and then the page timed out; I gave up and paid cash.',
    '',
  ];
  const words = ['Fast!', 'too slow', 'love it', 'Meh, confusing', ''];
  const rows = answers.map((a, i) => [
    `R${i + 1}`,
    `2024-03-0${i + 1}`,
    ['DE', 'FR', 'US', 'JP', 'DE'][i] as string,
    String([9, 3, 10, 6, 0][i]),
    i % 2 ? 'no' : 'yes',
    words[i] as string,
    a,
    'x'.repeat(120 + i),
    ['SMB', 'Enterprise', 'SMB', 'SMB', 'Enterprise'][i] as string,
    ['18–24', '25–34', '35–44', '25–34', '45–54'][i] as string,
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}

test('the CSV preview fits 1280×800 with every "Use as" choice in view, and the defaults import right', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace);
  const csv = join(workspace.dir, 'checkout-survey.csv');
  writeFileSync(csv, wideExport());
  await workspace.serve(project);

  await page.getByRole('navigation').getByLabel('Choose files to import').setInputFiles(csv);
  const dialog = page.getByRole('dialog', { name: 'Survey columns' });
  await expect(dialog).toBeVisible();
  await shot(page, 'import-csv-preview-1280x800');

  // Nothing scrolls sideways, and the dialog with its buttons fits the window.
  const wrap = dialog.locator('.csv-table-wrap');
  const overflow = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 800).toBe(true);
  const useAs = dialog.getByRole('columnheader', { name: 'Use as' });
  await expect(useAs).toBeInViewport();
  const wrapBox = await wrap.boundingBox();
  for (const select of await dialog.getByRole('combobox').all()) {
    const b = await select.boundingBox();
    expect(b && wrapBox && b.x >= wrapBox.x && b.x + b.width <= wrapBox.x + wrapBox.width).toBe(true);
  }

  // The defaults: the id, the short open question, the typed attributes.
  await expect(dialog.getByLabel('Role of respondent_id')).toHaveValue('id');
  await expect(dialog.getByLabel('Role of One word for the checkout')).toHaveValue('text');
  await expect(dialog.getByLabel(/^Role of Please describe/)).toHaveValue('text');
  await expect(dialog.getByLabel(/^Role of How likely/)).toHaveValue('attribute');
  await expect(dialog.getByRole('row', { name: /How likely/ })).toContainText('number');
  await expect(dialog.getByRole('row', { name: /StartDate/ })).toContainText('date');
  await expect(dialog.getByRole('row', { name: /Signed up/ })).toContainText('yes/no');
  await dialog.getByLabel(/^Role of https/).selectOption('ignore');
  await dialog.getByRole('button', { name: 'Import 5 respondents' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 file' })).toBeVisible();
  await saved(page);

  const people = workspace.cliJson<{ label: string; attributes: Record<string, unknown>; documents: number }[]>([
    'participants',
    project,
    '--json',
  ]);
  expect(people.map((p) => [p.label, p.documents])).toEqual([
    ['R1', 1],
    ['R2', 1],
    ['R3', 1],
    ['R4', 1],
    ['R5', 0],
  ]);
  expect(people[0]?.attributes).toMatchObject({
    StartDate: '2024-03-01',
    Market: 'DE',
    'Signed up for the newsletter': true,
    Segment: 'SMB',
  });
  expect(Object.values(people[4]?.attributes ?? {})).toContain(0);
});
