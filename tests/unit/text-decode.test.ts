import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText, normalizeText } from '../../core/text/decode.js';

const utf16le = (s: string, bom = true) => {
  const body = Buffer.from(s, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
};
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
};

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM and drops the BOM', () => {
    expect(decodeText(Buffer.from('Grüße 👋', 'utf8'))).toEqual({ text: 'Grüße 👋', encoding: 'utf-8' });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Grüße', 'utf8')]);
    expect(normalizeText(decodeText(withBom).text)).toBe('Grüße');
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeText(utf16le('Anna: 你好 👋')).text).toBe('Anna: 你好 👋');
    expect(decodeText(utf16le('Anna: 你好 👋')).encoding).toBe('utf-16le');
    expect(decodeText(utf16be('Ханна: привет')).text).toBe('Ханна: привет');
  });

  it('recognises BOM-less UTF-16 LE by its zero bytes instead of calling it binary', () => {
    const decoded = decodeText(utf16le('Interviewer: hello there, how are you?', false));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe('Interviewer: hello there, how are you?');
  });

  it('falls back to Windows-1252 for legacy text that is not UTF-8', () => {
    const legacy = Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x80]); // "Grüße €" in cp1252
    expect(decodeText(legacy)).toEqual({ text: 'Grüße €', encoding: 'windows-1252' });
  });

  it('refuses binary content: NUL bytes, or many control characters', () => {
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toThrow(
      DecodeError,
    );
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0xc3)));
    expect(() => decodeText(controls)).toThrow(/binary/);
  });
});

describe('normalizeText', () => {
  it('turns CRLF and CR into LF and composes to NFC', () => {
    expect(normalizeText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
    const decomposed = 'Cafe\u0301';
    expect(normalizeText(decomposed)).toBe('Café');
    expect(normalizeText(decomposed)).toHaveLength(4);
  });
});

describe('guessLanguage', () => {
  it('names the language when the evidence is clear, and null otherwise', async () => {
    const { guessLanguage } = await import('../../core/text/language.js');
    expect(
      guessLanguage(
        'Interviewer: How was it? Anna: It was fine, but the form is not easy and I have to say that it took long.',
      ),
    ).toBe('en');
    expect(
      guessLanguage(
        'Moderatorin: Wie war das? Jonas: Ich war nicht zufrieden, und die Seite ist auch sehr langsam, das war ein Problem.',
      ),
    ).toBe('de');
    expect(guessLanguage('主持人：付款流程怎么样？张伟：付款页面太慢了，我差点放弃。为什么验证码一直收不到')).toBe(
      'zh',
    );
    expect(
      guessLanguage('司会：決済はどうでしたか。佐藤：クレジットカードの入力が面倒でした。なるほど、ありがとう'),
    ).toBe('ja');
    expect(guessLanguage('مريم: كانت صفحة الدفع بطيئة جدا ولا أعرف لماذا حدث ذلك')).toBe('ar');
    expect(guessLanguage('P1: ok')).toBeNull();
    expect(guessLanguage('Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod')).toBeNull();
  });
});
