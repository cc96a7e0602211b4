/** Shared by text-like importers: decode, normalise, refuse empty text, find turns. */
import { DecodeError, decodeText, normalizeText } from '../text/decode.js';
import { guessLanguage } from '../text/language.js';
import { detectTurns } from '../text/speakers.js';
import type { ByteSource } from './source.js';
import { textBlocks } from './textBlocks.js';
import { ImportRefusal, type ParsedDocument } from './types.js';

export function decodeOrRefuse(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ImportRefusal('the file is empty');
  try {
    const text = normalizeText(decodeText(bytes).text);
    if (text.trim().length === 0) throw new ImportRefusal('the file contains only whitespace');
    return text;
  } catch (err) {
    if (err instanceof DecodeError) throw new ImportRefusal(err.message);
    throw err;
  }
}

/** decodeOrRefuse a block at a time (./textBlocks.ts): the same refusals, the same text. */
export function textBlocksOrRefuse(source: ByteSource): () => Iterable<string> {
  if (source.size === 0) throw new ImportRefusal('the file is empty');
  try {
    const text = textBlocks(source);
    if (text.blank) throw new ImportRefusal('the file contains only whitespace');
    return () => text.blocks();
  } catch (err) {
    if (err instanceof DecodeError) throw new ImportRefusal(err.message);
    throw err;
  }
}

/** A document from finished text: turns detected from `Name:` lines. */
export function documentFromText(title: string, text: string): ParsedDocument {
  const detected = detectTurns(text);
  return {
    title,
    text,
    turns: detected.map(({ speaker, start, end, startMs, endMs }) => ({ speaker, start, end, startMs, endMs })),
    breaks: detected.map((t) => t.lineStart),
    kind: detected.length > 0 ? 'interview' : 'notes',
    language: guessLanguage(text),
  };
}
