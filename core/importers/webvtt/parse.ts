/**
 * The WebVTT file parser, step for step after the W3C WebVTT parsing algorithm
 * (https://www.w3.org/TR/webvtt1/#file-parsing): signature, header, blocks (cues, STYLE,
 * REGION; NOTE and anything else is skipped), cue timings and settings, region settings.
 * It keeps what a text-track cue exposes, so it can be checked against the WPT conformance
 * files; the importer (../vtt.ts) then keeps only what a transcript needs.
 */

export class WebVttError extends Error {}

export interface VttRegion {
  id: string;
  width: number;
  lines: number;
  regionAnchorX: number;
  regionAnchorY: number;
  viewportAnchorX: number;
  viewportAnchorY: number;
  scroll: '' | 'up';
}

export interface VttCue {
  id: string;
  startTime: number;
  endTime: number;
  /** The raw cue text, tags and entities included (see ./cueText.ts). */
  text: string;
  region: VttRegion | null;
  vertical: '' | 'rl' | 'lr';
  snapToLines: boolean;
  line: number | 'auto';
  lineAlign: 'start' | 'center' | 'end';
  position: number | 'auto';
  positionAlign: 'line-left' | 'center' | 'line-right' | 'auto';
  size: number;
  align: 'start' | 'center' | 'end' | 'left' | 'right';
}

