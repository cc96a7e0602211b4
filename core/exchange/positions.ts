/**
 * REFI-QDA positions ↔ Quarry offsets. The standard counts Unicode code points in the source
 * file as written (after its BOM, with its CRLF line ends); NVivo counts UTF-16 code units
 * instead. Quarry stores the text in NFC with `\n` line ends and counts UTF-16 units. The
 * text is normalised one cluster at a time (a character with its marks — NFC never composes
 * across two — and CRLF as one), so every cluster boundary of the file maps exactly to one
 * of the stored text; a position inside a cluster that normalisation changed has no
 * exact place and is reported, never moved. Positions inside a cluster NFC left alone (a
 * ZWJ emoji sequence, a base letter before its unchanged mark) map one to one.
 */

export type PositionUnit = 'codepoint' | 'utf16';

export interface MappedText {
  /** The stored form: NFC, `\n` line ends, no BOM. */
  text: string;
  /** The file's length in the given unit. */
  length(unit: PositionUnit): number;
  /**
   * The UTF-16 offset in `text` of a position counted in `unit` in the file; 'outside' past
   * either end, 'split' inside a character that normalisation changed (or inside a
   * surrogate pair).
   */
  offset(position: number, unit: PositionUnit): number | 'outside' | 'split';
}

const LINE_BREAK = /^(\r\n|\r|\u2028|\u2029|\u0085)$/;

/**
 * A cluster: CR LF; a character with the marks, ZWJ-joined characters, emoji modifiers and
 * Hangul vowel/final jamo that follow it; or marks with nothing before them. NFC composes a
 * character only with a following mark or jamo, so it never composes across two clusters.
 * (A regular expression, not Intl.Segmenter, which V8 runs far too slowly on long texts.)
 */
const CLUSTER = /\r\n|[^\p{M}](?:\p{M}|\u200D[^\p{M}]|[\u{1F3FB}-\u{1F3FF}\u1160-\u11FF\uD7B0-\uD7FF])*|\p{M}+/gsu;

/** Characters NFC leaves alone on their own: below U+0300, kana and CJK, Hangul syllables. */
const stable = (c: number) => c < 0x300 || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);

/** Maps positions of `raw` (a decoded file, BOM included or not) into its stored form. */
export function mapText(raw: string): MappedText {
  const source = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  // -1 marks a position with no exact place in the stored text.
  const toStored = new Int32Array(source.length + 1).fill(-1);
  const parts: string[] = [];
  let stored = 0;
  for (const match of source.matchAll(CLUSTER)) {
    const segment = match[0];
    const index = match.index;
    const normal =
      segment.length === 1 && stable(segment.charCodeAt(0)) && segment !== '\r' && segment !== '\u0085'
        ? segment
        : LINE_BREAK.test(segment)
          ? '\n'
          : segment.normalize('NFC');
    toStored[index] = stored;
    if (normal === segment) {
      for (let i = 1; i < segment.length; i++) toStored[index + i] = stored + i;
    } else if (segment === '\r\n') {
      // Between CR and LF: the line's text ends here, at the stored "\n".
      toStored[index + 1] = stored;
    }
    parts.push(normal);
    stored += normal.length;
  }
  toStored[source.length] = stored;
  // A position between the halves of a surrogate pair splits a character.
  for (let i = 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && (source.charCodeAt(i - 1) & 0xfc00) === 0xd800) toStored[i] = -1;
  }
  // Code point index → UTF-16 index in the file.
  const cpToUnit: number[] = [];
  for (let i = 0; i < source.length; i++) {
    cpToUnit.push(i);
    const c = source.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  cpToUnit.push(source.length);
  const units = Int32Array.from(cpToUnit);

  return {
    text: parts.join(''),
    length: (unit) => (unit === 'utf16' ? source.length : units.length - 1),
    offset(position, unit) {
      if (!Number.isInteger(position) || position < 0) return 'outside';
      const unitIndex = unit === 'utf16' ? position : units[position];
      if (unitIndex === undefined || unitIndex > source.length) return 'outside';
      const at = toStored[unitIndex] ?? -1;
      return at < 0 ? 'split' : at;
    },
  };
}

/** Code point positions of UTF-16 offsets into `text` (for export); offsets must be in range. */
export function codePointCounter(text: string): (offset: number) => number {
  const prefix = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = n;
    const c = text.charCodeAt(i);
    // The low half of a pair does not start a code point.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800)) n++;
    else prefix[i] = n - 1;
  }
  prefix[text.length] = n;
  return (offset) => prefix[offset] ?? n;
}

/** Whitespace collapsed and trimmed, NFC; a trailing ellipsis (a truncated name) dropped. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Whether a selection's name is its text: producers (ATLAS.ti, NVivo) name a selection by its
 * first characters, cut with "…" or "...". A name that is a label ("Quotation 6:1") is not.
 */
export function nameMatches(name: string, text: string): boolean {
  const wanted = comparable(name);
  if (wanted === '') return false;
  const truncated = /(…|\.\.\.)$/u.test(wanted);
  const head = truncated ? wanted.replace(/(…|\.\.\.)$/u, '').trimEnd() : wanted;
  const have = comparable(text);
  return truncated ? head.length > 0 && have.startsWith(head) : have === head;
}

export type Placement =
  | { start: number; end: number; unit: PositionUnit }
  | { problem: 'outside' | 'split' | 'empty'; unit: PositionUnit };

function placeIn(mapped: MappedText, start: number, end: number, unit: PositionUnit): Placement {
  const s = mapped.offset(start, unit);
  const e = mapped.offset(end, unit);
  if (s === 'outside' || e === 'outside') return { problem: 'outside', unit };
  if (s === 'split' || e === 'split') return { problem: 'split', unit };
  if (e <= s) return { problem: 'empty', unit };
  return { start: s, end: e, unit };
}

/**
 * Places a selection counted in `unit` (what its producer is known to count). Where the
 * selection is named by its text and that text is found only when counting the other way,
 * the other count wins and `unit` says so, so the caller can report it.
 */
export function placeSelection(
  mapped: MappedText,
  start: number,
  end: number,
  unit: PositionUnit,
  name: string | null,
): Placement {
  const primary = placeIn(mapped, start, end, unit);
  const fits = (p: Placement) => 'start' in p && name !== null && nameMatches(name, mapped.text.slice(p.start, p.end));
  if (fits(primary)) return primary;
  const other = placeIn(mapped, start, end, unit === 'utf16' ? 'codepoint' : 'utf16');
  if (fits(other)) return other;
  return primary;
}
