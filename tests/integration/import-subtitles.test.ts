/** .vtt and .srt through documents.import: files written here, and every shared fixture. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentId, ImportResult } from '../../core/contract/types.js';
import { SHARED_DATA } from '../shared-data.js';
import { file, newTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await newTestApp();
});
afterAll(() => t?.dispose());

async function importAll(files: { name: string; dataBase64: string }[]): Promise<ImportResult> {
  return t.call('documents.import', { files, duplicates: 'keep' });
}

async function importOne(name: string, content: string | Uint8Array): Promise<DocumentDetail> {
  const result = await importAll([file(name, content)]);
  expect(result.rejected).toEqual([]);
  return t.call('documents.get', { id: result.imported[0]?.documentIds[0] as DocumentId });
}

const said = (doc: DocumentDetail) =>
  doc.turns.map((x) => [x.speaker, doc.text.slice(x.start, x.end), x.startMs, x.endMs]);

describe('.vtt', () => {
  it('reads voices, merges consecutive cues of a speaker, and skips NOTE/STYLE/REGION blocks', async () => {
    const vtt = [
      'WEBVTT - Zoom meeting',
      '',
      'STYLE',
      '::cue(v[voice="Ana"]) { color: red }',
      '',
      'REGION',
      'id:top lines:2',
      '',
      'NOTE recorded 2024-03-01',
      'two lines of note',
      '',
      '1',
      '00:00:01.000 --> 00:00:03.500 align:start region:top',
      '<v Ana Souza>Olá! Tudo &amp; todos</v>',
      '',
      '2',
      '00:00:03.600 --> 00:00:05.000',
      '<v Ana Souza>bem-vindos 👋</v>',
      '',
      '00:00:05.200 --> 00:01:02.250 line:90%',
      '<v.loud João>Obrigado, <i>muito</i> obrigado<00:00:06.000> mesmo.',
      '',
      'NOTE between cues',
      '',
      '01:00:00.000 --> 01:00:02.000',
      '<v Ana Souza><b>Até</b> logo &lt;3',
    ].join('\r\n');
    const doc = await importOne('zoom.vtt', vtt);
    expect(said(doc)).toEqual([
      ['Ana Souza', 'Olá! Tudo & todos bem-vindos 👋', 1000, 5000],
      ['João', 'Obrigado, muito obrigado mesmo.', 5200, 62_250],
      ['Ana Souza', 'Até logo <3', 3_600_000, 3_602_000],
    ]);
    expect(doc.text).toBe(
      'Ana Souza: Olá! Tudo & todos bem-vindos 👋\n\nJoão: Obrigado, muito obrigado mesmo.\n\nAna Souza: Até logo <3',
    );
    expect(doc.format).toBe('vtt');
  });

  it('takes Name: prefixes as speakers, with RTL and CJK names, and a UTF-16 file', async () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:02.000\nמרים: שלום לכולם\n\n00:02.500 --> 00:04.000\n王芳：你好\n\n00:04.000 --> 00:05.000\nמרים: תודה';
    const doc = await importOne('rtl.vtt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(vtt, 'utf16le')]));
    expect(said(doc)).toEqual([
      ['מרים', 'שלום לכולם', 1000, 2000],
      ['王芳', '你好', 2500, 4000],
      ['מרים', 'תודה', 4000, 5000],
    ]);
  });

  it('reads a .txt that is really WebVTT (Teams export)', async () => {
    const doc = await importOne(
      'teams.txt',
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Kim>Hi</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Lee>Hello</v>\n',
    );
    expect(doc.format).toBe('vtt');
    expect(said(doc)).toEqual([
      ['Kim', 'Hi', 0, 2000],
      ['Lee', 'Hello', 2000, 3000],
    ]);
  });

  it('refuses files the spec says are not WebVTT, or whose text would be dropped, with the reason', async () => {
    const result = await importAll([
      file('nosig.vtt', '00:00:01.000 --> 00:00:02.000\nHello\n'),
      file('webvttx.vtt', 'WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHello\n'),
      file('badtime.vtt', 'WEBVTT\n\n00:00:01 --> 00:00:02.000\nHello\n'),
      file('stray.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n\n\nlost words\n'),
      file('nocues.vtt', 'WEBVTT\n\nNOTE only a note\n'),
    ]);
    expect(result.imported).toEqual([]);
    const reasons = Object.fromEntries(result.rejected.map((r) => [r.file, r.error]));
    expect(reasons['nosig.vtt']).toMatch(/does not start with "WEBVTT"/);
    expect(reasons['webvttx.vtt']).toMatch(/first line is "WEBVTTX"/);
    expect(reasons['badtime.vtt']).toMatch(/line 3 .*not a valid WebVTT cue timing/i);
    expect(reasons['stray.vtt']).toMatch(/line 7 .*belongs to no cue/i);
    expect(reasons['nocues.vtt']).toMatch(/without any cue text/);
  });
});

describe('.srt', () => {
  it('reads numbered cues with , separators, CRLF, styling, entities and speaker prefixes', async () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:02,500',
      'INTERVIEWER: <i>How</i> do you pay?',
      '',
      '2',
      '00:00:03,000 --> 00:00:04,000',
      'P07: {\\an8}Mostly by phone &amp; card.',
      '',
      '00:00:04,100 --> 00:00:06,000',
      'P07: Cash sometimes 💶',
      '',
    ].join('\r\n');
    const doc = await importOne('call.srt', iconv.encode(srt, 'utf-8', { addBOM: true }));
    expect(said(doc)).toEqual([
      ['INTERVIEWER', 'How do you pay?', 1000, 2500],
      ['P07', 'Mostly by phone & card. Cash sometimes 💶', 3000, 6000],
    ]);
  });

  it('reads Windows-1252 subtitles', async () => {
    const doc = await importOne(
      'fr.srt',
      iconv.encode('1\n00:00:01,000 --> 00:00:02,000\nÇa coûte 5 € — très cher.\n', 'windows-1252'),
    );
    expect(doc.text).toBe('Ça coûte 5 € — très cher.');
  });

  it('refuses a .srt without any timing, and one whose cues are empty', async () => {
    const result = await importAll([
      file('notes.srt', 'just some notes\nno timings here\n'),
      file('blank.srt', '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n   \n'),
    ]);
    expect(result.rejected.map((r) => [r.file, r.error])).toEqual([
      ['notes.srt', expect.stringMatching(/no SubRip cue timings/)],
      ['blank.srt', expect.stringMatching(/cues have no text/)],
    ]);
  });
});

describe('every subtitle fixture in ../shared/data imports or is refused with a reason', () => {
  const expected: Record<string, 'import' | RegExp> = {
    'srt/pysrt/bom-utf-8.srt': 'import',
    'srt/pysrt/bom-utf-16-le.srt': 'import',
    'srt/pysrt/bom-utf-16-be.srt': 'import',
    'srt/pysrt/bom-utf-32-le.srt': 'import',
    'srt/pysrt/no-indexes.srt': 'import',
    'srt/pysrt/empty.srt': 'import',
    'srt/pysrt/invalid.srt': 'import', // "00:00:01" without milliseconds: lenient, SubRip has no spec
    'srt/pysrt/capability_tester.srt': 'import',
    'srt/go-astisub/example-in.srt': 'import',
    'srt/go-astisub/example-out.srt': 'import',
    'srt/go-astisub/example-in-non-utf8.srt': 'import',
    'srt/go-astisub/example-in-styled.srt': 'import',
    'srt/go-astisub/example-out-styled.srt': 'import',
    'srt/go-astisub/example-in-carriage-return.srt': 'import',
    'srt/go-astisub/example-in-html-entities.srt': 'import',
    'srt/go-astisub/example-out-html-entities.srt': 'import',
    'srt/go-astisub/missing-sequence-in.srt': 'import',
    'webvtt/go-astisub/broken-1-in.vtt': /not a WebVTT file/,
    'webvtt/go-astisub/example-in.vtt': /line 29 .*not a valid WebVTT cue timing/i,
    'webvtt/go-astisub/example-in-non-utf8.vtt': /not a valid WebVTT cue timing/,
    'webvtt/go-astisub/example-out.vtt': 'import',
    'webvtt/go-astisub/example-in-carriage-return.vtt': 'import',
    'webvtt/go-astisub/example-in-html-entities.vtt': 'import',
    'webvtt/go-astisub/example-out-html-entities.vtt': 'import',
    'webvtt/go-astisub/example-out-styled.vtt': 'import',
    'webvtt/node-webvtt/malformed.vtt': /line 8 .*belongs to no cue/i,
  };
  const root = SHARED_DATA;
  const onDisk = ['srt/pysrt', 'srt/go-astisub', 'webvtt/go-astisub', 'webvtt/node-webvtt'].flatMap((d) =>
    readdirSync(join(root, d))
      .filter((n) => /\.(srt|vtt)$/.test(n))
      .map((n) => `${d}/${n}`),
  );

  it('covers every fixture', () => {
    expect(Object.keys(expected).sort()).toEqual(onDisk.sort());
  });

  for (const [path, outcome] of Object.entries(expected)) {
    it(path, async () => {
      const bytes = readFileSync(join(root, path));
      const result = await importAll([file(path.split('/').pop() as string, bytes)]);
      if (outcome === 'import') {
        expect(result.rejected).toEqual([]);
        const doc = await t.call('documents.get', { id: result.imported[0]?.documentIds[0] as DocumentId });
        expect(doc.text.length).toBeGreaterThan(0);
        expect(doc.text).not.toMatch(/<\/?[a-z]+[^>]*>|&amp;|&nbsp;|\{\\an8\}|-->/);
        expect(doc.turns.every((x) => x.startMs !== null && x.endMs !== null)).toBe(true);
      } else {
        expect(result.imported).toEqual([]);
        expect(result.rejected[0]?.error).toMatch(outcome);
      }
    });
  }

  it('reads the BOM variants of one pysrt file to the same text', async () => {
    const texts = [];
    for (const name of ['bom-utf-8.srt', 'bom-utf-16-le.srt', 'bom-utf-16-be.srt', 'bom-utf-32-le.srt']) {
      const r = await importAll([file(name, readFileSync(join(root, 'srt/pysrt', name)))]);
      texts.push((await t.call('documents.get', { id: r.imported[0]?.documentIds[0] as DocumentId })).text);
    }
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/^About 2 months ago I found myself on the comment section of YouTube/);
  });
});
