/**
 * Turns imported bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM, or by
 * the zero-byte pattern when a BOM is missing), and Windows-1252 for legacy files that are not
 * valid UTF-8. Binary content is refused with a reason the researcher can act on.
 */

export class DecodeError extends Error {}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: text in Latin scripts has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): Encoding | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line feed, carriage return and form feed. */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) n++;
  }
  return n;
}

const BINARY = 'it looks like a binary file, not text';

function decodeStrict(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Windows-1252's 0x80–0x9F (Node's TextDecoder treats the label as Latin-1 and leaves C1 controls). */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

export function decodeText(bytes: Uint8Array): Decoded {
  let encoding: Encoding | null = null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = 'utf-8';
  else if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else encoding = sniffUtf16(bytes);

  let text: string | null;
  if (encoding !== null) {
    text = decodeStrict(bytes, encoding);
    if (text === null) throw new DecodeError(`it claims to be ${encoding.toUpperCase()} but is not valid ${encoding}`);
  } else {
    if (bytes.includes(0)) throw new DecodeError(BINARY);
    text = decodeStrict(bytes, 'utf-8');
    encoding = 'utf-8';
    if (text === null) {
      // Not UTF-8: most likely an older Windows/Mac export. Windows-1252 maps every byte.
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
    }
  }
  if (text.includes('\0')) throw new DecodeError(BINARY);
  const controls = countControls(text);
  if (controls > 0 && controls > text.length * 0.01) throw new DecodeError(BINARY);
  return { text, encoding };
}

/** NFC, `\n` line ends, no BOM: the one form every stored document text has. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\u0085]/g, '\n')
    .normalize('NFC');
}
