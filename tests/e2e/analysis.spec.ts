/**
 * The Analysis section against `quarry serve`: a survey study in two rounds and six languages
 * (Japanese, Chinese, Thai, English, German), coded through the CLI; the matrix shows a known
 * count and drills down to those excerpts, one of which opens in its document; the network
 * draws; frequency across rounds has both rounds; a CJK word from the word list is found in
 * context; a CSV export downloads with its header. The docs' screenshots come from here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, newProject, shot, test, type Workspace } from './fixtures.js';

const ROUNDS: [string, string[][]][] = [
  [
    'Round 1',
    [
      ['R01', 'JP', 'returning', '送料が高いので、送料無料がいいです。コンビニ払いが便利です。'],
      ['R02', 'CN', 'new', '运费太贵了，配送也很慢。我更喜欢用支付宝付款。'],
      ['R03', 'UK', 'new', 'The delivery fee was a surprise at the last step. I almost left the checkout.'],
      ['R04', 'TH', 'returning', 'ค่าจัดส่งแพงมาก ผมไม่ชอบค่าจัดส่ง แต่ส่งของไว'],
      ['R05', 'DE', 'returning', 'Die Lieferung war langsam, und die Rücksendung war kompliziert.'],
      ['R06', 'US', 'new', 'Free shipping over fifty dollars was great, but the coupon code failed at payment.'],
    ],
  ],
  [
    'Round 2',
    [
      ['R07', 'JP', 'new', '送料無料になって嬉しいです。配達も早かったです。'],
      ['R08', 'CN', 'returning', '退货很麻烦，但是优惠券很好用。'],
      ['R09', 'UK', 'returning', 'Delivery was quick and the coupon worked first time. Returns were easy too.'],
      ['R10', 'US', 'new', 'I did not trust the payment page, and the delivery fee appeared late again.'],
      ['R11', 'TH', 'new', 'การคืนสินค้าง่าย และจัดส่งเร็วมาก'],
      ['R12', 'DE', 'new', 'Der Versand war kostenlos und sehr schnell.'],
    ],
  ],
];

const CODING: [string, string[]][] = [
  ['送料が高い', ['Shipping cost']],
  ['コンビニ払いが便利', ['Payment options']],
  ['运费太贵了', ['Shipping cost']],
  ['配送也很慢', ['Delivery speed']],
  ['支付宝付款', ['Payment options']],
  ['The delivery fee was a surprise', ['Shipping cost', 'Trust']],
  ['I almost left the checkout', ['Trust']],
  ['ค่าจัดส่งแพงมาก', ['Shipping cost']],
  ['แต่ส่งของไว', ['Delivery speed']],
  ['Die Lieferung war langsam', ['Delivery speed']],
  ['die Rücksendung war kompliziert', ['Returns']],
  ['Free shipping over fifty dollars', ['Shipping cost', 'Coupons']],
  ['the coupon code failed at payment', ['Coupons', 'Payment options']],
  ['送料無料になって', ['Shipping cost']],
  ['配達も早かった', ['Delivery speed']],
  ['退货很麻烦', ['Returns', 'Trust']],
  ['优惠券很好用', ['Coupons']],
  ['Delivery was quick', ['Delivery speed']],
  ['the coupon worked first time', ['Coupons']],
  ['Returns were easy', ['Returns', 'Trust']],
  ['I did not trust the payment page', ['Trust', 'Payment options']],
  ['the delivery fee appeared late', ['Shipping cost', 'Trust']],
  ['การคืนสินค้าง่าย', ['Returns']],
  ['จัดส่งเร็วมาก', ['Delivery speed']],
  ['Der Versand war kostenlos', ['Shipping cost']],
  // Overlaps the excerpt before it: Shipping cost and Delivery speed co-occur.
  ['Der Versand war kostenlos und sehr schnell', ['Delivery speed']],
];

/** The study: two rounds of survey answers with market and segment, coded by phrase. */
function buildStudy(ws: Workspace): string {
  const path = newProject(ws, 'Checkout survey');
  for (const [round, rows] of ROUNDS) {
    const csv = join(ws.dir, `${round.replace(' ', '-')}.csv`);
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    writeFileSync(csv, ['id,market,segment,answer', ...rows.map((r) => r.map(quote).join(','))].join('\n'));
    ws.cli(
      ['import', path, csv, '--study', 'Checkout', '--round', round, '--csv-id', 'id'].concat([
        '--csv-attributes',
        'market,segment',
        '--csv-text',
        'answer',
      ]),
    );
  }
  // Survey answers are stored as "<column>\n<answer>"; one document is read back to be sure.
  const docs = ws.cliJson<{ id: number; title: string }[]>(['docs', path]);
  const first = docs[0];
  const answers = new Map(ROUNDS.flatMap(([, rows]) => rows.map((r) => [r[0] ?? '', `answer\n${r[3]}`] as const)));
  const textOf = (title: string) => answers.get(title.split(' — ')[1] ?? '') ?? '';
  expect(ws.cliJson<{ text: string }>(['show', path, String(first?.id)]).text).toBe(textOf(first?.title ?? ''));
  const lines: string[] = [];
  for (const doc of docs) {
    const text = textOf(doc.title);
    for (const [phrase, codes] of CODING) {
      const at = text.indexOf(phrase);
      if (at >= 0) lines.push(JSON.stringify({ doc: doc.id, start: at, end: at + phrase.length, codes }));
    }
  }
  expect(lines).toHaveLength(CODING.length);
  const batch = join(ws.dir, 'coding.jsonl');
  writeFileSync(batch, `${lines.join('\n')}\n`);
  // The batch creates the codes it names, in the order they first appear.
  ws.cli(['tag', path, '--batch', batch]);
  return path;
}

