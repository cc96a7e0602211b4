/** Coding from the reader: select, C, the picker (Enter = what was typed), quick codes on 1–9, exact offsets. */
import {
  type CliExcerpt,
  clickText,
  expect,
  highlightColour,
  highlightTexts,
  newProject,
  QUALCODER_TRANSCRIPT,
  SAMPLE,
  saved,
  section,
  selectInReader,
  shot,
  test,
} from './fixtures.js';

test('codes a selection with the keyboard: C, a new code name, Enter', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Coding', [QUALCODER_TRANSCRIPT]);
  await workspace.serve(project);
  const quote = 'I felt that they were too busy and I switched off.';
  await selectInReader(page, quote);
  await expect(page.getByRole('toolbar', { name: 'Code the selection' })).toBeVisible();
  await shot(page, 'selection-bar');

  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await expect(picker).toBeVisible();
  await page.keyboard.type('Slide overload');
  await expect(picker.getByRole('option', { name: /Create code “Slide overload”/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await shot(page, 'picker-create');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();

  // The highlight is there at once, in the code's colour, over exactly the quote.
  await expect.poll(() => highlightTexts(page)).toEqual([quote]);
  const colour = await highlightColour(page, quote);
  expect(colour).toBeTruthy();
  expect(colour).not.toBe('rgba(0, 0, 0, 0)');
  await expect(page.getByRole('button', { name: 'Excerpt coded Slide overload: show details' })).toBeVisible();
  await saved(page);
  await shot(page, 'coded-highlight');

  // The codebook counts it.
  await section(page, 'Codes').click();
  await expect(page.getByRole('button', { name: 'Slide overload, 1 excerpt' })).toBeVisible();

  const excerpts = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(excerpts).toHaveLength(1);
  expect(excerpts[0]?.text).toBe(quote);
  expect(excerpts[0]?.codes).toEqual(['Slide overload']);
});

test('the picker filters fuzzily, moves with arrows, and 1–9 apply quick codes', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Picker', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  workspace.cli(['code', 'add', project, 'Assignments', '--parent', 'Workload']);
  workspace.cli(['code', 'add', project, 'Career']);
  await workspace.serve(project);

  await selectInReader(page, 'too many for the short semester period');
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await page.keyboard.type('asign');
  // What was typed comes first (a new code); the child follows as a suggestion with its path:
  // a typo still finds it, and an arrow key picks it.
  await expect(picker.getByRole('option').first()).toHaveText('Create code “asign”');
  await expect(picker.getByRole('option').nth(1)).toContainText('Workload › Assignments');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(picker.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect.poll(() => highlightTexts(page)).toEqual(['too many for the short semester period']);

  // Shortcuts never fire while typing: C in the filter does not open the picker.
  await selectInReader(page, 'good for my career');
  await page.getByLabel('Filter documents').fill('c');
  await expect(picker).toBeHidden();
  await page.getByLabel('Filter documents').fill('');
  await page.getByLabel('Filter documents').blur();

  // Key 1 applies the first code used (Assignments), now shown on key 1.
  await selectInReader(page, 'wrtitten assignments');
  await page.keyboard.press('1');
  await expect.poll(async () => (await highlightTexts(page)).length).toBe(2);
  await saved(page);
  const excerpts = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Assignments']);
  expect(excerpts.map((x) => x.text).sort()).toEqual([
    'too many for the short semester period',
    'wrtitten assignments',
  ]);

  // Esc closes the picker without coding.
  await selectInReader(page, 'good for my career');
  await page.keyboard.press('c');
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  // …and gives the selection back, so the researcher can carry on.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('good for my career');
  await expect(page.getByRole('toolbar', { name: 'Code the selection' })).toBeVisible();
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project])).toHaveLength(2);
});

