/**
 * WebVTT (.vtt): Zoom, Teams, YouTube and most captioning tools. Parsed by the spec
 * algorithm (./webvtt/parse.ts); cue text loses its tags and entities (./webvtt/cueText.ts);
 * speakers come from `<v Name>` or `Name:`; consecutive cues of a speaker become one turn.
 * Refused: no WEBVTT signature, timing lines the spec would drop, no cues at all.
 */
import { documentFromPieces, type TimedPiece } from './cues.js';
import { extensionOf, titleFromFileName } from './names.js';
import { decodeOrRefuse } from './plainText.js';
import { type Importer, ImportRefusal } from './types.js';
import { cueRuns } from './webvtt/cueText.js';
import { parseWebVtt, WebVttError } from './webvtt/parse.js';

const SIGNATURE = /^(\uFEFF)?WEBVTT([ \t\r\n]|$)/;

/** WebVTT text: by extension, or by the signature whatever the file is called (.txt exports). */
export function looksLikeWebVtt(text: string): boolean {
  return SIGNATURE.test(text);
}

export function piecesOfVtt(text: string): TimedPiece[] {
  const pieces: TimedPiece[] = [];
  let file: ReturnType<typeof parseWebVtt>;
  try {
    // Cues become pieces as they are parsed: only their voice, text and times are kept.
    file = parseWebVtt(text, (cue) => {
      const startMs = Math.round(cue.startTime * 1000);
      const endMs = Math.round(cue.endTime * 1000);
      for (const run of cueRuns(cue.text)) {
        pieces.push({ voice: run.voice?.trim() || null, text: run.text, startMs, endMs });
      }
    });
  } catch (err) {
    if (err instanceof WebVttError) throw new ImportRefusal(err.message);
    throw err;
  }
  const bad = file.badTimings[0];
  if (bad) {
    throw new ImportRefusal(
      `line ${bad.line} ("${bad.text.slice(0, 60)}") is not a valid WebVTT cue timing (hh:mm:ss.ttt --> hh:mm:ss.ttt)` +
        (file.badTimings.length > 1 ? `, and ${file.badTimings.length - 1} more like it` : ''),
    );
  }
  const stray = file.strayText[0];
  if (stray) {
    throw new ImportRefusal(
      `the text at line ${stray.line} ("${stray.text.split('\n')[0]?.slice(0, 60)}") belongs to no cue — ` +
        'a blank line inside a cue ends it, so WebVTT players would drop this text',
    );
  }
  if (pieces.every((p) => p.text.trim() === '')) throw new ImportRefusal('it is a WebVTT file without any cue text');
  return pieces;
}

export const vttImporter: Importer = {
  format: 'vtt',
  version: '1',
  mediaType: 'text/vtt',
  detect(bytes, name) {
    if (extensionOf(name) === 'vtt') return true;
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 16));
    return ['txt', 'text', ''].includes(extensionOf(name)) && looksLikeWebVtt(head);
  },
  parse(bytes, name) {
    const text = decodeOrRefuse(bytes);
    return [documentFromPieces(titleFromFileName(name), piecesOfVtt(text))];
  },
};
