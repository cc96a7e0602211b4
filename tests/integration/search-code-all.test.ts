/**
 * "Code all hits" through the real search service on a real project file: the extent the
 * researcher chose (match, sentence, turn), counts before confirming, one excerpt per extent,
 * and nothing stacked inside an excerpt that already has the code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeId, DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

const ZH =
  '主持人：你觉得优惠券怎么样？\n王芳：优惠券很好用，优惠券也很多。但是运费太贵了！\n主持人：谢谢。\n王芳：下次还用优惠券';
const EN =
  'Interviewer: Did you use the coupon?\nAnna: I used the coupon. It was fine! The coupon page, however, was slow.\nInterviewer: Thanks.';
const HI = 'साक्षात्कारकर्ता: नमस्ते, आप कैसे हैं?\nप्रिया: नमस्ते! मैं ठीक हूँ।';

async function setup(): Promise<Map<string, DocumentId>> {
  t = await newTestApp();
  const r = await t.call('documents.import', { files: [file('zh.txt', ZH), file('en.txt', EN), file('hi.txt', HI)] });
  expect(r.rejected).toEqual([]);
  return new Map((await t.call('documents.list', {})).map((d) => [d.title, d.id]));
}

const texts = async (codeId: CodeId) =>
  (await t.call('excerpts.list', { codeId })).map((e) => e.text).sort((a, b) => a.localeCompare(b));

describe('search.codeAll extents', () => {
  it('codes CJK hits by sentence: one excerpt per sentence, ending at 。！？, none on a second run', async () => {
    await setup();
    // Before the code exists (a new name typed in the review), nothing counts as coded.
    expect(await t.call('search.codeAllPreview', { query: '优惠券', extent: 'sentence' })).toEqual({
      hits: 4,
      excerpts: 3,
      alreadyCoded: 0,
    });
    const code = await t.call('codes.add', { name: 'Coupons' });
    const input = { query: '优惠券', codeId: code.id, extent: 'sentence' as const };
    expect(await t.call('search.codeAllPreview', input)).toEqual({ hits: 4, excerpts: 3, alreadyCoded: 0 });
    const result = await t.call('search.codeAll', input);
    expect(result).toMatchObject({ coded: 3, alreadyCoded: 0 });
    expect(await texts(code.id)).toEqual(
      ['你觉得优惠券怎么样？', '优惠券很好用，优惠券也很多。', '下次还用优惠券'].sort((a, b) => a.localeCompare(b)),
    );
    expect(await t.call('history.status', {})).toMatchObject({
      undoLabel: 'Undo: code all hits of "优惠券" by sentence with Coupons',
    });
    // Again: everything is covered, nothing is created or counted twice.
    expect(await t.call('search.codeAllPreview', input)).toEqual({ hits: 4, excerpts: 0, alreadyCoded: 3 });
    expect(await t.call('search.codeAll', input)).toMatchObject({ coded: 0, alreadyCoded: 3, excerptIds: [] });
    expect(await t.call('excerpts.list', { codeId: code.id })).toHaveLength(3);
  });

  it('codes Latin hits by sentence and by turn, never the speaker label', async () => {
    await setup();
    const bySentence = await t.call('codes.add', { name: 'Sentence' });
    await t.call('search.codeAll', { query: 'coupon', codeId: bySentence.id, extent: 'sentence' });
    expect(await texts(bySentence.id)).toEqual([
      'Did you use the coupon?',
      'I used the coupon.',
      'The coupon page, however, was slow.',
    ]);
    const byTurn = await t.call('codes.add', { name: 'Turn' });
    const preview = await t.call('search.codeAllPreview', { query: 'coupon', codeId: byTurn.id, extent: 'turn' });
    expect(preview).toEqual({ hits: 3, excerpts: 2, alreadyCoded: 0 });
    await t.call('search.codeAll', { query: 'coupon', codeId: byTurn.id, extent: 'turn' });
    expect(await texts(byTurn.id)).toEqual([
      'Did you use the coupon?',
      'I used the coupon. It was fine! The coupon page, however, was slow.',
    ]);
  });

  it('never stacks an excerpt inside one that already has the code; other codes do not count', async () => {
    const ids = await setup();
    const en = ids.get('en') as DocumentId;
    const code = await t.call('codes.add', { name: 'Coupons' });
    const other = await t.call('codes.add', { name: 'Other' });
    const sentence = 'I used the coupon. It was fine!';
    const start = EN.indexOf(sentence);
    await t.call('excerpts.tag', {
      documentId: en,
      start,
      end: start + sentence.length,
      codeIds: [code.id],
    });
    const match = EN.indexOf('The coupon page') + 4;
    await t.call('excerpts.tag', { documentId: en, start: match, end: match + 6, codeIds: [other.id] });
    const input = { query: 'coupon', codeId: code.id, filters: { documentId: en } };
    expect(await t.call('search.codeAllPreview', input)).toEqual({ hits: 3, excerpts: 2, alreadyCoded: 1 });
    const result = await t.call('search.codeAll', input);
    expect(result).toMatchObject({ coded: 2, alreadyCoded: 1 });
    // The hit inside the coded sentence made no excerpt; the exact-span excerpt with another code was reused.
    const list = await t.call('excerpts.list', { documentId: en });
    expect(list.map((e) => [e.text, e.codes.map((c) => c.name).sort()])).toEqual([
      ['coupon', ['Coupons']],
      [sentence, ['Coupons']],
      ['coupon', ['Coupons', 'Other']],
    ]);
  });

  it('codes the exact word with combining marks, never the speaker label', async () => {
    await setup();
    const code = await t.call('codes.add', { name: 'Greeting' });
    await t.call('search.codeAll', { query: 'नमस्ते', codeId: code.id });
    expect(await texts(code.id)).toEqual(['नमस्ते', 'नमस्ते']);
  });

  it('refuses an unknown extent and stale reviewed hits, writing nothing', async () => {
    const ids = await setup();
    const code = await t.call('codes.add', { name: 'Coupons' });
    await expect(
      t.call('search.codeAll', { query: 'coupon', codeId: code.id, extent: 'paragraph' } as never),
    ).rejects.toMatchObject({ kind: 'BadInput' });
    await expect(
      t.call('search.codeAllPreview', {
        query: 'coupon',
        codeId: code.id,
        hits: [{ documentId: ids.get('zh') as DocumentId, start: 0, end: 3 }],
      }),
    ).rejects.toMatchObject({ kind: 'BadInput', message: expect.stringContaining('no longer results') });
    expect(await t.call('excerpts.list', {})).toEqual([]);
  });
});
