/** documents.import across formats and encodings, against a real project file. */
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentId } from '../../core/contract/types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(() => t?.dispose());

async function importOne(name: string, content: string | Uint8Array) {
  const result = await t.call('documents.import', { files: [file(name, content)] });
  expect(result.rejected).toEqual([]);
  const id = result.imported[0]?.documentIds[0] as DocumentId;
  return t.call('documents.get', { id });
}

describe('legacy encodings and language', () => {
  it('imports GBK, Shift_JIS and Windows-1252 transcripts and stores their language', async () => {
    t = await newTestApp();
    const zh =
      '主持人：你平时怎么付款？\n受访者：我每天都用微信支付，非常方便。\n主持人：为什么？\n受访者：因为不需要带钱包。';
    const ja =
      '司会：普段はどうやって支払いますか。\n佐藤：ほとんどカードです。とても便利だと思います。\n司会：なるほど。';
    const de =
      'Interviewer: Wie zahlen Sie?\nTeilnehmerin: Meistens mit Karte, das ist für mich einfach und schnell.\nInterviewer: Und bar? Teilnehmerin: Nicht mehr, das ist vorbei.';
    const zhDoc = await importOne('zh.txt', iconv.encode(zh, 'gbk'));
    expect(zhDoc.text).toBe(zh);
    expect(zhDoc.language).toBe('zh');
    expect(zhDoc.turns.map((x) => x.speaker)).toEqual(['主持人', '受访者', '主持人', '受访者']);
    const jaDoc = await importOne('ja.txt', iconv.encode(ja, 'shift_jis'));
    expect(jaDoc.text).toBe(ja);
    expect(jaDoc.language).toBe('ja');
    const deDoc = await importOne('de.txt', iconv.encode(de, 'windows-1252'));
    expect(deDoc.text).toBe(de);
    expect(deDoc.language).toBe('de');
  });
});
