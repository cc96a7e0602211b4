/**
 * A real wall for the docs: the seven bundled interviews, their sentences coded by theme,
 * laid out from codes at 1440×900 (docs/images/wall.png is the `wall-readable` shot: quotes readable).
 */
import { expect, newProject, SAMPLE, saved, section, shot, test } from './fixtures.js';
import { api } from './wall-helpers.js';

const PEOPLE = [
  'P01-Katrin-DE',
  'P02-Tom-UK',
  'P03-Yuki-JP',
  'P04-Dana-US',
  'P05-Rafael-BR',
  'P06-Priya-UK',
  'P07-Marcus-US',
];
const THEMES: [string, RegExp][] = [
  ['Checkout friction', /account|password|checkout|form/i],
  ['Delivery', /deliver|shipping|parcel|arriv/i],
  ['Price and trust', /price|expensive|cost|trust|review/i],
  ['Mobile first', /phone|iPad|app\b|mobile/i],
];

test('a wall laid out from codes, at 1440×900', async ({ page, workspace }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const path = newProject(workspace, 'Mobile shop study');
  for (const p of PEOPLE)
    workspace.cli(['import', path, SAMPLE(`${p}.txt`), '--participant', p.split('-')[1] as string]);
  const items: { documentId: number; start: number; end: number; codes: string[] }[] = [];
  for (const doc of workspace.cliJson<{ id: number }[]>(['docs', path])) {
    const { text } = workspace.cliJson<{ text: string }>(['show', path, String(doc.id)]);
    let at = 0;
    for (const line of text.split('\n')) {
      const colon = line.indexOf(': ');
      if (colon > 0 && !line.startsWith('Interviewer')) {
        const body = line.slice(colon + 2);
        const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
        for (const s of segmenter.segment(body)) {
          const sentence = s.segment.trim();
          const theme = THEMES.find(([, re]) => re.test(sentence));
          if (!theme || sentence.length < 25) continue;
          const start = at + colon + 2 + s.index;
          items.push({ documentId: doc.id, start, end: start + sentence.length, codes: [theme[0]] });
        }
      }
      at += line.length + 1;
    }
  }
  await workspace.serve(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await api(page, 'excerpts.tagBatch', { items });
  await api(page, 'attributes.add', { name: 'market', type: 'text' }).catch(() => undefined);
  for (const p of await api<{ id: number; label: string }[]>(page, 'participants.list', {})) {
    const market = PEOPLE.find((x) => x.includes(p.label))?.split('-')[2];
    if (market)
      await api(page, 'participants.setAttributes', { id: p.id, attributes: { market } }).catch(() => undefined);
  }
  await page.reload();

  await section(page, 'Board').click();
  await page.getByRole('button', { name: 'Lay out from codes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lay out from codes' });
  await dialog.getByLabel('Board name').fill('Mobile shop themes');
  for (const [code] of THEMES) await dialog.getByRole('checkbox', { name: code }).check();
  await dialog.getByRole('button', { name: /^Lay out/ }).click();
  await expect(dialog).toBeHidden();
  await saved(page);
  // The fitted view's cards mount within a few frames (a few dozen a frame).
  await expect.poll(async () => page.locator('[data-card-id]').count()).toBeGreaterThan(8);
  await page.getByRole('button', { name: 'Hide the side panels' }).click();
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const canvas = page.locator('.wall-canvas');
  await page.waitForTimeout(400);
  await shot(page, 'wall');
  // Between 30 % and 55 % each card shows its summary in larger type.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(canvas).toHaveAttribute('data-level', 'summary');
  await expect(page.locator('.wall-card:not(.wall-hook) .card-summary').first()).toBeVisible();
  await expect(page.locator('.wall-card:not(.wall-hook) .card-text').first()).toBeHidden();
  await page.waitForTimeout(600);
  await shot(page, 'wall-summary');
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(400);
  // Closer: one group's cards at a readable size, two of them picked.
  const first = page.locator('[data-card-id]').first();
  await first.click();
  await page
    .locator('[data-card-id]')
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Selected cards' })).toContainText('2 selected');
  await page.getByRole('button', { name: 'Fit selection' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.waitForTimeout(400);
  await shot(page, 'wall-close');
  // For docs/images/wall.png: the groups' top rows at a zoom where the quotes are readable
  // (below 55% a card shows a summary, below 30% its shape).
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  const firstGroup = await page.locator('[data-group-id]').first().boundingBox();
  if (!firstGroup) throw new Error('no group');
  await page.mouse.move(firstGroup.x + 4, firstGroup.y + 4);
  await page.keyboard.down('Control');
  for (let i = 0; i < 20 && Number(await canvas.getAttribute('data-zoom')) < 0.6; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(40);
  }
  await page.keyboard.up('Control');
  // The first group's top left corner to the canvas's (the wheel alone pans).
  const at = await page.locator('[data-group-id]').first().boundingBox();
  if (!at) throw new Error('no group');
  await page.mouse.wheel(at.x - box.x - 24, at.y - box.y - 24);
  await expect(page.locator('.wall-card .card-text').first()).toBeVisible();
  await page.waitForTimeout(400);
  await shot(page, 'wall-readable');
});
