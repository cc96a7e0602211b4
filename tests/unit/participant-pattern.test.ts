import { describe, expect, it } from 'vitest';
import { labelFromFileName, participantPattern, regexRisk } from '../../core/contract/fileLabel.js';

describe('participant patterns cannot hang an import (ReDoS)', () => {
  it.each([
    'p(\\d+)',
    '^(P\\d+)_',
    '(\\w+)-interview',
    '(?:p|P)(\\d+)',
    'a{2,}b{3}',
    '(ab){2,5}',
    '[(+]+x',
    '\\(a+\\)+',
    '(p(\\d+))_x',
  ])('accepts the everyday pattern %s', (source) => {
    expect(regexRisk(source)).toBeNull();
    expect(participantPattern(source)).toBeInstanceOf(RegExp);
  });

  it.each([
    ['(a+)+$', /repeats a group/],
    ['(a|ab)*c', /repeats a group/],
    ['((a+)b)+', /repeats a group/],
    ['(a{2,})+', /repeats a group/],
    ['(.*)\\1', /back-reference/],
    ['(?<x>a)\\k<x>', /back-reference/],
    ['.*.*.*.*x', /more than 3 unbounded/],
  ])('refuses %s, naming why', (source, why) => {
    expect(regexRisk(source)).toMatch(why);
    const compiled = participantPattern(source);
    expect(compiled).toEqual({ error: expect.stringMatching(/could take forever.*simpler pattern/) });
  });

  it('matches only the first 120 characters of a long file name', () => {
    const long = `${'x'.repeat(150)}P07.txt`;
    expect(labelFromFileName(long, /P(\d+)/iu)).toBeNull();
    expect(labelFromFileName('interview-P07-final.docx', /P(\d+)/iu)).toBe('07');
  });
});