test('offsets are exact UTF-16 indices with emoji and CJK text', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Offsets', [SAMPLE('P02-Tom-UK.txt'), SAMPLE('P03-Yuki-JP.txt')]);
  workspace.cli(['code', 'add', project, 'Social ads']);
  workspace.cli(['code', 'add', project, 'Mobile first']);
  await workspace.serve(project);
  const docs = workspace.cliJson<{ id: number; title: string }[]>(['docs', project]);

  expect(docs.map((d) => d.title).sort()).toEqual(['P02-Tom-UK', 'P03-Yuki-JP']);
  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: /P02-Tom-UK/ })
    .click();
  const emoji = 'a load of 🔥 emojis on it';
  await selectInReader(page, emoji);
  await page.keyboard.press('c');
  await page.keyboard.type('Social ads');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual([emoji]);

  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('button', { name: /P03-Yuki-JP/ })
    .click();
  const cjk = 'ほとんどスマホです。';
  await selectInReader(page, cjk);
  await page.keyboard.press('c');
  await page.keyboard.type('mobile FIRST');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual([cjk]);
  await saved(page);

  for (const [title, needle] of [
    ['P02-Tom-UK', emoji],
    ['P03-Yuki-JP', cjk],
  ] as const) {
    const doc = docs.find((d) => d.title === title);
    const text = workspace.cliJson<{ text: string }>(['show', project, String(doc?.id)]).text;
    const [x] = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--doc', String(doc?.id)]);
    expect(x?.start).toBe(text.indexOf(needle));
    expect(x?.end).toBe(text.indexOf(needle) + needle.length);
    expect(text.slice(x?.start, x?.end)).toBe(needle);
  }
});

test('a mouse double-click selects a word and the floating bar codes it', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Mouse', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Museum']);
  await workspace.serve(project);
  await expect(page.locator('.reader-text')).toContainText('museum');
  const box = await page.evaluate(() => {
    const root = document.querySelector('.reader-text') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('museum');
      if (at >= 0) {
        const r = document.createRange();
        r.setStart(n, at + 1);
        r.setEnd(n, at + 2);
        const rect = r.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    throw new Error('no museum');
  });
  await page.mouse.dblclick(box.x, box.y);
  const bar = page.getByRole('toolbar', { name: 'Code the selection' });
  await bar.getByRole('button', { name: 'Code… (C)' }).click();
  await page
    .getByRole('dialog', { name: 'Apply a code' })
    .getByRole('option', { name: /Museum/ })
    .click();
  await expect.poll(() => highlightTexts(page)).toEqual(['museum']);

  // Clicking the highlight shows the excerpt; removing its only code removes the colour but
  // keeps the selected text as an uncoded excerpt, and the toast offers the undo.
  await clickText(page, 'museum');
  const panel = page.getByRole('complementary', { name: 'Selection details' });
  await expect(panel.getByRole('heading', { name: 'Excerpt' })).toBeVisible();
  await panel.getByRole('button', { name: 'Remove code Museum' }).click();
  await expect.poll(async () => (await highlightTexts(page)).length).toBe(0);
  await expect.poll(() => highlightTexts(page, 'q-uncoded')).toEqual(['museum']);
  await expect(page.getByRole('button', { name: 'Uncoded excerpt: show details' })).toBeVisible();
  await expect(panel.getByTestId('uncoded-note')).toBeVisible();
  const toast = page.getByRole('status').filter({ hasText: 'Removed “Museum” from the excerpt' });
  await expect(toast).toContainText('The excerpt stays, uncoded.');
  await saved(page);
  const kept = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(kept.map((x) => [x.text, x.codes])).toEqual([['museum', []]]);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => highlightTexts(page)).toEqual(['museum']);
  await saved(page);
  const back = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(back.map((x) => [x.id, x.codes])).toEqual([[kept[0]?.id, ['Museum']]]);
});

