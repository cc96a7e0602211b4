/**
 * A small study for report tests: three participants, four interviews, names in Latin, CJK
 * and Arabic script, an e-mail address, a phone number and an identifying attribute.
 */
import { expect } from 'vitest';
import type { DocumentId, ExcerptId } from '../../core/contract/types.js';
import { file, type TestApp } from './helpers.js';

let t: TestApp;

const A1 =
  'Interviewer: Welcome.\nAnna: I am Anna Schmidt from Siemens, write to anna.schmidt@example.com or call +49 170 1234567 if anything.\nAnna: The delivery fee surprised me at the very last step of the checkout, which felt unfair.\n';
const A2 = 'Anna: Honestly I still think the fee should show in the basket, right from the start of shopping.\n';
const B =
  'インタビュアー：よろしくお願いします。\n由紀：由紀です。Yukiと呼んでください。送料が最後の画面で初めて表示されたので、とても驚きました。カートに表示してほしいです。\n';
const C =
  'Interviewer: Hello.\nمحمد: أنا محمد العلي، وقد فوجئت برسوم التوصيل في الخطوة الأخيرة من الدفع، وكان ذلك مزعجاً جداً.\n';

/** Every name, address and number a redacted report must not contain. */
export const SECRETS = ['Anna', 'Schmidt', '由紀', 'Yuki', 'محمد', 'العلي', 'anna.schmidt@', '1234567', 'Siemens'];

async function importDoc(name: string, text: string, participant: string): Promise<DocumentId> {
  const r = await t.call('documents.import', { files: [file(name, text)], participant });
  return r.imported[0]?.documentIds[0] as DocumentId;
}

async function tag(
  documentId: DocumentId,
  text: string,
  from: string,
  to: string | null,
  codeIds: number[],
  memo?: string,
) {
  const start = text.indexOf(from);
  const end = to === null ? text.trimEnd().length : text.indexOf(to) + to.length;
  expect(start).toBeGreaterThanOrEqual(0);
  const input = { documentId, start, end, codeIds: codeIds as never, ...(memo ? { memo } : {}) };
  return (await t.call('excerpts.tag', input)).excerptId;
}

/** Three participants, four interviews (Anna has two), names in Latin, CJK and Arabic script. */
export async function buildStudy(app: TestApp): Promise<Record<string, ExcerptId>> {
  t = app;
  await t.call('participants.add', {
    label: 'P01',
    displayName: 'Anna Schmidt',
    attributes: { market: 'DE', segment: 'returning', employer: 'Siemens' },
  });
  await t.call('participants.add', {
    label: 'P02',
    displayName: '由紀 (Yuki)',
    attributes: { market: 'JP', segment: 'new', employer: 'Sony' },
  });
  await t.call('participants.add', {
    label: 'P03',
    displayName: 'محمد العلي',
    attributes: { market: 'SA', segment: 'returning', employer: 'Aramco' },
  });
  const employer = (await t.call('attributes.list', {})).find((a) => a.name === 'employer');
  await t.call('attributes.update', { id: employer?.id as never, identifying: true });

  const dA1 = await importDoc('Interview Anna Schmidt.txt', A1, 'P01');
  const dA2 = await importDoc('Follow-up Anna.txt', A2, 'P01');
  const dB = await importDoc('由紀 interview.txt', B, 'P02');
  const dC = await importDoc('مقابلة محمد.txt', C, 'P03');

  const fees = await t.call('codes.add', { name: 'Fees' });
  const identity = await t.call('codes.add', { name: 'Identity' });
  const eIntro = await tag(dA1, A1, 'I am Anna', 'if anything.', [identity.id, fees.id]);
  const eLate = await tag(dA1, A1, 'The delivery fee', 'unfair.', [fees.id]);
  const eBasket = await tag(dA2, A2, 'Honestly', null, [fees.id]);
  const eYuki = await tag(dB, B, '由紀です', null, [fees.id], 'Yuki asked to be called Yuki; mail yuki@example.jp.');
  const eArabic = await tag(dC, C, 'أنا محمد', null, [fees.id]);

  await t.call('insights.add', {
    title: 'Show the delivery fee early',
    statement: 'Anna Schmidt, 由紀 and محمد all met the fee on the last step.',
    evidence: [eLate, eBasket, eYuki, eArabic],
    priority: 'high',
  });
  const { hypothesisId } = await t.call('hypotheses.add', { statement: 'Late fees cause abandonment' });
  await t.call('hypotheses.linkEvidence', { id: hypothesisId, excerptIds: [eIntro, eLate], stance: 'supports' });
  await t.call('memos.add', {
    targetKind: 'project',
    title: 'Who we met',
    body: 'Met Anna Schmidt, 由紀 and محمد العلي.',
  });
  return { eIntro, eLate, eBasket, eYuki, eArabic } as Record<string, ExcerptId>;
}
