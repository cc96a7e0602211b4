/** Legacy encodings, written with iconv-lite so the bytes are what those tools produce. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText, normalizeText } from '../../core/text/decode.js';

const CASES: [string, string, string][] = [
  ['GBK', 'gbk', '主持人：我们今天讨论一下用户对支付流程的看法。你觉得怎么样？\n受访者：我觉得很方便，每天都用。'],
  ['GB18030', 'gb18030', '受访者：我每天都用微信支付，非常方便。扫码就可以了，不需要带钱包。'],
  ['Big5', 'big5', '主持人：我們今天討論一下用戶對支付流程的看法。你覺得怎麼樣？受訪者：很方便。'],
  ['Shift_JIS', 'shift_jis', '司会：今日は支払いの流れについて話しましょう。\n佐藤：とても便利だと思います。'],
  ['EUC-KR', 'euc-kr', '진행자: 오늘은 결제 과정에 대해 이야기해 봅시다.\n응답자: 매우 편리하다고 생각합니다.'],
  ['Windows-1252', 'windows-1252', 'Interviewer: Café – “naïve” résumé? Größe €5 — ça va.'],
  [
    'Windows-1251',
    'windows-1251',
    'Интервьюер: Привет, как дела? Это интервью о платежах.\nРеспондент: Я плачу картой каждый день, это удобно.',
  ],
  [
    'KOI8-R',
    'koi8-r',
    'Интервьюер: Привет, как дела? Это интервью о платежах.\nРеспондент: Я плачу картой каждый день, это удобно.',
  ],
  ['ISO-8859-7', 'iso-8859-7', 'Συνεντευκτής: Πώς πληρώνετε συνήθως; Απάντηση: Με κάρτα, σχεδόν πάντα, είναι εύκολο.'],
];

describe('decodeText with legacy encodings', () => {
  for (const [label, encoding, text] of CASES) {
    it(`reads ${label}`, () => {
      const decoded = decodeText(iconv.encode(text, encoding));
      expect(decoded.text).toBe(text);
    });
  }

  it('names the encoding it used', () => {
    expect(decodeText(iconv.encode(CASES[0]?.[2] ?? '', 'gbk')).encoding).toBe('gb18030');
    expect(decodeText(iconv.encode('Große Straße – “ok”', 'windows-1252')).encoding).toBe('windows-1252');
  });

  it('reads UTF-32 LE and BE with a BOM', () => {
    const text = 'Ana: olá 👋 مرحبا';
    expect(decodeText(iconv.encode(text, 'utf-32le', { addBOM: true })).text).toBe(text);
    expect(decodeText(iconv.encode(text, 'utf-32be', { addBOM: true })).text).toBe(text);
  });

  it('refuses a UTF-32 BOM followed by a broken body', () => {
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0]))).toThrow(DecodeError);
  });

  it('refuses UTF-16 with a BOM but an unpaired surrogate', () => {
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]))).toThrow(/UTF-16LE/);
  });

  it('keeps UTF-8 emoji, RTL and CJK exactly, and normalises line ends and NFC', () => {
    const text = 'מרים: שלום 👩🏽‍💻\r\nKenji: 東京\r\nZoë: cafe\u0301\r';
    expect(normalizeText(decodeText(Buffer.from(text, 'utf8')).text)).toBe(
      'מרים: שלום 👩🏽‍💻\nKenji: 東京\nZoë: café\n',
    );
  });
});

describe('guessLanguage beyond Latin, CJK and Arabic', () => {
  it('tells Russian, Ukrainian, Hindi, Hebrew, Korean and Polish apart', async () => {
    const { guessLanguage } = await import('../../core/text/language.js');
    expect(guessLanguage('Интервьюер: Как вы обычно платите? Респондент: Картой, почти всегда.')).toBe('ru');
    expect(guessLanguage('Інтерв’юер: Як ви зазвичай платите? Респондент: Карткою, майже завжди, це зручно.')).toBe(
      'uk',
    );
    expect(guessLanguage('साक्षात्कारकर्ता: आप आमतौर पर कैसे भुगतान करते हैं? उत्तरदाता: कार्ड से।')).toBe('hi');
    expect(guessLanguage('מראיין: איך אתה משלם בדרך כלל? משיב: בכרטיס אשראי, כמעט תמיד.')).toBe('he');
    expect(guessLanguage('진행자: 오늘은 결제 과정에 대해 이야기해 봅시다. 응답자: 매우 편리합니다.')).toBe('ko');
    expect(
      guessLanguage(
        'Ankieter: Jak pan płaci? Respondent: Nie wiem, to jest bardzo proste, ale już nie pamiętam jak było.',
      ),
    ).toBe('pl');
  });
});

describe('bytes that are text in no encoding', () => {
  it('refuses them instead of storing mojibake', () => {
    // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252, and no other reading is clean.
    const undefinedBytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x20, 0x72, 0xe9]);
    expect(() => decodeText(undefinedBytes)).toThrow(DecodeError);
    expect(() => decodeText(undefinedBytes)).toThrow(/not valid UTF-8 and no other encoding reads them/);
  });
});
