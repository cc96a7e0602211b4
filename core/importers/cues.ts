/**
 * Timed cues (WebVTT, SRT) → one transcript document. Speakers come from `<v Name>` voice
 * spans or a `Name:` prefix (trusted when the label recurs or looks like a name). Consecutive
 * cues of one speaker become one turn with the first start and the last end time; cues
 * without a speaker are gathered into paragraphs, broken at pauses over 2 s. Subtitle line
 * breaks are layout, so a cue's lines are joined with spaces.
 */
import { guessLanguage } from '../text/language.js';
import { looksLikeName, speakerPrefix } from '../text/speakers.js';
import type { ParsedDocument, ParsedTurn } from './types.js';

export interface TimedPiece {
  /** The voice (`<v Name>`), when the format names one. */
  voice: string | null;
  text: string;
  startMs: number;
  endMs: number;
}

const PAUSE_MS = 2000;
const PARAGRAPH_CHARS = 1500;

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim().normalize('NFC');

/**
 * A copy of a name that holds no slice of the text it was cut from: a block-wise parse that kept
 * such a slice per turn would keep every block of the file alive (issue 8).
 */
const ownCopy = (s: string) => ` ${s}`.slice(1);

/** Counts of `Name:` labels on pieces without a voice: a label is trusted when it recurs. */
export type LabelCounts = Map<string, number>;

/** Counts the label of one piece (only the first line can carry it: "MAN:" alone on it is common). */
export function countLabel(counts: LabelCounts, voice: string | null, text: string): void {
  if (voice) return;
  const m = speakerPrefix(text.trimStart().split('\n')[0] ?? '');
  if (!m) return;
  const n = counts.get(m.speaker);
  counts.set(n === undefined ? ownCopy(m.speaker) : m.speaker, (n ?? 0) + 1);
}

/** A piece's speaker and its text without the label, once every label has been counted. */
export function labelPiece(
  counts: LabelCounts,
  voice: string | null,
  text: string,
): { speaker: string | null; text: string } {
  if (voice) return { speaker: voice, text };
  const m = speakerPrefix(text.trimStart().split('\n')[0] ?? '');
  if (m && ((counts.get(m.speaker) ?? 0) >= 2 || looksLikeName(m.speaker))) {
    return { speaker: m.speaker, text: text.trimStart().slice(m.rest) };
  }
  return { speaker: null, text };
}

/**
 * Builds the transcript one piece at a time, so a caller can feed it while parsing and never
 * hold every cue (issue 8: a million-cue file). Only the open turn's parts are kept as pieces;
 * finished turns are kept as their text and a few numbers in parallel arrays.
 */
export class TranscriptBuilder {
  private readonly chunks: string[] = [];
  private readonly speakers: (string | null)[] = [];
  /** Each speaker's name once, as its own string. */
  private readonly names = new Map<string, string>();
  private starts: number[] = [];
  private ends: number[] = [];
  private open: { speaker: string | null; parts: string[]; startMs: number; endMs: number; chars: number } | null =
    null;

  add(name: string | null, raw: string, startMs: number, rawEndMs: number): void {
    const text = tidy(raw);
    if (!text) return;
    let speaker = name;
    if (name !== null) {
      speaker = this.names.get(name) ?? ownCopy(name);
      this.names.set(speaker, speaker);
    }
    // A cue that ends before it starts (a typo in a hand-edited file) keeps its text and its start;
    // its end is taken to be its start, so no turn claims a negative or backwards duration.
    const endMs = Math.max(rawEndMs, startMs);
    const last = this.open;
    const continues =
      last &&
      last.speaker === speaker &&
      (speaker !== null || (startMs - last.endMs <= PAUSE_MS && last.chars < PARAGRAPH_CHARS));
    if (last && continues) {
      last.parts.push(text);
      last.endMs = Math.max(last.endMs, endMs);
      last.chars += text.length + 1;
      return;
    }
    this.close();
    this.open = { speaker, parts: [text], startMs, endMs, chars: text.length };
  }

  private close(): void {
    const turn = this.open;
    if (!turn) return;
    this.chunks.push(turn.parts.join(' '));
    this.speakers.push(turn.speaker);
    this.starts.push(turn.startMs);
    this.ends.push(turn.endMs);
    this.open = null;
  }

  finish(title: string): ParsedDocument {
    this.close();
    const parsed: ParsedTurn[] = new Array(this.chunks.length);
    const breaks: number[] = new Array(this.chunks.length);
    let length = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      if (i > 0) {
        // The "\n\n" between turns, and the label before the text, go in the chunk itself.
        this.chunks[i - 1] += '\n\n';
        length += 2;
      }
      breaks[i] = length;
      const speaker = this.speakers[i] ?? null;
      const label = speaker ? `${speaker.normalize('NFC')}: ` : '';
      const chunk = this.chunks[i] as string;
      if (label) this.chunks[i] = label + chunk;
      const start = length + label.length;
      length = start + chunk.length;
      parsed[i] = { speaker, start, end: length, startMs: this.starts[i] as number, endMs: this.ends[i] as number };
    }
    this.starts = [];
    this.ends = [];
    const out = this.chunks.join('');
    this.chunks.length = 0;
    return { title, text: out, turns: parsed, breaks, kind: 'interview', language: guessLanguage(out) };
  }
}

export function documentFromPieces(title: string, pieces: readonly TimedPiece[]): ParsedDocument {
  const counts: LabelCounts = new Map();
  for (const p of pieces) countLabel(counts, p.voice, p.text);
  const builder = new TranscriptBuilder();
  for (const p of pieces) {
    const { speaker, text } = labelPiece(counts, p.voice, p.text);
    builder.add(speaker, text, p.startMs, p.endMs);
  }
  return builder.finish(title);
}
