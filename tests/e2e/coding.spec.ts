/** Coding from the reader: select, C, fuzzy picker, recent codes on 1–9, exact offsets. */
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

test('the picker filters fuzzily, moves with arrows, and 1–9 apply recent codes', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Picker', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  workspace.cli(['code', 'add', project, 'Assignments', '--parent', 'Workload']);
  workspace.cli(['code', 'add', project, 'Career']);
  await workspace.serve(project);

  await selectInReader(page, 'too many for the short semester period');
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await page.keyboard.type('asign');
  // The child shows its path; a typo still finds it.
  await expect(picker.getByRole('option').first()).toContainText('Workload › Assignments');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect.poll(() => highlightTexts(page)).toEqual(['too many for the short semester period']);

  // Shortcuts never fire while typing: C in the filter does not open the picker.
  await selectInReader(page, 'good for my career');
  await page.getByLabel('Filter documents').fill('c');
  await expect(picker).toBeHidden();
  await page.getByLabel('Filter documents').fill('');
  await page.getByLabel('Filter documents').blur();

  // Key 1 applies the most recent code (Assignments) to a new selection.
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
  await page.keyboard.type('Mobile');
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

  // Clicking the highlight shows the excerpt; removing its only code removes the highlight.
  await clickText(page, 'museum');
  const panel = page.getByRole('complementary', { name: 'Selection details' });
  await expect(panel.getByRole('heading', { name: 'Excerpt' })).toBeVisible();
  await panel.getByRole('button', { name: 'Remove code Museum' }).click();
  await expect.poll(async () => (await highlightTexts(page)).length).toBe(0);
  await saved(page);
  expect(workspace.cliJson<CliExcerpt[]>(['excerpts', project])).toHaveLength(0);
});

test('several codes in one go: Shift+Enter gathers, Enter applies them all', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Multi', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  await workspace.serve(project);
  await selectInReader(page, 'too many for the short semester period');
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await page.keyboard.type('workl');
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
