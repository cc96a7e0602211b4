import { describe, expect, it } from 'vitest';
import { fold, foldString, indexWords, queryWords } from '../../core/text/fold.js';
import { findSubstringMatch, findWordMatch } from '../../core/text/match.js';
import { parseQuery, QuerySyntaxError, trigramExpression, wordExpression } from '../../core/text/query.js';
import { makeSnippet } from '../../core/text/snippet.js';

describe('parseQuery', () => {
  it('passes FTS5 phrases, prefixes and operators through as a safe expression', () => {
    const q = parseQuery('"payment page" pri* AND (card OR paypal) NOT crypto');
    expect(wordExpression(q)).toBe('"payment page" "pri"* AND ( "card" OR "paypal" ) NOT "crypto"');
    expect(q.terms.map((t) => [t.raw, t.prefix, t.negated])).toEqual([
      ['payment page', false, false],
      ['pri', true, false],
      ['card', false, false],
      ['paypal', false, false],
      ['crypto', false, true],
    ]);
  });

  it('turns punctuation inside words into phrases instead of syntax errors', () => {
    expect(wordExpression(parseQuery("don't e-mail"))).toBe('"don t" "e mail"');
    expect(wordExpression(parseQuery('text:foo'))).toBe('"text foo"');
  });

  it('marks everything under NOT (…) as negated', () => {
    const q = parseQuery('checkout NOT (card OR cash) fast');
    expect(q.terms.map((t) => t.negated)).toEqual([false, true, true, false]);
  });

  it('quotes trigram terms as substrings', () => {
    expect(trigramExpression(parseQuery('支付页面 OR 结账'))).toBe('"支付页面" OR "结账"');
  });

  it('explains malformed queries', () => {
    expect(() => parseQuery('"open phrase')).toThrow(QuerySyntaxError);
    expect(() => parseQuery('(a OR b')).toThrow(/not closed/);
    expect(() => parseQuery('a)')).toThrow(/without a matching/);
    expect(() => parseQuery('?? !!')).toThrow(/at least one word/);
    expect(() => parseQuery('🙂')).toThrow('There is no word to look for in "🙂"');
  });
});

describe('fold and match', () => {
  it('folds case and diacritics and maps back to original offsets', () => {
    const f = fold('Äpfel 👋 Straße');
    expect(f.text).toBe('apfel 👋 straße');
    expect(foldString('Ÿ é')).toBe('y e');
  });

  it('finds words, phrases and prefixes with exact UTF-16 offsets', () => {
    const text = '👋🏽 Die Bestätigung der Zahlung kam nicht; BESTÄTIGUNGEN fehlen.';
    const terms = (q: string) => parseQuery(q).terms;
    const one = findWordMatch(text, terms('bestatigung'));
    expect(one && text.slice(one.start, one.end)).toBe('Bestätigung');
    const phrase = findWordMatch(text, terms('"der zahlung"'));
    expect(phrase && text.slice(phrase.start, phrase.end)).toBe('der Zahlung');
    const prefix = findWordMatch(text, terms('bestätigungen*'));
    expect(prefix && text.slice(prefix.start, prefix.end)).toBe('BESTÄTIGUNGEN');
    expect(findWordMatch(text, terms('bestat'))).toBeNull();
  });

  it('matches decomposed text (NFD) against composed queries', () => {
    const text = 'Cafe\u0301 au lait';
    const span = findWordMatch(text, parseQuery('café').terms);
    expect(span).toEqual({ start: 0, end: 5 });
  });

  it('finds CJK substrings', () => {
    const text = '我觉得付款页面太慢了';
    const span = findSubstringMatch(text, parseQuery('付款').terms);
    expect(span && text.slice(span.start, span.end)).toBe('付款');
  });
});

