/** The speaker-line shapes of common transcript exports. */
import { describe, expect, it } from 'vitest';
import { detectTurns } from '../../core/text/speakers.js';

const turns = (text: string) =>
  detectTurns(text).map((t) => ({
    speaker: t.speaker,
    said: text.slice(t.start, t.end),
    startMs: t.startMs,
    endMs: t.endMs,
  }));

describe('detectTurns: export shapes', () => {
  it('reads Otter header lines with the speech below and ends each turn at the next start', () => {
    const text = [
      'Speaker 1  0:03',
      'So how do you usually pay?',
      '',
      'Speaker 2  0:07',
      'Mostly with my phone.',
      'Sometimes cash.',
      '',
      'Speaker 1  1:02:15',
      'Why?',
    ].join('\n');
    expect(turns(text)).toEqual([
      { speaker: 'Speaker 1', said: 'So how do you usually pay?', startMs: 3000, endMs: 7000 },
      { speaker: 'Speaker 2', said: 'Mostly with my phone.\nSometimes cash.', startMs: 7000, endMs: 3_735_000 },
      { speaker: 'Speaker 1', said: 'Why?', startMs: 3_735_000, endMs: null },
    ]);
  });

  it('reads Teams-style "Name (00:01:02)" header lines with non-Latin names', () => {
    const text =
      'Ana Souza (00:00:05)\nOlá, tudo bem?\nJoão Lima (00:00:09)\nTudo ótimo 👍\nAna Souza (00:00:12)\nQue bom.';
    expect(turns(text).map((x) => [x.speaker, x.said, x.startMs])).toEqual([
      ['Ana Souza', 'Olá, tudo bem?', 5000],
      ['João Lima', 'Tudo ótimo 👍', 9000],
      ['Ana Souza', 'Que bom.', 12000],
    ]);
  });

  it('reads Zoom "[00:01:02] Name:" and "00:01:02 Name:" lines with times', () => {
    const zoom = '[00:00:01] Moderator: Welcome.\n[00:00:04] P07: Thanks.\n[00:01:00.500] Moderator: Let us start.';
    expect(turns(zoom)).toEqual([
      { speaker: 'Moderator', said: 'Welcome.', startMs: 1000, endMs: 4000 },
      { speaker: 'P07', said: 'Thanks.', startMs: 4000, endMs: 60_500 },
      { speaker: 'Moderator', said: 'Let us start.', startMs: 60_500, endMs: null },
    ]);
    const teams = '00:00:01 李娜: 你好\n00:00:03 Tom: Hi\n00:00:05 李娜: 再见';
    expect(turns(teams).map((x) => [x.speaker, x.said, x.startMs])).toEqual([
      ['李娜', '你好', 1000],
      ['Tom', 'Hi', 3000],
      ['李娜', '再见', 5000],
    ]);
  });

  it('reads the full-width colon in Japanese', () => {
    expect(turns('司会：こんにちは\n佐藤：よろしく\n司会：では').map((x) => x.speaker)).toEqual([
      '司会',
      '佐藤',
      '司会',
    ]);
  });

  it('does not take a single "Title 10:30" line or prose with times for speakers', () => {
    expect(detectTurns('Meeting 10:30\nWe talked about the roadmap and lunch at 12:00.\n')).toEqual([]);
    expect(detectTurns('The bus left at 10:30\nand we arrived at 11:45\n')).toEqual([]);
  });
});
