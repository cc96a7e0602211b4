/** The reader's coding workspace: find, selection bar, boundaries, whole turns, memos, palette. */
import {
  type CliExcerpt,
  clickText,
  expect,
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

const docButton = (page: import('@playwright/test').Page, name: RegExp) =>
  page.getByRole('list', { name: 'Documents' }).getByRole('button', { name });

test('Ctrl+F finds in the document: case- and accent-insensitive, CJK, next/previous, Esc', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Find', [
    SAMPLE('P02-Tom-UK.txt'),
    SAMPLE('P03-Yuki-JP.txt'),
    SAMPLE('P05-Rafael-BR.txt'),
  ]);
  await workspace.serve(project);
  await docButton(page, /P02-Tom-UK/).click();
  await expect(page.getByRole('heading', { name: 'P02-Tom-UK', level: 1 })).toBeVisible();

  await page.locator('.reader-text').click();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in document' });
  const field = bar.getByRole('searchbox', { name: 'Find in document' });
  await expect(field).toBeFocused();
  await field.fill('INSTAGRAM');
  // The transcript says "Instagram" four times; the labels are not text, the matches are.
  await expect(bar.getByRole('status')).toHaveText('1 of 4');
  await expect.poll(() => highlightTexts(page, 'q-find')).toEqual(Array(4).fill('Instagram'));
  await expect.poll(() => highlightTexts(page, 'q-find-current')).toEqual(['Instagram']);
  const first = await page.evaluate(() => [...(CSS.highlights.get('q-find-current') ?? [])][0]?.toString());
  expect(first).toBe('Instagram');
  await field.press('Enter');
  await expect(bar.getByRole('status')).toHaveText('2 of 4');
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(bar.getByRole('status')).toHaveText('4 of 4');
  await shot(page, 'find-bar');
  await field.fill('no such words here');
  await expect(bar.getByRole('status')).toHaveText('No matches');

  // Accents fold: "sao paulo" finds "São Paulo"; the highlight covers the original text.
  await docButton(page, /P05-Rafael-BR/).click();
  await expect(page.getByRole('heading', { name: 'P05-Rafael-BR', level: 1 })).toBeVisible();
  await field.fill('sao paulo');
  await expect(bar.getByRole('status')).toHaveText('1 of 1');
  await expect.poll(() => highlightTexts(page, 'q-find-current')).toEqual(['São Paulo']);

  // CJK is a plain substring match.
  await docButton(page, /P03-Yuki-JP/).click();
  await expect(page.getByRole('heading', { name: 'P03-Yuki-JP', level: 1 })).toBeVisible();
  await field.fill('スマホ');
  await expect(bar.getByRole('status')).toHaveText('1 of 3');
  await expect.poll(() => highlightTexts(page, 'q-find')).toEqual(['スマホ', 'スマホ', 'スマホ']);

  await field.press('Escape');
  await expect(bar).toBeHidden();
  await expect.poll(() => highlightTexts(page, 'q-find')).toEqual([]);
});

test('the selection bar applies a quick code with a click', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Recent', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Workload']);
  await workspace.serve(project);
  await selectInReader(page, 'too many for the short semester period');
  await page.keyboard.press('c');
  await page.keyboard.type('Workload');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual(['too many for the short semester period']);

  await selectInReader(page, 'wrtitten assignments');
  const bar = page.getByRole('toolbar', { name: 'Code the selection' });
  await bar.getByRole('button', { name: 'Apply code Workload (key 1)' }).click();
  await expect
    .poll(() => highlightTexts(page))
    .toEqual(['too many for the short semester period', 'wrtitten assignments']);
  await saved(page);
  const texts = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Workload']).map((x) => x.text);
  expect(texts.sort()).toEqual(['too many for the short semester period', 'wrtitten assignments']);
});

