/**
 * A researcher's first day, on real files nobody prepared for Quarry: import a mixed folder
 * (plain text, Word in German, WebVTT, UTF-16 SRT, and a Japanese interview — the one CJK
 * transcript at hand is the bundled sample's, as ../shared/data holds none), code ten excerpts
 * by keyboard with new codes and quick keys, build a hierarchy with Alt+arrows, write a memo
 * with Ctrl+Enter, search in Japanese and code the hits by sentence, correct a code (the
 * excerpt stays, then Undo), and undo a slip. Every step is checked against the project file
 * through the CLI, not just on screen.
 */
import { join } from 'node:path';
import {
  type CliExcerpt,
  clickText,
  expect,
  highlightTexts,
  newProject,
  SAMPLE,
  SHARED_DATA,
  saved,
  section,
  selectInReader,
  shot,
  test,
} from './fixtures.js';

const FILES = [
  join(SHARED_DATA, 'transcripts', 'qualcoder', 'transcript.txt'),
  join(
    SHARED_DATA,
    'transcripts',
    'haski-nodegrade-de',
    'NodeGrade_paper_ECSEE_qualitative_data_interview1_german.docx',
  ),
  join(SHARED_DATA, 'webvtt', 'go-astisub', 'example-out.vtt'),
  join(SHARED_DATA, 'srt', 'pysrt', 'bom-utf-16-le.srt'),
  SAMPLE('P03-Yuki-JP.txt'),
];

interface CliCode {
  name: string;
  parent: string | null;
  excerpts: number;
}

test.setTimeout(240_000);