test('several codes in one go: Shift+Enter gathers, Enter applies them all', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Multi', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  await workspace.serve(project);
  await selectInReader(page, 'too many for the short semester period');
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await page.keyboard.type('workl');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Enter');
  await expect(picker.getByRole('group', { name: 'Codes to apply' })).toContainText('Workload');
  await page.keyboard.type('Semester length');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect.poll(() => highlightTexts(page)).toEqual(['too many for the short semester period']);
  await saved(page);
  const [x] = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(x?.codes.sort()).toEqual(['Semester length', 'Workload']);
});

test('Enter codes exactly what was typed, never the fuzzy match; suggestions need an arrow key', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Typed', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Live stream friction']);
  workspace.cli(['code', 'add', project, 'Workload']);
  await workspace.serve(project);
  const picker = page.getByRole('dialog', { name: 'Apply a code' });

  // A new name beside a similar code: Enter creates the typed name.
  await selectInReader(page, 'too busy');
  await page.keyboard.press('c');
  await page.keyboard.type('Coupon friction');
  await expect(picker.getByRole('option', { name: /Live stream friction/ })).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await saved(page);
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project]).map((x) => [x.text, x.codes])).toEqual([
    ['too busy', ['Coupon friction']],
  ]);

  // The same name in another case is that code, not a second one.
  await selectInReader(page, 'switched off');
  await page.keyboard.press('c');
  await page.keyboard.type('coupon FRICTION');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await saved(page);
  const codes = workspace.cliJson<{ name: string; excerpts: number }[]>(['codes', project]);
  expect(codes.map((c) => [c.name, c.excerpts]).sort()).toEqual([
    ['Coupon friction', 2],
    ['Live stream friction', 0],
    ['Workload', 0],
  ]);

  // A suggestion is applied only when an arrow key picked it.
  await selectInReader(page, 'too many for the short semester period');
  await page.keyboard.press('c');
  await page.keyboard.type('workld');
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('option', { name: /Workload/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await saved(page);
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Workload']).map((x) => x.text)).toEqual([
    'too many for the short semester period',
  ]);
  expect(workspace.cliJson<{ name: string }[]>(['codes', project]).map((c) => c.name)).not.toContain('workld');
});

test('number keys keep their codes: a new code takes the next key, using one never reorders', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Quick keys', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  workspace.cli(['code', 'add', project, 'Career']);
  await workspace.serve(project);
  const bar = page.getByRole('toolbar', { name: 'Code the selection' });

  for (const [quote, name] of [
    ['too busy', 'Workload'],
    ['good for my career', 'Career'],
  ] as const) {
    await selectInReader(page, quote);
    await page.keyboard.press('c');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await saved(page);
  }
  // Key 2 is Career, and stays Career after Workload (key 1) is used again.
  await selectInReader(page, 'switched off');
  await page.keyboard.press('1');
  await saved(page);
  await selectInReader(page, 'wrtitten assignments');
  await expect(bar.locator('[data-quick-key]')).toHaveText(['1Workload', '2Career']);
  await shot(page, 'selection-bar-quick-keys');
  await page.keyboard.press('2');
  await saved(page);
  const career = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Career']).map((x) => x.text);
  expect(career.sort()).toEqual(['good for my career', 'wrtitten assignments']);

  // The picker shows the keys too.
  await selectInReader(page, 'the museum');
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await expect(picker.getByRole('option', { name: /Career/ }).locator('.picker-key')).toHaveText('2');
  await page.keyboard.press('Escape');

  // The researcher changes the list in the codebook: Career onto key 1 (Workload leaves it).
  await section(page, 'Codes').click();
  await page.getByRole('button', { name: /^Career, \d+ excerpts?$/ }).click();
  await page.getByLabel('Quick key for Career').selectOption('1');
  await section(page, 'Documents').click();
  await selectInReader(page, 'the museum');
  await expect(bar.locator('[data-quick-key]')).toHaveText(['1Career']);
  // …and it is remembered for the project after a reload.
  await page.reload();
  await selectInReader(page, 'the museum');
  await expect(bar.locator('[data-quick-key]')).toHaveText(['1Career']);
});