export interface VttFile {
  cues: VttCue[];
  /** Lines that look like cue timings but do not parse (the spec drops their cues silently). */
  badTimings: { line: number; text: string }[];
  /** Blocks of text after a cue that belong to none (not NOTE): the spec drops them. */
  strayText: { line: number; text: string }[];
  regions: VttRegion[];
  stylesheets: string[];
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/** A cursor over the input, as the spec's "position". */
class Cursor {
  pos = 0;
  constructor(readonly input: string) {}
  /** A method, not a getter, so TypeScript does not narrow it across `pos++`. */
  cur(): string | undefined {
    return this.input[this.pos];
  }
  get end(): boolean {
    return this.pos >= this.input.length;
  }
  collect(pred: (c: string) => boolean): string {
    const from = this.pos;
    while (this.pos < this.input.length && pred(this.input[this.pos] as string)) this.pos++;
    return this.input.slice(from, this.pos);
  }
  skipWs(): void {
    this.collect(isWs);
  }
}

/** A WebVTT timestamp in seconds, or null when it does not follow the syntax. */
function collectTimestamp(c: Cursor): number | null {
  let hoursFirst = false;
  if (c.end || !isDigit(c.cur())) return null;
  const s1 = c.collect(isDigit);
  let v1 = Number(s1);
  if (s1.length !== 2 || v1 > 59) hoursFirst = true;
  if (c.cur() !== ':') return null;
  c.pos++;
  const s2 = c.collect(isDigit);
  if (s2.length !== 2) return null;
  let v2 = Number(s2);
  let v3: number;
  if (hoursFirst || c.cur() === ':') {
    if (c.cur() !== ':') return null;
    c.pos++;
    const s3 = c.collect(isDigit);
    if (s3.length !== 2) return null;
    v3 = Number(s3);
  } else {
    v3 = v2;
    v2 = v1;
    v1 = 0;
  }
  if (c.cur() !== '.') return null;
  c.pos++;
  const s4 = c.collect(isDigit);
  if (s4.length !== 3) return null;
  if (v2 > 59 || v3 > 59) return null;
  return v1 * 3600 + v2 * 60 + v3 + Number(s4) / 1000;
}

/** "parse a percentage string": digits, optional fraction, "%", within 0–100. */
function parsePercentage(s: string): number | null {
  if (!/^\d+(\.\d+)?%$/.test(s)) return null;
  const n = Number.parseFloat(s.slice(0, -1));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

function settingsOf(s: string): [string, string][] {
  const out: [string, string][] = [];
  for (const token of s.split(/[ \t\n\f\r]+/)) {
    const colon = token.indexOf(':');
    if (colon <= 0 || colon === token.length - 1) continue;
    out.push([token.slice(0, colon), token.slice(colon + 1)]);
  }
  return out;
}

function parseLine(value: string, cue: VttCue): void {
  const comma = value.indexOf(',');
  const linepos = comma >= 0 ? value.slice(0, comma) : value;
  const linealign = comma >= 0 ? value.slice(comma + 1) : null;
  if (!/\d/.test(linepos)) return;
  let number: number;
  if (linepos.endsWith('%')) {
    const p = parsePercentage(linepos);
    if (p === null) return;
    number = p;
  } else {
    if (/[^-0-9.]/.test(linepos)) return;
    if (linepos.slice(1).includes('-')) return;
    const dots = linepos.split('.').length - 1;
    if (dots > 1) return;
    if (dots === 1) {
      const at = linepos.indexOf('.');
      if (at === 0 || at === linepos.length - 1 || !isDigit(linepos[at - 1]) || !isDigit(linepos[at + 1])) return;
    }
    number = Number.parseFloat(linepos);
    if (!Number.isFinite(number)) return;
  }
  let lineAlign: VttCue['lineAlign'] = cue.lineAlign;
  if (linealign === 'start' || linealign === 'center' || linealign === 'end') lineAlign = linealign;
  else if (linealign !== null) return;
  cue.lineAlign = lineAlign;
  cue.line = number;
  cue.snapToLines = !linepos.endsWith('%');
}

function parseCueSettings(s: string, cue: VttCue, regions: readonly VttRegion[]): void {
  for (const [name, value] of settingsOf(s)) {
    switch (name) {
      case 'region':
        cue.region = [...regions].reverse().find((r) => r.id === value) ?? null;
        break;
      case 'vertical':
        if (value === 'rl' || value === 'lr') cue.vertical = value;
        break;
      case 'line':
        parseLine(value, cue);
        break;
      case 'position': {
        const comma = value.indexOf(',');
        const colpos = comma >= 0 ? value.slice(0, comma) : value;
        const colalign = comma >= 0 ? value.slice(comma + 1) : null;
        const position = parsePercentage(colpos);
        if (position === null) break;
        if (colalign === 'line-left' || colalign === 'center' || colalign === 'line-right')
          cue.positionAlign = colalign;
        else if (colalign !== null) break;
        cue.position = position;
        break;
      }
      case 'size': {
        const size = parsePercentage(value);
        if (size !== null) cue.size = size;
        break;
      }
      case 'align':
        if (['start', 'center', 'end', 'left', 'right'].includes(value)) cue.align = value as VttCue['align'];
        break;
    }
  }
  // A cue in a region must not have vertical text, a snapped line or a size other than 100%.
  if (cue.region && (cue.vertical !== '' || cue.line !== 'auto' || cue.size !== 100)) cue.region = null;
}

function parseTimingsAndSettings(line: string, cue: VttCue, regions: readonly VttRegion[]): boolean {
  const c = new Cursor(line);
  c.skipWs();
  const start = collectTimestamp(c);
  if (start === null) return false;
  c.skipWs();
  if (c.cur() !== '-') return false;
  c.pos++;
  if (c.cur() !== '-') return false;
  c.pos++;
  if (c.cur() !== '>') return false;
  c.pos++;
  c.skipWs();
  const end = collectTimestamp(c);
  if (end === null) return false;
  cue.startTime = start;
  cue.endTime = end;
  parseCueSettings(line.slice(c.pos), cue, regions);
  return true;
}

function parseRegionSettings(s: string): VttRegion {
  const region: VttRegion = {
    id: '',
    width: 100,
    lines: 3,
    regionAnchorX: 0,
    regionAnchorY: 100,
    viewportAnchorX: 0,
    viewportAnchorY: 100,
    scroll: '',
  };
  for (const [name, value] of settingsOf(s)) {
    switch (name) {
      case 'id':
        region.id = value;
        break;
      case 'width': {
        const w = parsePercentage(value);
        if (w !== null) region.width = w;
        break;
      }
      case 'lines':
        if (/^\d+$/.test(value)) region.lines = Number.parseInt(value, 10);
        break;
      case 'regionanchor':
      case 'viewportanchor': {
        const comma = value.indexOf(',');
        if (comma < 0) break;
        const x = parsePercentage(value.slice(0, comma));
        const y = parsePercentage(value.slice(comma + 1));
        if (x === null || y === null) break;
        if (name === 'regionanchor') {
          region.regionAnchorX = x;
          region.regionAnchorY = y;
        } else {
          region.viewportAnchorX = x;
          region.viewportAnchorY = y;
        }
        break;
      }
      case 'scroll':
        if (value === 'up') region.scroll = 'up';
        break;
    }
  }
  return region;
}

function newCue(id: string): VttCue {
  return {
    id,
    startTime: 0,
    endTime: 0,
    text: '',
    region: null,
    vertical: '',
    snapToLines: true,
    line: 'auto',
    lineAlign: 'start',
    position: 'auto',
    positionAlign: 'auto',
    size: 100,
    align: 'center',
  };
}

type Block = { cue: VttCue } | { stylesheet: string } | { region: VttRegion } | null;

interface State {
  seenCue: boolean;
  regions: VttRegion[];
  badTimings: { line: number; text: string }[];
  strayText: { line: number; text: string }[];
  /** The line number of a position in the piece being parsed. */
  lineAt(pos: number): number;
}

/** "collect a WebVTT block". */
function collectBlock(c: Cursor, inHeader: boolean, state: State): Block {
  const blockStart = c.pos;
  let lineCount = 0;
  let previous = c.pos;
  let buffer = '';
  let seenEof = false;
  let seenArrow = false;
  let cue: VttCue | null = null;
  let stylesheet = false;
  let region = false;
  for (;;) {
    const line = c.collect((ch) => ch !== '\n');
    lineCount++;
    if (c.end) seenEof = true;
    else c.pos++;
    if (line.includes('-->')) {
      if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
        seenArrow = true;
        previous = c.pos;
        cue = newCue(buffer);
        if (!parseTimingsAndSettings(line, cue, state.regions)) {
          cue = null;
          state.badTimings.push({ line: state.lineAt(c.pos) - (seenEof ? 0 : 1), text: line });
        } else {
          buffer = '';
          state.seenCue = true;
        }
      } else {
        c.pos = previous;
        break;
      }
    } else if (line === '') {
      break;
    } else {
      if (!inHeader && lineCount === 2) {
        if (!state.seenCue && /^STYLE[ \t\n\f\r]*$/.test(buffer)) {
          stylesheet = true;
          buffer = '';
        } else if (!state.seenCue && /^REGION[ \t\n\f\r]*$/.test(buffer)) {
          region = true;
          buffer = '';
        }
      }
      if (buffer !== '') buffer += '\n';
      buffer += line;
      previous = c.pos;
    }
    if (seenEof) break;
  }
  if (cue) {
    cue.text = buffer;
    return { cue };
  }
  if (stylesheet) return { stylesheet: buffer };
  if (region) return { region: parseRegionSettings(buffer) };
  // Before the first cue such blocks are old-style metadata ("Region: …"); after one, lost speech.
  if (!inHeader && state.seenCue && buffer.trim() !== '' && !/^NOTE($|[ \t\n])/.test(buffer)) {
    state.strayText.push({ line: state.lineAt(blockStart), text: buffer });
  }
  return null;
}

/** The spec's preprocessing: NUL → U+FFFD, CRLF and CR → LF. A leading BOM is dropped. */
export function preprocess(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\0/g, '\uFFFD')
    .replace(/\r\n?/g, '\n');
}

