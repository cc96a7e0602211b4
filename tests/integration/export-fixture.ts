/**
 * A small multilingual study for the DOCX/PPTX/CSV/XLSX export tests: participants named in
 * Latin, Chinese and Arabic script (so redaction is checked in each), quotes with emoji,
 * newlines, double quotes, RTL text and a would-be spreadsheet formula.
 */
import type { DocumentId, ExcerptId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

export const NAMES = { latin: 'Anna Schmidt', cjk: '王芳', arabic: 'فاطمة' } as const;

export const PSEUDONYMS = { P01: 'Alpha', P02: 'Beta', P03: 'Gamma' } as const;

export const TEXTS = {
  anna: 'Anna Schmidt: The fees "surprised" me 😀.\nThey came at the very end.\n=SUM(A1:A9) is what I typed in Excel.',
  wang: '王芳：价格太贵了，我不会再买。送货很快。',
  fatima: 'فاطمة: الرسوم كانت مفاجئة جدا في النهاية.',
};

export const QUOTES = {
  fees: 'The fees "surprised" me 😀.\nThey came at the very end.',
  formula: '=SUM(A1:A9) is what I typed in Excel.',
  price: '价格太贵了，我不会再买。',
  arabic: 'الرسوم كانت مفاجئة جدا في النهاية.',
};

export interface Study {
  t: TestApp;
  excerpts: Record<keyof typeof QUOTES, ExcerptId>;
}

export async function multilingualStudy(): Promise<Study> {
  const t = await newTestApp({ name: 'Checkout 结账 Study' });
  await t.call('attributes.add', { name: 'Segment', type: 'choice', choices: ['new', 'returning'] });
  await t.call('attributes.add', { name: 'Age', type: 'number' });
  await t.call('attributes.add', { name: 'Pro user', type: 'boolean' });
  await t.call('participants.add', {
    label: 'P01',
    displayName: NAMES.latin,
    attributes: { Segment: 'new', Age: '34', 'Pro user': 'yes' },
  });
  await t.call('participants.add', {
    label: 'P02',
    displayName: NAMES.cjk,
    attributes: { Segment: 'returning', Age: '51', 'Pro user': 'no' },
  });
  await t.call('participants.add', { label: 'P03', displayName: NAMES.arabic, attributes: { Segment: 'returning' } });
  // Pseudonyms unlike the labels, so a redacted export shows which one it used.
  const people = await t.call('participants.list', {});
  for (const [label, pseudonym] of Object.entries(PSEUDONYMS)) {
    const p = people.find((x) => x.label === label);
    if (p) await t.call('participants.update', { id: p.id, pseudonym });
  }
  const doc = async (name: string, text: string, participant: string) =>
    (await t.call('documents.import', { files: [file(name, text)], participant })).imported[0]
      ?.documentIds[0] as DocumentId;
  const anna = await doc('Interview Anna.txt', TEXTS.anna, 'P01');
  const wang = await doc('访谈 王芳.txt', TEXTS.wang, 'P02');
  const fatima = await doc('مقابلة.txt', TEXTS.fatima, 'P03');
  const money = await t.call('codes.add', { name: 'Money', description: 'Anything about cost' });
  const fees = await t.call('codes.add', { name: 'Hidden fees', parentId: money.id });
  const price = await t.call('codes.add', { name: '价格', description: '价格相关' });
  await t.call('codes.add', { name: 'Unused' });
  const tag = async (documentId: DocumentId, text: string, quote: string, codeIds: number[]) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote not in text: ${quote}`);
    return (await t.call('excerpts.tag', { documentId, start, end: start + quote.length, codeIds: codeIds as never }))
      .excerptId;
  };
  const excerpts = {
    fees: await tag(anna, TEXTS.anna, QUOTES.fees, [fees.id, money.id]),
    formula: await tag(anna, TEXTS.anna, QUOTES.formula, [money.id]),
    price: await tag(wang, TEXTS.wang, QUOTES.price, [price.id, money.id]),
    arabic: await tag(fatima, TEXTS.fatima, QUOTES.arabic, [fees.id]),
  };
  const { insightId } = await t.call('insights.add', {
    title: 'Fees must show early',
    statement: `${NAMES.latin} and ${NAMES.arabic} only saw the fees at the end.`,
    evidence: [excerpts.fees, excerpts.arabic],
    priority: 'high',
  });
  await t.call('insights.update', { id: insightId, recommendation: 'Show every fee on the first page of checkout' });
  await t.call('insights.add', {
    title: '价格是主要障碍',
    statement: `${NAMES.cjk}：价格太贵。`,
    evidence: [excerpts.price],
    priority: 'medium',
  });
  return { t, excerpts };
}
