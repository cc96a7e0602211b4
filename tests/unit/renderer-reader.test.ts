/**
 * The reader's pure parts: splitting a document into turns/paragraphs and segments cut at
 * excerpt boundaries (offsets in UTF-16 code units), speaker colour slots, the codebook tree
 * and its fuzzy look-up.
 */
import { describe, expect, it } from 'vitest';
import type { Code, CodeId, DocumentId, Excerpt, ExcerptId } from '../../core/contract/index.js';
import { documentFromText } from '../../core/importers/plainText.js';
import { codeSearch, codeTree, exactCode } from '../../renderer/src/lib/codes.js';
import { blockRanges, buildBlocks, trimRange } from '../../renderer/src/lib/segments.js';
import { formatTimestamp, speakerSlots } from '../../renderer/src/lib/speakers.js';

function excerpt(id: number, start: number, end: number, color = '#112233', text = ''): Excerpt {
  return {
    id: id as ExcerptId,
    documentId: 1 as DocumentId,
    documentTitle: 'doc',
    start,
    end,
    text,
    codes: [{ id: id as CodeId, name: `code ${id}`, color }],
    participant: null,
    memo: null,
    coders: [],
  };
}

function code(id: number, name: string, parentId: number | null = null, position = 0): Code {
  return {
    id: id as CodeId,
    name,
    parentId: parentId as CodeId | null,
    parent: null,
    color: '#000000',
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    position,
    excerpts: 0,
    documents: 0,
    participants: 0,
  };
}

describe('blockRanges', () => {
  it('splits plain text into paragraphs on blank lines, trimming whitespace', () => {
    const text = '  First para\nstill first.\n\n\nSecond.  \n \nThird';
    const ranges = blockRanges({ text, turns: [] });
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['First para\nstill first.', 'Second.', 'Third']);
  });

  it('uses turns and drops the speaker labels between them, keeping other text', () => {
    const text = 'Preamble line\n\nAna: Hello there.\nBo: Hi.\n';
    const turns = [
      { speaker: 'Ana', start: 20, end: 32, startMs: null, endMs: null },
      { speaker: 'Bo', start: 37, end: 40, startMs: 1500, endMs: null },
    ];
    const ranges = blockRanges({ text, turns });
    expect(ranges.map((r) => [r.speaker, text.slice(r.start, r.end)])).toEqual([
      [null, 'Preamble line'],
      ['Ana', 'Hello there.'],
      ['Bo', 'Hi.'],
    ]);
    expect(ranges[2]?.startMs).toBe(1500);
  });
});

