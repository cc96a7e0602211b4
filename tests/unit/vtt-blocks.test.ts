/**
 * The block-wise WebVTT path (issue 8): the file is decoded (core/importers/textBlocks.ts) and
 * parsed (WebVttParser) a block at a time, from memory or from disk. Every block size, down to
 * one byte, must give the transcript the whole file gives: cues, CRLFs and multi-byte
 * characters cut by a block boundary, UTF-16, and the refusals.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource, memorySource } from '../../core/importers/source.js';
import { textBlocks, wholeUtf8 } from '../../core/importers/textBlocks.js';
import type { ParsedDocument } from '../../core/importers/types.js';
import { vttImporter } from '../../core/importers/vtt.js';
import { parseWebVtt, WebVttParser } from '../../core/importers/webvtt/parse.js';
import { decodeText, normalizeText } from '../../core/text/decode.js';
import { SHARED_DATA } from '../shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'quarry-vtt-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VTT = [
  'WEBVTT - a call',
  '',
  'NOTE recorded on the phone',
  '',
  '1',
  '00:00:01.000 --> 00:00:02.500',
  '<v Ada Lovelace-Byron>配送が遅れました 😀',
  'and the card was declined',
  '',
  '00:00:03.000 --> 00:00:04.000',
  '<v Ada Lovelace-Byron>again',
  '',
  '00:00:04.000 --> 00:00:05.000',
  'Ben: café e\u0301 — מה קרה?',
  '',
  '00:00:06.000 --> 00:00:07.000',
  'Ben: I see',
  '',
].join('\n');

const EXPECTED_TEXT =
  'Ada Lovelace-Byron: 配送が遅れました 😀 and the card was declined again\n\nBen: café é — מה קרה? I see';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

function bySizes(bytes: Uint8Array, sizes: Iterable<number>): ParsedDocument[][] {
  return [...sizes].map((size) => vttImporter.parseSource(memorySource(bytes, size), 'call.vtt'));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('WebVTT read a block at a time', () => {
  it('gives the whole file’s transcript at every block size, cues cut anywhere', () => {
    const whole = vttImporter.parse(utf8(VTT), 'call.vtt');
    const [doc] = whole;
    expect(doc?.text).toBe(EXPECTED_TEXT);
    expect(doc?.turns.map((t) => [t.speaker, t.startMs, t.endMs])).toEqual([
      ['Ada Lovelace-Byron', 1000, 4000],
      ['Ben', 4000, 7000],
    ]);
    for (const result of bySizes(utf8(VTT), range(1, 40))) expect(result).toEqual(whole);
  });

  it('joins a CRLF cut between two blocks into one line end', () => {
    const crlf = utf8(VTT.replace(/\n/g, '\r\n'));
    const whole = vttImporter.parse(utf8(VTT), 'call.vtt');
    // Every cut, so some fall between a CR and its LF (a lone CR would make an extra blank line and split a cue).
    const cuts = range(1, 24);
    expect(cuts.some((size) => crlf[size - 1] === 0x0d)).toBe(true);
    for (const result of bySizes(crlf, cuts)) expect(result).toEqual(whole);
    const blocks = [...textBlocks(memorySource(crlf, 7)).blocks()];
    expect(blocks.join('')).not.toContain('\r');
    expect(blocks.every((b, i) => i === blocks.length - 1 || b.endsWith('\n'))).toBe(true);
  });

  it('decodes a multi-byte UTF-8 character cut between blocks (CJK, emoji, a combining accent)', () => {
    const bytes = utf8(VTT);
    const emoji = bytes.indexOf(Buffer.from('😀'));
    // A block boundary inside the four bytes of 😀, and one inside each three-byte kana.
    expect(wholeUtf8(bytes.subarray(0, emoji + 2))).toBe(emoji);
    expect(wholeUtf8(bytes.subarray(0, emoji + 4))).toBe(emoji + 4);
    const text = [...textBlocks(memorySource(bytes, 3)).blocks()].join('');
    expect(text).toContain('配送が遅れました 😀');
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('café é'); // NFC across the cut
    const [doc] = vttImporter.parseSource(memorySource(bytes, emoji + 2), 'call.vtt');
    expect(doc?.text).toBe(EXPECTED_TEXT);
  });

  it('reads UTF-16 (BOM, and without one) in blocks, surrogate pairs cut in half included', () => {
    const whole = vttImporter.parse(utf8(VTT), 'call.vtt');
    const le = utf16le(VTT);
    expect(textBlocks(memorySource(le, 5)).encoding).toBe('utf-16le');
    for (const result of bySizes(le, range(1, 12))) expect(result).toEqual(whole);
    const be = Buffer.from(Buffer.from(VTT, 'utf16le')).swap16();
    expect(bySizes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), [3, 64])).toEqual([whole, whole]);
    expect(bySizes(Buffer.from(VTT, 'utf16le'), [1, 9])).toEqual([whole, whole]);
  });

  it('reads a file from disk a block at a time, as from memory', () => {
    const path = join(dir, 'call.vtt');
    writeFileSync(path, utf16le(VTT.replace(/\n/g, '\r\n')));
    const whole = vttImporter.parse(utf8(VTT), 'call.vtt');
    for (const size of [1, 2, 11, 1 << 20]) {
      expect(
        vttImporter.parseSource(fileSource(path, utf16le(VTT.replace(/\n/g, '\r\n')).length, size), 'call.vtt'),
      ).toEqual(whole);
    }
  });

  it('refuses as the whole file does: the line of a bad timing, stray text, a binary file, not WebVTT', () => {
    const badTiming = utf8(`${VTT}\n00:00:08 --> 00:00:09.000\nlost\n`);
    const stray = utf8(`${VTT}\nnobody's text\n`);
    const binary = utf8(VTT.replace(/e/g, '\u0001'));
    const notVtt = utf8(`WEBVTTX\n\n${VTT}`);
    for (const bytes of [badTiming, stray, binary, notVtt]) {
      let whole = '';
      try {
        vttImporter.parse(bytes, 'call.vtt');
      } catch (err) {
        whole = (err as Error).message;
      }
      expect(whole).not.toBe('');
      for (const size of [1, 4, 16]) {
        expect(() => vttImporter.parseSource(memorySource(bytes, size), 'call.vtt')).toThrow(whole);
      }
    }
    expect(() => vttImporter.parseSource(memorySource(badTiming, 3), 'call.vtt')).toThrow(/^line 19 \("00:00:08 -->/);
  });

  it('parses the same cues however the text is pushed (the WPT-checked parser, fed in pieces)', () => {
    const text = `${VTT.replace(/\n/g, '\r\n')}\r\nSTYLE\r\n::cue {}\r\n`;
    const whole = parseWebVtt(text);
    for (const size of [1, 2, 3, 17]) {
      const parser = new WebVttParser();
      for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
      expect(parser.end()).toEqual(whole);
    }
    expect(whole.cues.map((c) => c.id)).toEqual(['1', '', '', '']);
  });

  describe('every file in ../shared/data', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    const files = walk(SHARED_DATA).filter((path) => statSync(path).size > 0 && statSync(path).size < 5e6);
    const outcome = (f: () => unknown) => {
      try {
        return f();
      } catch (err) {
        return `refused: ${(err as Error).message}`;
      }
    };

    it('decodes to the text (or the refusal) decodeText gives for the whole file, at any block size', () => {
      expect(files.length).toBeGreaterThan(100);
      for (const path of files) {
        const bytes = readFileSync(path);
        const whole = outcome(() => normalizeText(decodeText(bytes).text));
        for (const size of [1, 3, 4096]) {
          expect(
            outcome(() => [...textBlocks(memorySource(bytes, size)).blocks()].join('')),
            `${path} @${size}`,
          ).toEqual(whole);
        }
      }
    });

    it('imports each subtitle and text file as WebVTT to the same transcript (or refusal) at any block size', () => {
      for (const path of files.filter((p) => /\.(vtt|srt|txt)$/i.test(p))) {
        const bytes = readFileSync(path);
        const whole = outcome(() => vttImporter.parse(bytes, 'x.vtt'));
        for (const size of [1, 5, 64]) {
          expect(
            outcome(() => vttImporter.parseSource(memorySource(bytes, size), 'x.vtt')),
            `${path} @${size}`,
          ).toEqual(whole);
        }
      }
    });
  });
});
