/**
 * A file's text a block at a time, the same text `decodeText` + `normalizeText` give for the
 * whole file (core/text/decode.ts), so a block-wise parser never holds the decoded file: an
 * 88 MB transcript is 176 MB as one JavaScript string (issue 8).
 *
 * UTF-8 (with or without a BOM) and UTF-16 (BOM or sniffed) are read in blocks: a first pass
 * checks the encoding and counts what makes a file binary, later passes decode again. A block
 * ends after a line break (a CR at its end waits for a possible LF), so line ends and NFC,
 * which never composes across a line break, are done per block. Everything else (UTF-32,
 * legacy encodings, bytes that are not what they seem) is decoded whole by decodeText, as
 * before, which also gives its refusals.
 */
import { isUtf8 } from 'node:buffer';
import {
  BINARY,
  countControls,
  DecodeError,
  decodeText,
  lineEnds,
  normalizeText,
  sniffUtf16,
  toNfc,
} from '../text/decode.js';
import type { ByteSource } from './source.js';

export interface TextBlocks {
  encoding: string;
  /** Only whitespace (the importers refuse such a file). */
  blank: boolean;
  /** The normalised text in order, a block at a time; each call decodes from the start again. */
  blocks(): Iterable<string>;
}

type Utf = 'utf-8' | 'utf-16le' | 'utf-16be';

class NotThisEncoding extends Error {}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** How many leading bytes of `bytes` are whole UTF-8 sequences (the rest waits for the next block). */
export function wholeUtf8(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && ((bytes[i] as number) & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return 0;
  const lead = bytes[i] as number;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + need > bytes.length ? i : bytes.length;
}

/** UTF-8 decoded by V8 straight into its strings (one byte a character where it can). */
function* utf8Strings(source: ByteSource, bom: boolean, check: boolean): Generator<string> {
  let skip = bom ? 3 : 0;
  let carry: Buffer | null = null;
  for (const block of source.blocks()) {
    let bytes: Uint8Array = carry ? Buffer.concat([carry, block]) : block;
    if (skip > 0) {
      const dropped = Math.min(skip, bytes.length);
      bytes = bytes.subarray(dropped);
      skip -= dropped;
    }
    const cut = wholeUtf8(bytes);
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, cut);
    if (check && !isUtf8(whole)) throw new NotThisEncoding();
    // The block may be reused by the source: keep a copy of the unfinished sequence.
    carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    if (cut > 0) yield whole.toString('utf8');
  }
  if (carry) {
    if (check) throw new NotThisEncoding();
    yield carry.toString('utf8');
  }
}

function* utf16Strings(source: ByteSource, encoding: 'utf-16le' | 'utf-16be', check: boolean): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: check, ignoreBOM: false });
  try {
    for (const block of source.blocks()) {
      const text = decoder.decode(block, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (err) {
    if (err instanceof TypeError) throw new NotThisEncoding();
    throw err;
  }
}

const decodedStrings = (source: ByteSource, utf: Utf, bom: boolean, check: boolean) =>
  utf === 'utf-8' ? utf8Strings(source, bom, check) : utf16Strings(source, utf, check);

/** decodeText's normalisation (BOM, line ends, NFC) on decoded strings, cut after line breaks. */
export function* normalised(strings: Iterable<string>): Generator<string> {
  let carry = '';
  let first = true;
  for (const s of strings) {
    let text = carry + s;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // A CR at the end may be half of a CRLF: it goes with the next block.
    const limit = text.endsWith('\r') ? text.length - 1 : text.length;
    const cut = limit === 0 ? 0 : Math.max(text.lastIndexOf('\n', limit - 1), text.lastIndexOf('\r', limit - 1)) + 1;
    carry = text.slice(cut);
    if (cut > 0) yield toNfc(lineEnds(text.slice(0, cut)));
  }
  if (carry) yield toNfc(lineEnds(carry));
}

/**
 * The file's text a block at a time; throws DecodeError where decodeText would. `source.size`
 * must be over 0 (an empty file is the caller's refusal).
 */
export function textBlocks(source: ByteSource): TextBlocks {
  const head = source.head(4096);
  let utf: Utf | null = null;
  let bom = false;
  if (!startsWith(head, [0xff, 0xfe, 0x00, 0x00]) && !startsWith(head, [0x00, 0x00, 0xfe, 0xff])) {
    if (startsWith(head, [0xef, 0xbb, 0xbf])) [utf, bom] = ['utf-8', true];
    else if (startsWith(head, [0xff, 0xfe])) utf = 'utf-16le';
    else if (startsWith(head, [0xfe, 0xff])) utf = 'utf-16be';
    else utf = sniffUtf16(head, source.size) ?? 'utf-8';
  }
  if (utf !== null) {
    const read = utf;
    let length = 0;
    let controls = 0;
    let nul = false;
    let blank = true;
    try {
      for (const s of decodedStrings(source, read, bom, true)) {
        length += s.length;
        controls += countControls(s);
        if (!nul && s.includes('\0')) nul = true;
        // Line ends, BOMs and NFC keep whitespace whitespace, so the raw text answers for the normalised.
        if (blank && /\S/.test(s)) blank = false;
      }
      if (nul || (controls > 0 && controls > length * 0.01)) throw new DecodeError(BINARY);
      return { encoding: read, blank, blocks: () => normalised(decodedStrings(source, read, bom, false)) };
    } catch (err) {
      if (!(err instanceof NotThisEncoding)) throw err;
    }
  }
  // Not what the head promised, UTF-32, or a legacy encoding: decodeText reads (or refuses) it whole.
  const decoded = decodeText(source.whole());
  const text = normalizeText(decoded.text);
  return { encoding: decoded.encoding, blank: text.trim().length === 0, blocks: () => [text] };
}