test('first day: import a mixed folder, code ten excerpts by keyboard, hierarchy, memo, correct, undo', async ({
  page,
  workspace,
}) => {
  const project = newProject(workspace, 'First day');
  await workspace.serve(project);

  // 1. Import five files of four formats and encodings in one go (no participants yet).
  await page.getByRole('navigation').getByLabel('Choose files to import').setInputFiles(FILES);
  await page
    .getByRole('dialog', { name: 'Import options' })
    .getByRole('button', { name: /^Import \d+ files$/ })
    .click();
  const docsList = page.getByRole('list', { name: 'Documents' });
  await expect(docsList.getByRole('listitem')).toHaveCount(5, { timeout: 30_000 });
  await saved(page);
  const docs = workspace.cliJson<{ id: number; title: string }[]>(['docs', project]);
  expect(docs.map((d) => d.title).sort()).toEqual(
    [
      'NodeGrade_paper_ECSEE_qualitative_data_interview1_german',
      'P03-Yuki-JP',
      'bom-utf-16-le',
      'example-out',
      'transcript',
    ].sort(),
  );
  const german = docs.find((d) => d.title.startsWith('NodeGrade'));
  expect(workspace.cliJson<{ text: string }>(['show', project, String(german?.id)]).text).toMatch(/[äöüß]/);

  // 2. Ten excerpts by keyboard: new names with Enter, an existing one typed in another case,
  //    and quick keys (a code's key is fixed from its first use: 3 = Slide overload, 5 = Workload).
  await docsList.getByRole('button', { name: /^transcript/ }).click();
  await expect(page.getByRole('heading', { name: 'transcript', level: 1 })).toBeVisible();
  const steps: [quote: string, typed: string | { key: string }][] = [
    ['I like the course', 'Course praise'],
    ["helped me with understanding world's history", 'Learning value'],
    ['struggling with the lecture slides', 'Slide overload'],
    ['too busy', { key: '3' }],
    ['switched off', 'Disengagement'],
    ["don't like all the assignments", 'Workload'],
    ['too many for the short semester period', { key: '5' }],
    ['too much needed for the wrtitten assignments', 'workload'],
    ['good for my career at the museum', 'Career'],
    ['ask the tutor for more help', 'Help seeking'],
  ];
  const picker = page.getByRole('dialog', { name: 'Apply a code' });
  for (const [i, [quote, typed]] of steps.entries()) {
    await selectInReader(page, quote);
    if (typeof typed === 'string') {
      await page.keyboard.press('c');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await expect(picker).toBeHidden();
    } else {
      await page.keyboard.press(typed.key);
    }
    await expect.poll(async () => (await highlightTexts(page)).length).toBe(i + 1);
    await saved(page);
  }
  const coded = workspace.cliJson<CliExcerpt[]>(['excerpts', project]);
  expect(coded.map((x) => [x.text, x.codes]).sort()).toEqual(
    [
      ['I like the course', ['Course praise']],
      ["helped me with understanding world's history", ['Learning value']],
      ['struggling with the lecture slides', ['Slide overload']],
      ['too busy', ['Slide overload']],
      ['switched off', ['Disengagement']],
      ["don't like all the assignments", ['Workload']],
      ['too many for the short semester period', ['Workload']],
      ['too much needed for the wrtitten assignments', ['Workload']],
      ['good for my career at the museum', ['Career']],
      ['ask the tutor for more help', ['Help seeking']],
    ].sort(),
  );
  // Offsets are the document's own: each excerpt's span slices to its text.
  const transcript = docs.find((d) => d.title === 'transcript');
  const text = workspace.cliJson<{ text: string }>(['show', project, String(transcript?.id)]).text;
  for (const x of coded) expect(text.slice(x.start, x.end)).toBe(x.text);

  // 3. A hierarchy by keyboard: Alt+→ puts a code inside the code above it.
  await section(page, 'Codes').click();
  await page.getByRole('button', { name: 'Learning value, 1 excerpt' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('button', { name: 'Course praise › Learning value, 1 excerpt' })).toBeVisible();
  await page.getByRole('button', { name: 'Disengagement, 1 excerpt' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('button', { name: 'Slide overload › Disengagement, 1 excerpt' })).toBeVisible();
  await saved(page);
  const tree = () =>
    workspace
      .cliJson<CliCode[]>(['codes', project])
      .map((c) => [c.name, c.parent, c.excerpts])
      .sort();
  const expectedTree = [
    ['Career', null, 1],
    ['Course praise', null, 1],
    ['Disengagement', 'Slide overload', 1],
    ['Help seeking', null, 1],
    ['Learning value', 'Course praise', 1],
    ['Slide overload', null, 2],
    ['Workload', null, 3],
  ].sort();
  expect(tree()).toEqual(expectedTree);

  // 4. A memo on the document, quoting the selection: typed straight into its body, Ctrl+Enter.
  await section(page, 'Documents').click();
  await selectInReader(page, 'I think it paid off.');
  await page.keyboard.press('m');
  const memo = page.getByRole('dialog', { name: 'New memo' });
  await page.keyboard.type('Hard work felt worth it.');
  await page.keyboard.press('Control+Enter');
  await expect(memo).toBeHidden();
  await saved(page);
  const info = () => workspace.cliJson<{ counts: Record<string, number> }>(['info', project]).counts;
  expect(info()).toMatchObject({ documents: 5, excerpts: 10, memos: 1 });

  // 5. Search in Japanese and code the hits by sentence: two of the three クーポン share one.
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.getByLabel('Search the project').fill('クーポン');
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  await expect(page.getByRole('list', { name: 'Hits to code' }).getByRole('checkbox')).toHaveCount(3);
  const extent = page.getByRole('group', { name: 'Each excerpt holds' });
  await expect(extent.getByRole('radio', { name: 'Sentence' })).toBeChecked();
  await page.getByLabel('New code name').fill('Coupons');
  const confirm = page.locator('[data-code-all-confirm]');
  await expect(confirm).toHaveText('Code 2 excerpts');
  await confirm.click();
  await saved(page);
  const coupons = workspace.cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Coupons']).map((x) => x.text);
  expect(coupons).toHaveLength(2);
  for (const text of coupons) {
    expect(text).toContain('クーポン');
    expect(text).toMatch(/[。！？]$/u);
  }
  // Again: nothing new, because those sentences are already coded.
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  await page.getByLabel('Code to apply').selectOption({ label: 'Coupons' });
  await expect(confirm).toHaveText('Code 0 excerpts (2 already coded)');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(info()).toMatchObject({ excerpts: 12 });
  await section(page, 'Documents').click();
  await docsList.getByRole('button', { name: /^transcript/ }).click();
  await expect(page.getByRole('heading', { name: 'transcript', level: 1 })).toBeVisible();

  // 6. Correct a code: taking "too busy" off its only code keeps the excerpt, uncoded; Undo restores it.
  await page.keyboard.press('Escape');
  await clickText(page, 'too busy');
  const panel = page.getByRole('complementary', { name: 'Selection details' });
  await panel.getByRole('button', { name: 'Remove code Slide overload' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Removed “Slide overload” from the excerpt' });
  await expect(toast).toContainText('The excerpt stays, uncoded.');
  // The pointer on the toast holds it (toasts leave by themselves) while the file is checked.
  await toast.hover();
  await saved(page);
  const busy = () => workspace.cliJson<CliExcerpt[]>(['excerpts', project]).find((x) => x.text === 'too busy');
  const before = busy();
  expect(before?.codes).toEqual([]);
  expect(info().excerpts).toBe(12);
  await shot(page, 'first-day-uncoded');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => busy()?.codes).toEqual(['Slide overload']);
  expect(busy()?.id).toBe(before?.id);

  // 7. A slip and Ctrl+Z: key 6 (Career) on the wrong words, undone.
  await selectInReader(page, 'Hmm');
  await page.keyboard.press('6');
  await expect.poll(() => workspace.cliJson<CliExcerpt[]>(['excerpts', project]).length).toBe(13);
  await page.locator('.reader-head h1').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => workspace.cliJson<CliExcerpt[]>(['excerpts', project]).length).toBe(12);
  await saved(page);

  // The day's result, from the project file.
  expect(tree()).toEqual([...expectedTree, ['Coupons', null, 2]].sort());
  expect(info()).toMatchObject({ documents: 5, excerpts: 12, memos: 1 });
  expect(
    workspace
      .cliJson<CliExcerpt[]>(['excerpts', project, '--code', 'Workload'])
      .map((x) => x.text)
      .sort(),
  ).toEqual(
    [
      "don't like all the assignments",
      'too many for the short semester period',
      'too much needed for the wrtitten assignments',
    ].sort(),
  );
  await shot(page, 'first-day-end');
});
