/** The Participants table: add participants and typed attributes, edit values in place, filter, link documents. */
import { readFileSync } from 'node:fs';
import { expect, newProject, QUALCODER_TRANSCRIPT, SAMPLE, saved, section, shot, test } from './fixtures.js';

test('participants: typed attributes edited in the table, filter by a value, link a document', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'People', [QUALCODER_TRANSCRIPT, SAMPLE('P02-Tom-UK.txt')]);
  await workspace.serve(project);
  await section(page, 'Participants').click();
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Participants' });

  // Two more participants beside whoever the import found.
  for (const label of ['P101', 'P102']) {
    await page.getByLabel('New participant label').fill(label);
    await page.getByRole('button', { name: 'Add participant', exact: true }).click();
    await expect(table.getByLabel(`Label of ${label}`)).toBeVisible();
  }

  // A choice attribute and a number attribute become columns with matching inputs.
  await page.getByLabel('New attribute name').fill('market');
  await page.getByLabel('Attribute type').selectOption('choice');
  await page.getByLabel('Choices, separated by commas').fill('DE, FR, UK');
  await page.getByRole('button', { name: 'Add attribute', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: /^market/ })).toBeVisible();
  await page.getByLabel('New attribute name').fill('age');
  await page.getByLabel('Attribute type').selectOption('number');
  await page.getByRole('button', { name: 'Add attribute', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: /^age/ })).toBeVisible();
  await page.getByLabel('New attribute name').fill('consent');
  await page.getByLabel('Attribute type').selectOption('boolean');
  await page.getByRole('button', { name: 'Add attribute', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: /^consent/ })).toBeVisible();

  await table.getByLabel('market of P101').selectOption('DE');
  await table.getByLabel('market of P102').selectOption('FR');
  await table.getByLabel('age of P101').fill('34');
  await table.getByLabel('age of P101').press('Enter');
  await table.getByLabel('consent of P102').check();
  await saved(page);
  // Leaving the cell saves too.
  await table.getByLabel('age of P102').fill('12.5');
  await table.getByLabel('Label of P101').focus();
  await saved(page);

  // Filter by one attribute value.
  await page.getByLabel('Filter by attribute').selectOption('market');
  await page.getByLabel('Filter value').selectOption('DE');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByLabel('Label of P101')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(table.getByLabel('Label of P102')).toBeVisible();

  // Link a document to P102 from the table.
  await table.getByRole('button', { name: 'Link documents to P102' }).click();
  const dialog = page.getByRole('dialog', { name: 'Documents of P102' });
  await dialog.getByRole('checkbox', { name: /transcript/ }).check();
  await dialog.getByRole('button', { name: 'Save links' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Documents of P102' }).getByRole('listitem')).toHaveText(['transcript']);
  await saved(page);
  await shot(page, 'participants-table');

  await page.reload();
  await section(page, 'Participants').click();
  await expect(table.getByLabel('market of P101')).toHaveValue('DE');
  await expect(table.getByLabel('age of P101')).toHaveValue('34');
  await expect(table.getByLabel('age of P102')).toHaveValue('12.5');
  await expect(table.getByLabel('consent of P102')).toBeChecked();
  // Never answered is not "no": P101's consent shows as indeterminate.
  await expect(table.getByLabel('consent of P101')).toHaveJSProperty('indeterminate', true);
  await expect(table.getByLabel('consent of P102')).toHaveJSProperty('indeterminate', false);
  await expect(page.getByRole('list', { name: 'Documents of P102' }).getByRole('listitem')).toHaveText(['transcript']);
  const docs = workspace.cliJson<{ title: string; participant: string | null }[]>(['docs', project]);
  expect(docs.find((d) => d.title === 'transcript')?.participant).toBe('P102');
});

test('an attribute is renamed and given more choices; values that no longer fit are refused', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Attributes');
  await workspace.serve(project);
  await section(page, 'Participants').click();
  const table = page.getByRole('table', { name: 'Participants' });
  await page.getByLabel('New participant label').fill('P201');
  await page.getByRole('button', { name: 'Add participant', exact: true }).click();
  await page.getByLabel('New attribute name').fill('country');
  await page.getByLabel('Attribute type').selectOption('choice');
  await page.getByLabel('Choices, separated by commas').fill('DE, UK');
  await page.getByRole('button', { name: 'Add attribute', exact: true }).click();
  await table.getByLabel('country of P201').selectOption('UK');
  await saved(page);

  await table.getByRole('button', { name: 'Edit attribute country' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit attribute country' });
  await dialog.getByLabel('Name', { exact: true }).fill('market');
  await dialog.getByLabel('Choices, separated by commas').fill('DE, UK, JP');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('columnheader', { name: /^market/ })).toBeVisible();
  await expect(table.getByLabel('market of P201').locator('option')).toHaveText(['—', 'DE', 'UK', 'JP']);
  await expect(table.getByLabel('market of P201')).toHaveValue('UK');

  // Dropping the choice a participant holds would orphan the value: refused, nothing changes.
  await table.getByRole('button', { name: 'Edit attribute market' }).click();
  const again = page.getByRole('dialog', { name: 'Edit attribute market' });
  await again.getByLabel('Choices, separated by commas').fill('DE, JP');
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again).toBeVisible();
  await again.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await section(page, 'Participants').click();
  await expect(table.getByLabel('market of P201')).toHaveValue('UK');
});

test('a real name and a pseudonym are recorded, an attribute is marked identifying, and a redacted export uses them', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Names');
  workspace.cli(['import', project, QUALCODER_TRANSCRIPT, '--participant', 'P301']);
  await workspace.serve(project);
  await section(page, 'Participants').click();
  const table = page.getByRole('table', { name: 'Participants' });
  await table.getByLabel('Real name of P301').fill('محمد العلي (Mo)');
  await table.getByLabel('Real name of P301').press('Enter');
  await saved(page);
  await table.getByLabel('Pseudonym of P301').fill('Falcon');
  await table.getByLabel('Pseudonym of P301').press('Enter');
  await saved(page);
  await page.getByLabel('New attribute name').fill('employer');
  await page.getByRole('button', { name: 'Add attribute', exact: true }).click();
  await table.getByLabel('employer of P301').fill('Acme Widgets');
  await table.getByLabel('employer of P301').press('Enter');
  await saved(page);
  await table.getByRole('button', { name: 'Edit attribute employer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit attribute employer' });
  await dialog.locator('[data-attribute-identifying]').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(table.locator('[data-attribute-identifying-badge]')).toBeVisible();

  // Stored in the project: a reload shows them again.
  await page.reload();
  await section(page, 'Participants').click();
  await expect(table.getByLabel('Real name of P301')).toHaveValue('محمد العلي (Mo)');
  await expect(table.getByLabel('Pseudonym of P301')).toHaveValue('Falcon');
  await expect(table.locator('[data-attribute-identifying-badge]')).toBeVisible();
  const out = `${workspace.dir}/redacted.md`;
  workspace.cli(['export', project, '--format', 'md', '--out', out, '--redact', '--sections', 'participants']);
  const md = readFileSync(out, 'utf8');
  expect(md).toContain('| Falcon |');
  expect(md).not.toMatch(/P301|Acme|محمد|employer \|/);
});
