/**
 * The Metrics dashboard in the real UI: define a measure, import a CSV through the column
 * mapping (and see a bad file refused with its row), the trend card with its rounds, n and
 * change, link an insight and find the link on the insight, export the table and a chart; and
 * a full dashboard at 1440×900 for docs/images/metrics.png.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, newProject, ROOT, SAMPLE, SHOTS, saved, shot, test } from './fixtures.js';
import { api } from './wall-helpers.js';

const metricsSection = (page: Page) =>
  page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: /^Metrics( \d+)?$/ });

const csv = (rows: string[]) => ({
  name: 'nps.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`respondent,market,score\n${rows.join('\n')}\n`),
});

async function importFile(page: Page, metric: string, file: ReturnType<typeof csv>, round: string) {
  await page.locator(`input[data-metric-file="${metric}"]`).setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import measure values' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Round/).fill(round);
  return dialog;
}

test('define a measure, import values with a mapping, read the trend, link an insight, export', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Metrics');
  const { insightId } = workspace.cliJson<{ insightId: number }>([
    'insight',
    'add',
    project,
    '--title',
    'Hidden coupon field costs trust',
    '--statement',
    'People who could not find the coupon field felt tricked.',
    '--json',
  ]);
  await workspace.serve(project);
  await metricsSection(page).click();
  const empty = page.locator('[data-empty="metrics"]');
  await expect(empty).toContainText('Track benchmark measures across rounds');
  await expect(empty).toContainText('Task success');

  await empty.getByRole('button', { name: 'Define a measure' }).click();
  const define = page.getByRole('dialog', { name: 'Define a measure' });
  await define.getByLabel('Name').fill('Checkout NPS');
  await define.getByLabel(/^NPS/).check();
  await define.getByLabel('Target').fill('20');
  await define.getByRole('button', { name: 'Define measure' }).click();
  const card = page.locator('[data-metric-id]');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('No values yet');

  // R1: two promoters, one passive, two detractors → (2 − 2) / 5 = 0.
  let dialog = await importFile(
    page,
    'Checkout NPS',
    csv(['P01,DE,9', 'P02,DE,10', 'P03,JP,7', 'P04,JP,3', 'P05,US,6']),
    'R1',
  );
  // The mapping starts from the file's guess: the score is the value, respondent and market their roles.
  await expect(dialog.getByRole('checkbox', { name: /score/ })).toBeChecked();
  await expect(dialog.getByLabel('Participant column')).toHaveValue('respondent');
  await expect(dialog.getByLabel('Segment / market column')).toHaveValue('market');
  await expect(dialog.locator('tbody tr')).toHaveCount(5);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.locator('[data-import-result]')).toHaveText('Imported 5 values.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A bad file is refused with its row and column, and nothing changes.
  dialog = await importFile(page, 'Checkout NPS', csv(['P06,DE,9', 'P07,DE,11']), 'R2');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.locator('[data-import-error]')).toContainText('row 3, column "score": "11"');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.locator('tbody tr[data-round]')).toHaveCount(1);

  // R2: four promoters, one detractor → (4 − 1) / 5 = +60.
  dialog = await importFile(
    page,
    'Checkout NPS',
    csv(['P01,DE,10', 'P02,DE,9', 'P03,JP,9', 'P06,JP,9', 'P05,US,2']),
    'R2',
  );
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.locator('[data-import-result]')).toHaveText('Imported 5 values.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(card.locator('tr[data-round="R1"] [data-n]')).toHaveText('5');
  await expect(card.locator('tr[data-round="R2"] [data-n]')).toHaveText('5');
  await expect(card.locator('.metric-value')).toHaveText('+60');
  await expect(card.locator('[data-change]')).toHaveText(/^\+60 vs R1, p = 0\.\d+$/);
  await expect(card.getByRole('img', { name: 'Checkout NPS by round' })).toBeVisible();
  await expect(card.getByRole('img', { name: 'Checkout NPS by segment' })).toBeVisible();
  await expect(card.getByRole('img', { name: 'Checkout NPS by round' }).locator('svg')).toBeVisible();

  // Link the insight; the card lists it, and the insight shows the measure it explains.
  await card.getByLabel('Link a finding to Checkout NPS').selectOption(`insight:${insightId}`);
  await card.getByLabel('How it explains the measure (optional)').fill('Detractors in R1 name the coupon field');
  await card.getByRole('button', { name: 'Link', exact: true }).click();
  const link = card.locator(`[data-link="insight:${insightId}"]`);
  await expect(link).toContainText('Hidden coupon field costs trust');
  await expect(link.locator('[data-role="link-note"]')).toHaveText('Detractors in R1 name the coupon field');
  // The note is edited in place: Escape drops the edit, Enter keeps it, and a reload shows it.
  await link.getByRole('button', { name: 'Edit the note on Hidden coupon field costs trust' }).click();
  await link.getByRole('textbox', { name: 'Note on Hidden coupon field costs trust' }).fill('dropped');
  await page.keyboard.press('Escape');
  await expect(link.locator('[data-role="link-note"]')).toHaveText('Detractors in R1 name the coupon field');
  await link.getByRole('button', { name: 'Edit the note on Hidden coupon field costs trust' }).click();
  await link
    .getByRole('textbox', { name: 'Note on Hidden coupon field costs trust' })
    .fill('R1 detractors name the coupon field');
  await page.keyboard.press('Enter');
  await expect(link.locator('[data-role="link-note"]')).toHaveText('R1 detractors name the coupon field');
  await saved(page);
  await page.reload();
  await metricsSection(page).click();
  await expect(link.locator('[data-role="link-note"]')).toHaveText('R1 detractors name the coupon field');
  await link.getByRole('button', { name: 'Hidden coupon field costs trust', exact: true }).click();
  await expect(page.locator('[data-linked-measures="1"]')).toContainText('Checkout NPS');
  await metricsSection(page).click();

  // The table as CSV and the trend chart as SVG and PNG.
  const [table] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Export Checkout NPS as CSV' }).click(),
  ]);
  expect(table.suggestedFilename()).toMatch(/\.csv$/);
  const rows = readFileSync(await table.path(), 'utf8')
    .trim()
    .split(/\r\n/);
  expect(rows[0]).toBe('measure,kind,unit,study,round,breakdown,group,n,value,ci95_low,ci95_high,change,p');
  expect(rows.filter((r) => r.includes(',all,'))).toHaveLength(2);
  expect(rows.some((r) => r.startsWith('Checkout NPS,nps,,Study,R2,all,,5,60,'))).toBe(true);
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Export trend chart as SVG' }).click(),
  ]);
  expect(readFileSync(await svg.path(), 'utf8')).toMatch(/^<svg[\s\S]*R2[\s\S]*<\/svg>$/);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Export trend chart as PNG' }).click(),
  ]);
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');
});

const PEOPLE = [
  ['P01-Katrin-DE', 'R1'],
  ['P02-Tom-UK', 'R1'],
  ['P03-Yuki-JP', 'R1'],
  ['P04-Dana-US', 'R2'],
  ['P05-Rafael-BR', 'R2'],
  ['P06-Priya-UK', 'R3'],
  ['P07-Marcus-US', 'R3'],
] as const;
const THEMES: [string, RegExp][] = [
  ['Checkout friction', /account|password|checkout|form/i],
  ['Delivery', /deliver|shipping|parcel|arriv/i],
  ['Price and trust', /price|expensive|cost|trust|review/i],
  ['Mobile first', /phone|iPad|app\b|mobile/i],
];

/** A small deterministic generator, so the dashboard in the docs is the same every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

test('a dashboard of three rounds at 1440×900', async ({ page, workspace }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const path = newProject(workspace, 'Checkout study');
  for (const [p, round] of PEOPLE) {
    workspace.cli([
      'import',
      path,
      SAMPLE(`${p}.txt`),
      '--participant',
      p.split('-')[1] as string,
      '--study',
      'Checkout',
      '--round',
      round,
    ]);
  }
  const items: { documentId: number; start: number; end: number; codes: string[] }[] = [];
  for (const doc of workspace.cliJson<{ id: number }[]>(['docs', path])) {
    const { text } = workspace.cliJson<{ text: string }>(['show', path, String(doc.id)]);
    let at = 0;
    for (const line of text.split('\n')) {
      const colon = line.indexOf(': ');
      if (colon > 0 && !line.startsWith('Interviewer')) {
        for (const s of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(line.slice(colon + 2))) {
          const theme = THEMES.find(([, re]) => re.test(s.segment));
          const start = at + colon + 2 + s.index;
          const sentence = s.segment.trim();
          if (theme && sentence.length >= 25)
            items.push({ documentId: doc.id, start, end: start + sentence.length, codes: [theme[0]] });
        }
      }
      at += line.length + 1;
    }
  }
  const insight = workspace.cliJson<{ insightId: number }>([
    'insight',
    'add',
    path,
    '--title',
    'Shoppers trust a visible coupon field',
    '--statement',
    'Once the coupon field moved above the total, nobody felt tricked at the last step.',
    '--json',
  ]);
  await workspace.serve(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await api(page, 'excerpts.tagBatch', { items });
  // Three rounds of NPS by market (promoters up, detractors down), and task success per task.
  const next = random(7);
  const markets = ['DE', 'UK', 'JP', 'US'];
  const upload = (name: string, rows: string[]) => ({
    name,
    dataBase64: Buffer.from(rows.join('\n')).toString('base64'),
  });
  await api(page, 'metrics.add', { name: 'Checkout NPS', kind: 'nps', target: 30 });
  await api(page, 'metrics.add', { name: 'Task success', kind: 'proportion', target: 0.8 });
  for (const [r, round] of ['R1', 'R2', 'R3'].entries()) {
    const nps = ['respondent,market,nps'];
    const tasks = ['respondent,task,done'];
    for (let i = 0; i < 60; i++) {
      const market = markets[i % 4] as string;
      const promoter = 0.3 + 0.1 * r + (market === 'DE' ? 0.1 : 0);
      const detractor = 0.32 - 0.08 * r + (market === 'JP' ? 0.1 : 0);
      const u = next();
      const score =
        u < promoter
          ? 9 + Math.round(next())
          : u < promoter + detractor
            ? Math.floor(next() * 7)
            : 7 + Math.round(next());
      nps.push(`${round}-${i},${market},${score}`);
      for (const [task, base] of [
        ['Find the coupon field', 0.4 + 0.2 * r],
        ['Pay with a saved card', 0.82],
      ] as const)
        tasks.push(`${round}-${i},${task},${next() < base ? 1 : 0}`);
    }
    const common = { round, study: 'Checkout' };
    await api(page, 'metrics.import', {
      ...common,
      metric: 'Checkout NPS',
      file: upload('nps.csv', nps),
      columns: ['nps'],
      segmentColumn: 'market',
    });
    await api(page, 'metrics.import', {
      ...common,
      metric: 'Task success',
      file: upload('tasks.csv', tasks),
      columns: ['done'],
      taskColumn: 'task',
    });
  }
  await api(page, 'metrics.link', {
    metricId: 1,
    insightId: insight.insightId,
    note: 'Detractors in R1 and R2 name the account wall at checkout',
  });
  const { hypothesisId } = await api<{ hypothesisId: number }>(page, 'hypotheses.add', {
    statement: 'A coupon field above the total lifts task success',
  });
  await api(page, 'metrics.link', { metricId: 2, hypothesisId });
  await page.reload();
  await metricsSection(page).click();
  await expect(page.locator('[data-metric-id]')).toHaveCount(2);
  await expect(page.locator('[data-code-trend]').first()).toBeVisible();
  await expect(page.locator('[data-metric-id]').first().locator('tr[data-round="R3"]')).toBeVisible();
  await shot(page, 'metrics');
  copyFileSync(join(SHOTS, 'metrics.png'), join(ROOT, 'docs', 'images', 'metrics.png'));

  // The codes that moved between two other rounds; the pick survives a write elsewhere.
  const moved = page.getByRole('region', { name: 'Codes that moved' });
  await expect(moved.getByRole('heading')).toHaveText('Codes that moved, R2 → R3');
  await moved.getByLabel('From').selectOption('R1');
  await expect(moved.getByRole('heading')).toHaveText('Codes that moved, R1 → R3');
  await moved.getByLabel('to').selectOption('R1');
  await expect(moved.getByRole('heading')).toHaveText('Codes that moved, R3 → R1');
  await api(page, 'metrics.add', { name: 'SUS', kind: 'sus' });
  await expect(page.locator('[data-metric-id]')).toHaveCount(3);
  await expect(moved.getByRole('heading')).toHaveText('Codes that moved, R3 → R1');
});
