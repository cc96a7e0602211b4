/**
 * SubRip (.srt). There is no formal spec, so the parser is lenient where real files differ:
 * cue numbers may be missing or wrong, the millisecond separator may be `,` or `.`, with
 * 1–3 digits or none, hours may be omitted, blank lines may sit inside a cue, positions
 * (`X1:40 …`) after the timing are ignored. Styling (`<b>`, `<font>`, `{\an8}`) is removed and
 * HTML entities decoded. Speakers come from `Name:` prefixes, as in .vtt.
 * Refused: no cue timings at all, or no text in any cue.
 */
import { decodeHTML } from 'entities';
import { documentFromPieces, type TimedPiece } from './cues.js';
import { extensionOf, titleFromFileName } from './names.js';
import { decodeOrRefuse } from './plainText.js';
import { type Importer, ImportRefusal } from './types.js';

const TS = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[,.:](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^[ \t]*${TS}[ \t]*-->[ \t]*${TS}(?:[ \t].*)?$`);
const INDEX = /^[ \t]*\d+[ \t]*$/;

function ms(h: string | undefined, m: string | undefined, s: string | undefined, f: string | undefined): number {
  const fraction = f ? Number(f.padEnd(3, '0')) : 0;
  return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + fraction;
}

/** Styling tags, ASS override blocks and entities out; line breaks kept for the caller. */
export function srtPlainText(text: string): string {
  return decodeHTML(text.replace(/\{\\[^}]*\}/g, '').replace(/<\/?[a-zA-Z][^>]*>/g, ''));
}

export function looksLikeSrt(text: string): boolean {
  return text.split('\n', 40).some((line) => TIMING.test(line));
}

export function piecesOfSrt(text: string): TimedPiece[] {
  const lines = text.split('\n');
  const timings: number[] = [];
  lines.forEach((line, i) => {
    if (TIMING.test(line)) timings.push(i);
  });
  if (timings.length === 0) {
    throw new ImportRefusal('it has no SubRip cue timings (lines like "00:00:01,000 --> 00:00:04,000")');
  }
  const pieces: TimedPiece[] = [];
  timings.forEach((at, k) => {
    const m = TIMING.exec(lines[at] as string) as RegExpExecArray;
    const next = timings[k + 1] ?? lines.length;
    let body = lines.slice(at + 1, next);
    // The next cue's number (and the blank lines before it) belong to no cue's text.
    if (k + 1 < timings.length && body.length > 0 && INDEX.test(body[body.length - 1] as string))
      body = body.slice(0, -1);
    const cueText = srtPlainText(body.join('\n')).trim();
    if (!cueText) return;
    pieces.push({
      voice: null,
      text: cueText,
      startMs: ms(m[1], m[2], m[3], m[4]),
      endMs: ms(m[5], m[6], m[7], m[8]),
    });
  });
  if (pieces.length === 0) throw new ImportRefusal('its cues have no text');
  return pieces;
}

export const srtImporter: Importer = {
  format: 'srt',
  version: '1',
  mediaType: 'application/x-subrip',
  detect: (_bytes, name) => extensionOf(name) === 'srt',
  parse(bytes, name) {
    return [documentFromPieces(titleFromFileName(name), piecesOfSrt(decodeOrRefuse(bytes)))];
  },
};
