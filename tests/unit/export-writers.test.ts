import { describe, expect, it } from 'vitest';
import { codeFrequencyChart, codesBySegmentChart } from '../../core/export/charts.js';
import { fitQuote } from '../../core/export/pptx.js';
import { cjkFont, hasCjk, isRtl } from '../../core/export/scripts.js';
import { guardFormula, safeColumnNames } from '../../core/export/tables.js';

describe('safeColumnNames', () => {
  it('makes names R, SPSS and pandas read unquoted, unique ignoring case, in any script', () => {
    expect(safeColumnNames(['Pro user', 'pro-user', 'PRO USER', '2nd round', '', '价格 › 太贵', 'Âge'])).toEqual([
      'pro_user',
      'pro_user_2',
      'pro_user_3',
      'column_2nd_round',
      'column',
      '价格_太贵',
      'âge',
    ]);
  });
  it('keeps names within 64 UTF-8 bytes without cutting a character', () => {
    const [name] = safeColumnNames(['价'.repeat(40)]);
    expect(Buffer.byteLength(name as string)).toBeLessThanOrEqual(64);
    expect(name).toBe('价'.repeat(20));
  });
});

describe('guardFormula', () => {
  it('prefixes what a spreadsheet would run, and nothing else', () => {
    for (const s of ['=1+1', '+49 30', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(guardFormula(s)).toBe(`'${s}`);
    for (const s of ['fine', ' =not first', '価格', '']) expect(guardFormula(s)).toBe(s);
  });
});

describe('scripts', () => {
  it('finds CJK and right-to-left text', () => {
    expect(hasCjk('price 价格')).toBe(true);
    expect(hasCjk('Preis')).toBe(false);
    expect(isRtl('  «الرسوم» fees')).toBe(true);
    expect(isRtl('fees «الرسوم»')).toBe(false);
    expect(isRtl('שלום')).toBe(true);
    expect(cjkFont('ひらがな')).toBe('Noto Sans CJK JP');
    expect(cjkFont('한국어')).toBe('Noto Sans CJK KR');
    expect(cjkFont('价格', 'zh-TW')).toBe('Noto Sans CJK TC');
    expect(cjkFont('价格')).toBe('Noto Sans CJK SC');
  });
});

describe('fitQuote', () => {
  it('leaves a short quote alone and cuts a long one at a sentence or word', () => {
    expect(fitQuote('Short.', 100)).toBe('Short.');
    const long = 'First sentence is here. Second sentence runs on and on and on without end';
    expect(fitQuote(long, 34)).toBe('First sentence is here. …');
    expect(fitQuote(long, 40)).toBe('First sentence is here. Second sentence…');
    expect(fitQuote('word '.repeat(30), 22)).toMatch(/^(word ){3}word…$/);
  });
  it('counts CJK characters double', () => {
    const cut = fitQuote('价'.repeat(100), 20);
    expect([...cut.replace('…', '')].length).toBe(10);
  });
});

describe('charts', () => {
  it('draws SVG with the CJK font stack, escaped labels, and no script', () => {
    const chart = codeFrequencyChart(
      [
        { label: '价格 <b>', excerpts: 3, participants: 2 },
        { label: 'Trust', excerpts: 5, participants: 4 },
      ],
      'Excerpts',
    );
    expect(chart.svg).toMatch(/^<svg/);
    expect(chart.svg).toContain('Noto Sans CJK SC');
    expect(chart.svg).toContain('价格 &lt;b&gt;');
    expect(chart.svg).not.toMatch(/<script/i);
    const seg = codesBySegmentChart(['new', 'returning'], [{ code: 'Trust', counts: [1, 2] }], 'By segment');
    expect(seg.svg).toContain('returning');
    expect(seg.height).toBeGreaterThan(0);
  });
});
