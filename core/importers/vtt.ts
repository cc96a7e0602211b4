import { LARGE_FILE_BYTES, releaseGarbage } from '../memory.js';
/**
 * WebVTT (.vtt): Zoom, Teams, YouTube and most captioning tools. Parsed by the spec
 * algorithm (./webvtt/parse.ts); cue text loses its tags and entities (./webvtt/cueText.ts);
 * speakers come from `<v Name>` or `Name:`; consecutive cues of a speaker become one turn.
 * Refused: no WEBVTT signature, timing lines the spec would drop, no cues at all.
 */
import { countLabel, type LabelCounts, labelPiece, TranscriptBuilder } from './cues.js';
import { extensionOf, titleFromFileName } from './names.js';
import { textBlocksOrRefuse } from './plainText.js';
import { memorySource } from './source.js';
import { type BlockImporter, ImportRefusal } from './types.js';
import { cueRuns } from './webvtt/cueText.js';
import { type VttFile, WebVttError, WebVttParser } from './webvtt/parse.js';

const SIGNATURE = /^(\uFEFF)?WEBVTT([ \t\r\n]|$)/;

/** WebVTT text: by extension, or by the signature whatever the file is called (.txt exports). */
export function looksLikeWebVtt(text: string): boolean {
  return SIGNATURE.test(text);
}

/** Each cue's runs as (voice, text, times), the file read a block at a time; its refusals are thrown once parsing ends. */
function eachPiece(
  blocks: () => Iterable<string>,
  visit: (voice: string | null, text: string, startMs: number, endMs: number) => void,
) {
  let file: VttFile;
  try {
    const parser = new WebVttParser((cue) => {
      const startMs = Math.round(cue.startTime * 1000);
      const endMs = Math.round(cue.endTime * 1000);
      for (const run of cueRuns(cue.text)) visit(run.voice?.trim() || null, run.text, startMs, endMs);
    });
    for (const block of blocks()) parser.push(block);
    file = parser.end();
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
}

/**
 * The transcript, the file read twice a block at a time instead of holding it or its cues
 * (issue 8: a million cues took over a gigabyte): the first pass counts `Name:` labels (a label
 * is trusted when it recurs), the second feeds each cue to the transcript as it is parsed.
 */
export function transcriptOfVtt(blocks: () => Iterable<string>): TranscriptBuilder {
  const counts: LabelCounts = new Map();
  let anyText = false;
  eachPiece(blocks, (voice, t) => {
    countLabel(counts, voice, t);
    if (!anyText && t.trim() !== '') anyText = true;
  });
  if (!anyText) throw new ImportRefusal('it is a WebVTT file without any cue text');
  const builder = new TranscriptBuilder();
  eachPiece(blocks, (voice, t, startMs, endMs) => {
    const labelled = labelPiece(counts, voice, t);
    builder.add(labelled.speaker, labelled.text, startMs, endMs);
  });
  return builder;
}

export const vttImporter = {
  format: 'vtt',
  version: '1',
  mediaType: 'text/vtt',
  detect(bytes, name) {
    if (extensionOf(name) === 'vtt') return true;
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 16));
    return ['txt', 'text', ''].includes(extensionOf(name)) && looksLikeWebVtt(head);
  },
  parse(bytes, name) {
    return this.parseSource(memorySource(bytes), name);
  },
  parseSource(source, name) {
    const builder = transcriptOfVtt(textBlocksOrRefuse(source));
    // The parse's garbage goes before the document text is joined beside the turn texts.
    if (source.size >= LARGE_FILE_BYTES) releaseGarbage();
    return [builder.finish(titleFromFileName(name))];
  },
} satisfies BlockImporter;