describe('one folding for the index, the query and the locator', () => {
  const span = (text: string, query: string) => {
    const s = findWordMatch(text, parseQuery(query).terms);
    return s && text.slice(s.start, s.end);
  };

  it('gives the index and the query the same words, whatever the script or normal form', () => {
    // Devanagari vowel signs stay in the word; the virama folds (a diacritic).
    expect(indexWords('प्रिया: नमस्ते, आप?')).toBe('परिया नमसते आप');
    expect(queryWords('नमस्ते')).toEqual(['नमसते']);
    expect(queryWords('नमस्ता')).not.toEqual(queryWords('नमस्ते'));
    // Arabic harakat, Vietnamese tones and decomposed accents fold away.
    expect(indexWords('مَرْحَبًا بِكُمْ')).toBe(indexWords('مرحبا بكم'));
    expect(queryWords('Tie\u0302\u0301ng Việt')).toEqual(['tieng', 'viet']);
    expect(indexWords('Cafe\u0301 CAFÉ café')).toBe('cafe cafe cafe');
    // Greek final sigma is sigma; emoji, variation selectors and skin tones separate words.
    expect(indexWords('ΟΔΟΣ οδός')).toBe('οδοσ οδοσ');
    expect(indexWords('love❤️it ok👍🏽go 😀prix😀')).toBe('love it ok go prix');
    expect(indexWords('\u0301abc')).toBe('abc');
    // CJK and Thai runs stay whole in the word index (their queries go to the substring indexes).
    expect(indexWords('优惠券，ที่นี่')).toBe('优惠券 ทีนี');
  });

  it('folds text the same way whole or cluster by cluster', () => {
    for (const text of ['नमस्ते दोस्त', 'مَرْحَبًا', 'Tiê\u0301ng Việt', 'İstanbul ΟΔΟΣ', 'a❤️b']) {
      expect(fold(text).text).toBe(foldString(text));
    }
  });

  it('places words with combining marks on the whole word, or nowhere', () => {
    const hindi = 'प्रिया: नमस्ता नहीं, नमस्ते।';
    expect(span(hindi, 'नमस्ते')).toBe('नमस्ते');
    expect(findWordMatch(hindi, parseQuery('नमस्ते').terms)?.start).toBe(hindi.lastIndexOf('नमस्ते'));
    expect(span('मरियम: मَرْحَبًا', 'xyz')).toBeNull();
    expect(span('مريم: مَرْحَبًا بِكُمْ', 'مرحبا')).toBe('مَرْحَبًا');
    expect(span('Lan: Tie\u0302\u0301ng Việt', '"tiếng viet"')).toBe('Tie\u0302\u0301ng Việt');
    expect(span('Anna: ok👍🏽go', 'go')).toBe('go');
  });

  it('places Thai and CJK substrings on whole characters only', () => {
    const thai = 'สมชาย: ทิศทางที่ดี';
    const at = findSubstringMatch(thai, parseQuery('ที่').terms);
    expect(at).toEqual({ start: thai.indexOf('ที่'), end: thai.indexOf('ที่') + 3 });
    expect(findSubstringMatch('สมชาย: ที่นี่', parseQuery('ที').terms)).toBeNull();
    const zh = '王芳：优惠券很好用。';
    expect(findSubstringMatch(zh, parseQuery('优惠券').terms)).toEqual({ start: 3, end: 6 });
  });
});

describe('makeSnippet', () => {
  it('wraps the hit in « » with about 60 characters of context, on one line', () => {
    const text = `${'lorem ipsum '.repeat(20)}the PAYMENT page\nfailed ${'dolor sit '.repeat(20)}`;
    const start = text.indexOf('PAYMENT');
    const snippet = makeSnippet(text, start, start + 7);
    expect(snippet).toContain('the «PAYMENT» page failed');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThan(150);
    expect(snippet).not.toContain('\n');
  });

  it('never cuts a surrogate pair', () => {
    const text = `${'😀'.repeat(50)}hit${'😀'.repeat(50)}`;
    const start = text.indexOf('hit');
    const snippet = makeSnippet(text, start, start + 3);
    expect(snippet).toContain('«hit»');
    expect(snippet.replace(/…/g, '')).toMatch(/^(?:😀)+«hit»(?:😀)+$/u);
  });
});
