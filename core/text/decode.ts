/**
 * Turns imported bytes into text. In order of trust:
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
 * 2. BOM-less UTF-16 (the zero-byte pattern of mostly-Latin text);
 * 3. valid UTF-8 (by far the most common; legacy encodings rarely happen to be valid UTF-8);
 * 4. a legacy encoding guessed by chardet (GB18030/GBK, Big5, Shift_JIS, EUC-JP, EUC-KR,
 *    KOI8-R, Windows-125x, ISO-8859-x) and decoded by iconv-lite — accepted only when the
 *    guess decodes cleanly; otherwise Windows-1252, which maps every byte.
 * Binary content is refused with a reason the researcher can act on.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export class DecodeError extends Error {}

/** The encoding a text was read in, lower-case as iconv-lite names it (e.g. 'utf-8', 'gb18030', 'shift_jis'). */
export type Encoding = string;

export interface Decoded {
  text: string;
  encoding: Encoding;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a BOM: text in Latin scripts has a zero in every other byte. `bytes` may be the
 * file's head (4 KB are sampled); `length` is the whole file's.
 */
export function sniffUtf16(bytes: Uint8Array, length = bytes.length): 'utf-16le' | 'utf-16be' | null {
  if (length < 4 || length % 2 !== 0) return null;
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
export function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) n++;
  }
  return n;
}

export const BINARY = 'it looks like a binary file, not text';

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  if (encoding === 'utf-8') return decodeUtf8(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Strict UTF-8 (as TextDecoder's fatal mode: no overlongs, surrogates or stray bytes), decoded by
 * V8 straight into its string: TextDecoder went through a UTF-16 buffer first, so a large file
 * briefly cost four times its size (issue 8: an 88 MB transcript peaked there).
 */
function decodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
}

/** UTF-32 is rare but legal (the pysrt fixtures have it); iconv-lite reads it. */
function decodeUtf32(bytes: Uint8Array, encoding: 'utf-32le' | 'utf-32be'): string {
  if ((bytes.length - 4) % 4 !== 0)
    throw new DecodeError(`it claims to be ${encoding.toUpperCase()} but its length is not a multiple of 4 bytes`);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 4, bytes.byteLength - 4), encoding);
  if (text.includes('\uFFFD'))
    throw new DecodeError(`it claims to be ${encoding.toUpperCase()} but is not valid ${encoding}`);
  return text;
}

/** chardet's names → iconv-lite's, for the encodings we are willing to trust. */
const LEGACY: Record<string, string> = {
  gb18030: 'gb18030',
  big5: 'big5',
  shift_jis: 'shift_jis',
  'euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
  'koi8-r': 'koi8-r',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'iso-8859-1': 'windows-1252',
  'iso-8859-2': 'iso-8859-2',
  'iso-8859-5': 'iso-8859-5',
  'iso-8859-6': 'iso-8859-6',
  'iso-8859-7': 'iso-8859-7',
  'iso-8859-8': 'iso-8859-8',
  'iso-8859-9': 'iso-8859-9',
};
const MULTIBYTE = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

/** Characters that a wrong single-byte guess typically produces: C1 controls and odd symbols. */
function implausible(text: string): number {
  return text.match(/[\u0080-\u009f\ufffd¤¦¨¬¯°±²³´µ¶·¸¹º¼½¾×÷]/g)?.length ?? 0;
}

/** The best legacy reading of bytes that are not UTF-8. */
function decodeLegacy(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const guesses = chardet.analyse(bytes);
  for (const guess of guesses) {
    const encoding = LEGACY[guess.name.toLowerCase()];
    if (!encoding) continue;
    const multibyte = MULTIBYTE.has(encoding);
    // Multi-byte guesses are reliable when confident; single-byte ones are weak on short text.
    if (guess.confidence < (multibyte ? 50 : 30)) continue;
    const text = iconv.decode(buffer, encoding);
    const bad = multibyte ? (text.match(/\ufffd/g)?.length ?? 0) : implausible(text);
    if (bad <= Math.max(1, text.length * 0.001)) return { text, encoding };
  }
  // Windows-1252 is what most older Western exports are. It leaves five bytes undefined (read as
  // U+FFFD), and a wrong reading shows as C1 controls and odd symbols: either means the bytes are
  // not text in any encoding we know, and storing them would store mojibake.
  const text = iconv.decode(buffer, 'windows-1252');
  const undefinedBytes = text.match(/\ufffd/g)?.length ?? 0;
  if (undefinedBytes > 0 || implausible(text) > Math.max(2, text.length * 0.01)) {
    throw new DecodeError(
      'its bytes are not valid UTF-8 and no other encoding reads them as text (it may be damaged, or not a text file); save it as UTF-8 and import it again',
    );
  }
  return { text, encoding: 'windows-1252' };
}

export function decodeText(bytes: Uint8Array): Decoded {
  let decoded: Decoded;
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]))
    decoded = { text: decodeUtf32(bytes, 'utf-32le'), encoding: 'utf-32le' };
  else if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]))
    decoded = { text: decodeUtf32(bytes, 'utf-32be'), encoding: 'utf-32be' };
  else {
    let utf: 'utf-8' | 'utf-16le' | 'utf-16be' | null = null;
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) utf = 'utf-8';
    else if (startsWith(bytes, [0xff, 0xfe])) utf = 'utf-16le';
    else if (startsWith(bytes, [0xfe, 0xff])) utf = 'utf-16be';
    else utf = sniffUtf16(bytes);
    if (utf !== null) {
      const text = decodeStrict(bytes, utf);
      if (text === null)
        throw new DecodeError(`it claims to be ${utf.toUpperCase()} but is not valid ${utf.toUpperCase()}`);
      decoded = { text, encoding: utf };
    } else {
      if (bytes.includes(0)) throw new DecodeError(BINARY);
      const text = decodeStrict(bytes, 'utf-8');
      decoded = text !== null ? { text, encoding: 'utf-8' } : decodeLegacy(bytes);
    }
  }
  if (decoded.text.includes('\0')) throw new DecodeError(BINARY);
  const controls = countControls(decoded.text);
  if (controls > 0 && controls > decoded.text.length * 0.01) throw new DecodeError(BINARY);
  return decoded;
}

/** NFC, `\n` line ends, no BOM: the one form every stored document text has. */
export function normalizeText(text: string): string {
  return toNfc(lineEnds(text.replace(/^\uFEFF/, '')));
}

/** CRLF, CR and the Unicode line separators → `\n`. */
export function lineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029\u0085]/g, '\n');
}

const NFC_CHUNK = 1 << 20;

/**
 * NFC a line block at a time: V8 normalises through a copy of the whole string, so an 88 MB
 * transcript briefly cost 176 MB more (issue 8). A line break composes with nothing, so the
 * blocks normalise independently; text already in NFC (nearly all) is returned as it is.
 */
export function toNfc(text: string): string {
  if (text.length <= NFC_CHUNK) return text.normalize('NFC');
  let out: string[] | null = null;
  for (let from = 0; from < text.length; ) {
    const next = text.indexOf('\n', Math.min(text.length, from + NFC_CHUNK));
    const to = next === -1 ? text.length : next;
    const block = text.slice(from, to);
    const normal = block.normalize('NFC');
    if (out === null && normal !== block) out = [text.slice(0, from)];
    if (out !== null) out.push(normal);
    from = to;
  }
  return out === null ? text : out.join('');
}