const countLines = (text: string, end: number) => {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) n++;
  return n;
};

/**
 * The parser fed a piece of the file at a time (`push`, then `end`), so a million-cue file is
 * never held whole, decoded or as cues (issue 8). No block of the spec holds an empty line, so
 * the text is parsed up to its last blank line and the rest waits for the next piece: the
 * result is the same however the file is cut. Each cue goes to `onCue` as it is parsed, or
 * into `cues` without one.
 */
export class WebVttParser {
  private pending = '';
  /** A CR at the end of a piece, which may be half of a CRLF. */
  private cr = false;
  private started = false;
  private linesBefore = 0;
  private piece = '';
  private readonly state: State;
  private readonly out: VttFile;

  constructor(private readonly onCue?: (cue: VttCue) => void) {
    this.state = {
      seenCue: false,
      regions: [],
      badTimings: [],
      strayText: [],
      lineAt: (pos) => this.linesBefore + countLines(this.piece, pos) + 1,
    };
    this.out = {
      cues: [],
      badTimings: this.state.badTimings,
      strayText: this.state.strayText,
      regions: this.state.regions,
      stylesheets: [],
    };
  }

  push(text: string): void {
    if (text === '') return;
    let raw = (this.cr ? '\r' : '') + text;
    this.cr = raw.endsWith('\r');
    if (this.cr) raw = raw.slice(0, -1);
    if (!this.started && this.pending === '') raw = raw.replace(/^\uFEFF/, '');
    this.pending += preprocess(raw);
    const blank = this.pending.lastIndexOf('\n\n');
    if (blank === -1) return;
    const piece = this.pending.slice(0, blank + 2);
    this.pending = this.pending.slice(blank + 2);
    this.parse(piece);
  }