test('a clicked excerpt is resized to the selection: extended, then shrunk; margin bars name overlapping codes', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Resize', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Slides']);
  workspace.cli(['code', 'add', project, 'Attention']);
  await workspace.serve(project);

  await selectInReader(page, 'too busy');
  await page.keyboard.press('c');
  await page.keyboard.type('Slides');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual(['too busy']);
  await saved(page);

  // Click the coded text: the panel shows the excerpt.
  await page.keyboard.press('Escape');
  await clickText(page, 'too busy');
  const panel = page.getByRole('complementary', { name: 'Selection details' });
  await expect(panel.getByRole('heading', { name: 'Excerpt' })).toBeVisible();
  await expect.poll(() => highlightTexts(page, 'q-focus')).toEqual(['too busy']);

  // Select the whole sentence: the panel offers to extend the excerpt to it.
  const sentence = 'I felt that they were too busy and I switched off.';
  await selectInReader(page, sentence);
  await panel.getByRole('button', { name: 'Extend it to include this selection' }).click();
  await expect.poll(() => highlightTexts(page)).toEqual([sentence]);
  await saved(page);
  let [x] = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(x?.text).toBe(sentence);

  // …and to shrink it again to exactly a smaller selection.
  await selectInReader(page, 'they were too busy');
  await panel.getByRole('button', { name: 'Set its boundaries to this selection' }).click();
  await expect.poll(() => highlightTexts(page)).toEqual(['they were too busy']);
  await saved(page);
  [x] = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(x?.text).toBe('they were too busy');
  expect(x?.codes).toEqual(['Slides']);

  // An overlapping excerpt with another code: both painted, both named in the margin.
  await selectInReader(page, 'too busy and I switched off');
  await page.keyboard.press('c');
  await page.keyboard.type('Attention');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual(['they were too busy', 'too busy and I switched off']);
  await expect(page.getByRole('button', { name: 'Excerpt coded Slides: show details' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Excerpt coded Attention: show details' })).toBeVisible();
  // Hovering a margin bar highlights its span.
  await page.getByRole('button', { name: 'Excerpt coded Slides: show details' }).hover();
  await expect.poll(() => highlightTexts(page, 'q-hover')).toEqual(['they were too busy']);
  await saved(page);
  await shot(page, 'reader-overlap');
});

test('codes every turn of a speaker from the label menu, and one turn from the panel', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Turns', [SAMPLE('P02-Tom-UK.txt')]);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { name: 'P02-Tom-UK', level: 1 })).toBeVisible();

  await page.locator('.turn-who[data-speaker="Tom"]').first().click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Code turns' });
  await menu.getByRole('menuitem', { name: 'Code all turns of Tom…' }).click();
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  await expect(picker).toContainText('All 17 turns of Tom');
  await page.keyboard.type('Tom says');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await saved(page);
  const doc = workspace.cliJson<{ id: number }[]>(['docs', project])[0];
  const shown = workspace.cliJson<{ text: string; turns: { speaker: string; start: number; end: number }[] }>([
    'show',
    project,
    String(doc?.id),
  ]);
  const tomTurns = shown.turns.filter((t) => t.speaker === 'Tom');
  const coded = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Tom says']);
  expect(coded).toHaveLength(tomTurns.length);
  expect(coded.map((x) => [x.start, x.end]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(
    tomTurns.map((t) => [t.start, t.end]),
  );

  // One interviewer turn, from a selection inside it.
  await selectInReader(page, 'Walk me through what happened after you tapped the ad.');
  const panel = page.getByRole('complementary', { name: 'Selection details' });
  await panel.getByRole('button', { name: 'Code this whole turn…' }).click();
  await page.keyboard.type('Probe');
  await page.keyboard.press('Enter');
  await saved(page);
  const probe = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Probe']);
  expect(probe.map((x) => x.text)).toEqual(['Walk me through what happened after you tapped the ad.']);
});

test('M writes a memo: on the document quoting the selection, or on the clicked excerpt', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'Memo', [QUALCODER_TRANSCRIPT]);
  workspace.cli(['code', 'add', project, 'Career']);
  await workspace.serve(project);

  await selectInReader(page, 'good for my career at the museum');
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'New memo' });
  await expect(dialog).toContainText('On Document transcript');
  await expect(dialog.getByLabel('Memo text')).toHaveValue('> good for my career at the museum\n\n');
  await dialog.getByLabel('Memo text').press('End');
  await page.keyboard.type('Career motive.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await saved(page);

  // Code it, then M on the excerpt (no selection: the focused excerpt).
  await selectInReader(page, 'good for my career at the museum');
  await page.keyboard.press('1'); // no quick code yet: a hint, nothing coded
  await page.keyboard.press('c');
  await page.keyboard.type('Career');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightTexts(page)).toEqual(['good for my career at the museum']);
  await page.keyboard.press('m');
  await expect(dialog).toContainText('On Excerpt “good for my career at the museum”');
  await dialog.getByLabel('Memo title').fill('Why the museum');
  await dialog.getByLabel('Memo text').fill('Links the course to a job.');
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await expect(dialog).toBeHidden();
  await saved(page);

  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('button', { name: /^Memos/ })
    .click();
  const main = page.getByRole('main');
  await expect(main).toContainText('Why the museum');
  await main.getByText('> good for my career at the museum').click();
  await expect(main.getByLabel('Memo text')).toHaveValue('> good for my career at the museum\n\nCareer motive.');
  await expect(main).toContainText('Document transcript');
});

test('the command palette (Ctrl+K) finds and opens a document, and a code’s retrieval', async ({ page, workspace }) => {
  const project = newProject(workspace, 'Palette', [SAMPLE('P02-Tom-UK.txt'), SAMPLE('P03-Yuki-JP.txt')]);
  workspace.cli(['code', 'add', project, 'Checkout friction']);
  await workspace.serve(project);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const box = palette.getByRole('combobox', { name: 'Search actions, codes, documents and participants' });
  await expect(box).toBeFocused();
  await box.fill('yuki');
  const first = palette.getByRole('listbox').getByRole('option').first();
  await expect(first).toContainText('P03-Yuki-JP');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? 'none');
  await shot(page, 'palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { name: 'P03-Yuki-JP', level: 1 })).toBeVisible();

  // A code opens its retrieval; arrows move through the list.
  await page.keyboard.press('Control+k');
  await box.fill('checkout fric');
  await expect(palette.getByRole('option').first()).toContainText('Checkout friction');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Retrieval' })).toBeVisible();

  await page.keyboard.press('Control+k');
  await box.fill('go to codebook');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Codebook' })).toBeVisible();
  await expect(section(page, 'Codes')).toHaveAttribute('aria-current', 'page');
});
