import { describe, expect, it } from 'vitest';
import { detectTurns } from '../../core/text/speakers.js';

const spoken = (text: string) => detectTurns(text).map((t) => [t.speaker, text.slice(t.start, t.end)]);

describe('detectTurns', () => {
  it('finds Name: lines and gives offsets of the spoken text', () => {
    const text = 'Interviewer: How was it?\nP1: Fine.\nIt took long though.\n\nInterviewer: Why?\nP1: Forms.';
    expect(spoken(text)).toEqual([
      ['Interviewer', 'How was it?'],
      ['P1', 'Fine.\nIt took long though.'],
      ['Interviewer', 'Why?'],
      ['P1', 'Forms.'],
    ]);
    expect(detectTurns(text)[1]?.lineStart).toBe(text.indexOf('P1:'));
  });

  it('accepts the full-width colon without a space, CJK, Arabic and Hebrew names', () => {
    const text = '张伟：我觉得付款太慢了。\n李娜：同意。\n张伟：是的。';
    expect(spoken(text)).toEqual([
      ['张伟', '我觉得付款太慢了。'],
      ['李娜', '同意。'],
      ['张伟', '是的。'],
    ]);
    const rtl = 'مريم: الدفع كان سهلا\nדנה: לא הסכמתי\nمريم: لماذا؟';
    expect(spoken(rtl).map(([s]) => s)).toEqual(['مريم', 'דנה', 'مريم']);
  });

  it('keeps emoji and surrogate pairs intact in turn text', () => {
    const text = 'Anna: 👍🏽 great\nBen: 🎉 yes\nAnna: ok';
    expect(spoken(text)[0]).toEqual(['Anna', '👍🏽 great']);
  });

  it('reads times before or after the name as start times', () => {
    const text = '[00:01:05] Anna: Hello\n00:02:10.5 Ben: Hi\nAnna (00:03:00): Bye';
    const turns = detectTurns(text);
    expect(turns.map((t) => [t.speaker, t.startMs])).toEqual([
      ['Anna', 65_000],
      ['Ben', 130_500],
      ['Anna', 180_000],
    ]);
    expect(text.slice(turns[1]?.start, turns[1]?.end)).toBe('Hi');
  });

  it('reads [label] lines (QualCoder style) when labels recur', () => {
    const text = '[id1] hello\n\n[id2] hi\n\n[id1] again';
    expect(spoken(text)).toEqual([
      ['id1', 'hello'],
      ['id2', 'hi'],
      ['id1', 'again'],
    ]);
  });

  it('ignores metadata, URLs, clock times and one-off labels', () => {
    expect(detectTurns('Note: 12:30 we started late.\nSee https://example.com for details.')).toEqual([]);
    expect(detectTurns('Date: 3 May\nLocation: Berlin\nDate: 4 May')).toEqual([]);
    expect(detectTurns('12:30: lunch\n12:30: lunch')).toEqual([]);
    expect(detectTurns('My conclusion: people hate forms.')).toEqual([]);
    const text = 'Date: 3 May\nAnna: hi\nBen: hello\nAnna: bye';
    expect(spoken(text).map(([s]) => s)).toEqual(['Anna', 'Ben', 'Anna']);
  });

  it('does not take a long sentence ending in a colon as a name', () => {
    const long = 'This is a sentence that goes on far too long to be a name: yes';
    expect(detectTurns(`${long}\n${long}`)).toEqual([]);
  });
});