describe('buildBlocks', () => {
  it('cuts segments at every excerpt boundary and colours by the innermost excerpt', () => {
    const text = 'abcdefghij';
    const outer = excerpt(1, 1, 8, '#aa0000');
    const inner = excerpt(2, 3, 5, '#00bb00');
    const [block] = buildBlocks({ text, turns: [] }, [outer, inner]);
    expect(block?.segments.map((s) => [s.text, s.excerpts, s.color])).toEqual([
      ['a', [], null],
      ['bc', [1], '#aa0000'],
      ['de', [2, 1], '#00bb00'],
      ['fgh', [1], '#aa0000'],
      ['ij', [], null],
    ]);
    expect(block?.stripes.map((s) => s.code?.name)).toEqual(['code 1', 'code 2']);
  });

  it('keeps exact UTF-16 offsets with emoji and CJK, so segments re-assemble the text', () => {
    const text = 'a 🔥 b\n\n由紀：ほとんどスマホです。';
    const fire = text.indexOf('🔥');
    const cjk = text.indexOf('スマホ');
    const blocks = buildBlocks({ text, turns: [] }, [excerpt(1, fire, fire + 2), excerpt(2, cjk, cjk + 3)]);
    const coded = blocks.flatMap((b) => b.segments).filter((s) => s.excerpts.length > 0);
    expect(coded.map((s) => s.text)).toEqual(['🔥', 'スマホ']);
    for (const b of blocks) {
      expect(b.segments.map((s) => s.text).join('')).toBe(text.slice(b.start, b.end));
      for (const s of b.segments) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('marks the range being coded as pending without changing the text', () => {
    const [block] = buildBlocks({ text: 'hello world', turns: [] }, [], { start: 6, end: 11 });
    expect(block?.segments.map((s) => [s.text, s.pending])).toEqual([
      ['hello ', false],
      ['world', true],
    ]);
  });

  it('splits an excerpt that spans two turns across both blocks', () => {
    const text = 'A: one two\nB: three four\nA: five\nB: six';
    const turns = [
      { speaker: 'A', start: 3, end: 10, startMs: null, endMs: null },
      { speaker: 'B', start: 14, end: 24, startMs: null, endMs: null },
      { speaker: 'A', start: 28, end: 32, startMs: null, endMs: null },
      { speaker: 'B', start: 36, end: 39, startMs: null, endMs: null },
    ];
    const blocks = buildBlocks({ text, turns }, [excerpt(7, 7, 19)]);
    expect(blocks[0]?.segments.filter((s) => s.excerpts.length).map((s) => s.text)).toEqual(['two']);
    expect(blocks[1]?.segments.filter((s) => s.excerpts.length).map((s) => s.text)).toEqual(['three']);
    expect(blocks[2]?.stripes).toEqual([]);
  });
});

describe('trimRange', () => {
  it('drops surrounding whitespace and rejects blank selections', () => {
    const text = ' \n hello world \n';
    expect(trimRange(text, 0, text.length)).toEqual({ start: 3, end: 14 });
    expect(trimRange(text, 0, 3)).toBeNull();
  });
});

describe('speakers', () => {
  it('gives slots in order of first appearance, stable per name', () => {
    const slots = speakerSlots([
      { speaker: 'Interviewer' },
      { speaker: 'Tom' },
      { speaker: null },
      { speaker: 'Interviewer' },
      { speaker: 'Ana' },
    ]);
    expect([...slots.entries()]).toEqual([
      ['Interviewer', 0],
      ['Tom', 1],
      ['Ana', 2],
    ]);
  });

  it('formats media timestamps', () => {
    expect(formatTimestamp(83_000)).toBe('1:23');
    expect(formatTimestamp(3_723_000)).toBe('1:02:03');
  });
});

describe('codebook helpers', () => {
  const codes = [
    code(1, 'Payment', null, 1),
    code(2, 'Delivery', null, 0),
    code(3, 'Methods', 1, 0),
    code(4, 'Declines', 1, 1),
    code(5, 'Cost', 2, 0),
  ];

  it('orders the tree depth-first by position with paths', () => {
    expect(codeTree(codes).map((r) => [r.path, r.depth])).toEqual([
      ['Delivery', 0],
      ['Delivery › Cost', 1],
      ['Payment', 0],
      ['Payment › Methods', 1],
      ['Payment › Declines', 1],
    ]);
  });

  it('finds codes fuzzily and by exact name, case-insensitively', () => {
    const rows = codeTree(codes);
    const search = codeSearch(rows);
    expect(search('metods')[0]?.code.name).toBe('Methods');
    expect(search('').length).toBe(5);
    expect(exactCode(codes, ' cost ')?.id).toBe(5);
    expect(exactCode(codes, 'Costs')).toBeUndefined();
  });
});

describe('header-line transcripts (Otter, Teams)', () => {
  // Otter's .txt export: a "Speaker 1  0:03" line alone above each turn's speech.
  const otter = [
    'Speaker 1  0:03',
    'Thanks for joining. How do you pay for groceries?',
    '',
    'Speaker 2  0:09',
    'Mostly by card, sometimes with the app.',
    '',
    'Anna Souza  1:02:05',
    'I switched last year.',
    '',
    'Speaker 1  1:02:30',
    'Thank you!',
    '',
    '',
    'Transcribed by https://otter.ai',
    '',
  ].join('\n');

  it('shows each header line only as the turn’s speaker and time, never as a line of text', () => {
    const doc = documentFromText('otter', otter);
    const ranges = blockRanges({ text: otter, turns: doc.turns });
    expect(ranges.map((r) => [r.speaker, r.startMs, otter.slice(r.start, r.end)])).toEqual([
      ['Speaker 1', 3000, 'Thanks for joining. How do you pay for groceries?'],
      ['Speaker 2', 9000, 'Mostly by card, sometimes with the app.'],
      ['Anna Souza', 3725000, 'I switched last year.'],
      ['Speaker 1', 3750000, 'Thank you!'],
      // Otter's closing line is not the last speaker's words.
      [null, null, 'Transcribed by https://otter.ai'],
    ]);
  });

  it('reads three timed header lines as a transcript even when no speaker recurs', () => {
    const short = 'Speaker 1  0:03\nHi.\n\nSpeaker 2  0:09\nHello.\n\nSpeaker 3  0:15\nHey.';
    expect(documentFromText('short', short).turns.map((t) => [t.speaker, short.slice(t.start, t.end)])).toEqual([
      ['Speaker 1', 'Hi.'],
      ['Speaker 2', 'Hello.'],
      ['Speaker 3', 'Hey.'],
    ]);
    // Two timed lines in notes (an agenda) stay text.
    expect(documentFromText('agenda', 'Intro 9:00\nWelcome.\n\nBreak 10:30\nCoffee.').turns).toEqual([]);
  });

  it('keeps a paragraph before the first header, and bracketed Teams times', () => {
    const teams =
      'Meeting notes\n\nAnna Souza (00:00:05)\nHello.\n\nBo Li (00:00:12)\n\nHi there.\n\nAnna Souza (00:00:20)\nBye.';
    const doc = documentFromText('teams', teams);
    const ranges = blockRanges({ text: teams, turns: doc.turns });
    expect(ranges.map((r) => [r.speaker, teams.slice(r.start, r.end)])).toEqual([
      [null, 'Meeting notes'],
      ['Anna Souza', 'Hello.'],
      ['Bo Li', 'Hi there.'],
      ['Anna Souza', 'Bye.'],
    ]);
  });
});