  /** Parses what is left and returns the file; throws WebVttError without a WebVTT signature. */
  end(): VttFile {
    const rest = this.pending + (this.cr ? '\n' : '');
    this.pending = '';
    if (rest !== '' || !this.started) this.parse(rest);
    return this.out;
  }

  private parse(piece: string): void {
    this.piece = piece;
    const c = new Cursor(piece);
    if (!this.started) {
      this.started = true;
      if (!this.header(c)) return;
    }
    c.collect((ch) => ch === '\n');
    while (!c.end) {
      const block = collectBlock(c, false, this.state);
      if (block && 'cue' in block) {
        if (this.onCue) this.onCue(block.cue);
        else this.out.cues.push(block.cue);
      } else if (block && 'stylesheet' in block) this.out.stylesheets.push(block.stylesheet);
      else if (block && 'region' in block) this.state.regions.push(block.region);
      c.collect((ch) => ch === '\n');
    }
    this.linesBefore += countLines(piece, piece.length);
    this.piece = '';
  }

  /** The signature and the header; false when the piece (then the file) ends within them. */
  private header(c: Cursor): boolean {
    const input = c.input;
    if (input.length < 6 || !input.startsWith('WEBVTT')) {
      throw new WebVttError('it does not start with "WEBVTT", so it is not a WebVTT file');
    }
    if (input.length > 6 && !' \t\n'.includes(input[6] as string)) {
      throw new WebVttError(`its first line is "${input.split('\n')[0]?.slice(0, 40)}", not "WEBVTT"`);
    }
    c.pos = 6;
    c.collect((ch) => ch !== '\n');
    if (c.end) return false;
    if (c.cur() === '\n') c.pos++;
    if (c.end) return false;
    if (c.cur() !== '\n') collectBlock(c, true, this.state);
    else c.pos++;
    return true;
  }
}

/**
 * Parses decoded WebVTT text; throws WebVttError when the file has no WebVTT signature. With
 * `onCue`, each cue is handed over as it is parsed and not kept in `cues`.
 */
export function parseWebVtt(decoded: string, onCue?: (cue: VttCue) => void): VttFile {
  const parser = new WebVttParser(onCue);
  parser.push(decoded);
  return parser.end();
}