async function openAnalysis(page: Page, view: 'Matrix' | 'Co-occurrence' | 'Across rounds' | 'Words') {
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: /^Analysis$/ })
    .click();
  await page.getByRole('tab', { name: view }).click();
}

test('analysis: matrix, drill-down, network, rounds, words in context, CSV', async ({ page, workspace }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const path = buildStudy(workspace);
  const words = workspace.cliJson<{ word: string; count: number }[]>(['words', path]);
  const url = await workspace.serve(path);

  // Matrix: Shipping cost × JP is two excerpts (R01 in round 1, R07 in round 2).
  await openAnalysis(page, 'Matrix');
  const matrix = page.locator('[data-analysis-view="matrix"]');
  await page.getByRole('combobox', { name: 'Columns by attribute' }).selectOption('market');
  const cell = matrix.locator('[data-cell="Shipping cost|JP"]');
  await expect(cell).toHaveText('2');
  await expect(matrix.locator('[data-cell="Shipping cost|US"]')).toHaveText('2');
  await expect(matrix.locator('[data-cell="Shipping cost|UK"]')).toHaveText('1');
  await expect(matrix.locator('[data-cell="Returns|JP"]')).toHaveText('0');

  // Share of participants: two of the two JP respondents.
  await page.getByRole('radio', { name: '% of participants' }).check();
  await expect(cell).toHaveText('100%');
  await page.getByRole('radio', { name: 'Excerpts' }).check();

  // Keyboard: focus the cell, Enter drills down.
  await cell.focus();
  await page.keyboard.press('Enter');
  const drill = page.locator('[data-drill]');
  await expect(drill.getByRole('heading')).toHaveText('Shipping cost × JP');
  await expect(drill.locator('[data-drill-excerpt]')).toHaveCount(2);
  await expect(drill).toContainText('送料が高い');
  await expect(drill).toContainText('送料無料になって');
  // Arrow keys move between cells.
  await cell.focus();
  await page.keyboard.press('ArrowDown');
  const below = page.locator(':focus');
  await expect(below).toHaveAttribute('data-row', '1');
  await expect(below).toHaveAttribute('data-col', (await cell.getAttribute('data-col')) ?? '');

  // The round filter narrows the matrix (and the drill list with it).
  await page.getByRole('combobox', { name: 'Round' }).selectOption('Round 2');
  await expect(cell).toHaveText('1');
  await expect(drill.locator('[data-drill-excerpt]')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Round' }).selectOption('');
  await expect(cell).toHaveText('2');
  await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'images', 'analysis-matrix.png') });

  // CSV export of the matrix: a tidy table with its header.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  expect(csv.split('\r\n')[0]).toBe('code,market,excerpts,participants,participants_total,share');
  expect(csv).toContain('Shipping cost,JP,2,2,2,1');
  // The chart exports as SVG too (drawn off screen by ECharts' SVG renderer).
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').click()]);
  expect(svg.suggestedFilename()).toBe('analysis-matrix-market.svg');
  expect(readFileSync(await svg.path(), 'utf8')).toContain('<svg');

  // The counts follow a write made in another tab while the matrix is shown: Shipping cost
  // deleted there leaves the matrix; undone here, it comes back with its counts.
  const other = await page.context().newPage();
  await other.goto(url);
  await other
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: /^Codes/ })
    .click();
  await other.getByRole('button', { name: 'Delete code Shipping cost' }).click();
  await other
    .getByRole('dialog', { name: 'Delete code Shipping cost' })
    .getByRole('button', { name: 'Delete code' })
    .click();
  await expect(cell).toHaveCount(0);
  await other.close();
  await page.locator('.status-history button').first().click();
  await expect(cell).toHaveText('2');

  // A drilled excerpt opens in its document at the excerpt.
  await drill.locator('[data-drill-excerpt]').first().click();
  await expect(page.locator('.reader-text')).toContainText('送料が高い');

  // Co-occurrence: a network of the codes that share excerpts.
  await openAnalysis(page, 'Co-occurrence');
  const network = page.locator('[data-chart="network"]');
  await expect(network).toHaveAttribute('aria-label', /Network of 6 codes and 6 co-occurring pairs/);
  await expect(network.locator('canvas')).toHaveCount(1);
  const pairs = page.getByRole('list', { name: 'Co-occurring pairs' }).getByRole('button');
  await expect(pairs.filter({ hasText: 'Shipping cost and Trust: 2' })).toHaveCount(1);
  // The export toasts would cover the chart in the docs' screenshot.
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0)
    await dismiss
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'images', 'analysis-network.png') });
  await page.getByRole('radio', { name: 'Matrix' }).check();
  await page.locator('[data-analysis-view="cooccurrence"] [data-cell="Shipping cost|Trust"]').click();
  await expect(page.locator('[data-drill] [data-drill-excerpt]')).toHaveCount(2);
  await shot(page, 'analysis-cooccurrence-matrix');

  // Frequency across rounds: both rounds, a drill-down per round.
  await openAnalysis(page, 'Across rounds');
  const frequency = page.locator('[data-analysis-view="frequency"]');
  await expect(frequency.locator('th[data-round]')).toHaveText([/Round 1/, /Round 2/]);
  await expect(frequency.locator('[data-cell="Returns|Round 2"]')).toHaveText('3');
  await expect(frequency.locator('[data-chart="frequency"] canvas')).toHaveCount(1);
  await frequency.locator('[data-cell="Returns|Round 2"]').click();
  await expect(page.locator('[data-drill] [data-drill-excerpt]')).toHaveCount(3);
  await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'images', 'analysis-frequency.png') });

  // Words: a Chinese or Japanese word from the list, found in context with the keyword marked.
  const cjk =
    words.find((w) => /\p{Script=Han}/u.test(w.word) && w.count >= 2) ??
    words.find((w) => /\p{Script=Han}/u.test(w.word));
  expect(cjk, 'a CJK word among the counted words').toBeDefined();
  await openAnalysis(page, 'Words');
  const row = page.locator(`[data-word="${cjk?.word}"]`);
  await expect(row).toBeVisible();
  await row.click();
  const lines = page.locator('[data-kwic]');
  await expect(lines).toHaveCount(cjk?.count ?? 0);
  await expect(lines.first().locator('mark')).toHaveText(cjk?.word ?? '');
  await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'images', 'analysis-words.png') });
  await lines.first().click();
  await expect(page.locator('.reader-text')).toContainText(cjk?.word ?? '');
});

test('analysis teaches what to do when there is nothing to count yet', async ({ page, workspace }) => {
  const path = newProject(workspace, 'Empty study');
  await workspace.serve(path);
  await openAnalysis(page, 'Matrix');
  await expect(page.locator('[data-analysis-empty="codes"]')).toContainText('press C');
  await page.getByRole('button', { name: 'Count words instead' }).click();
  await expect(page.locator('[data-analysis-empty="words"]')).toBeVisible();
  // Tabs move with the arrow keys.
  await page.getByRole('tab', { name: 'Words' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Across rounds' })).toHaveAttribute('aria-selected', 'true');
});
