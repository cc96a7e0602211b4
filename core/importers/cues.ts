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
 * Each piece's speaker and text without its label, by index: no copy of the pieces is made, so
 * a million-cue file costs one small entry per labelled piece on top of its pieces.
 */
function speakerOf(pieces: readonly TimedPiece[]): (i: number) => { speaker: string | null; text: string } {
  // Only the first line can carry the label ("MAN:" alone on it is common in subtitles).
  const prefixed = new Map<number, { speaker: string; rest: number }>();
  const counts = new Map<string, number>();
  pieces.forEach((p, i) => {
    if (p.voice) return;
    const m = speakerPrefix(p.text.trimStart().split('\n')[0] ?? '');
    if (!m) return;
    prefixed.set(i, m);
    counts.set(m.speaker, (counts.get(m.speaker) ?? 0) + 1);
  });
  return (i) => {
    const p = pieces[i] as TimedPiece;
    if (p.voice) return { speaker: p.voice, text: p.text };
    const m = prefixed.get(i);
    if (m && ((counts.get(m.speaker) ?? 0) >= 2 || looksLikeName(m.speaker))) {
      return { speaker: m.speaker, text: p.text.trimStart().slice(m.rest) };
    }
    return { speaker: null, text: p.text };
  };
}

export function documentFromPieces(title: string, pieces: readonly TimedPiece[]): ParsedDocument {
  interface Open {
    speaker: string | null;
    parts: string[];
    startMs: number;
    endMs: number;
    chars: number;
  }
  const turns: Open[] = [];
  const labelled = speakerOf(pieces);
  for (const [i, piece] of pieces.entries()) {
    const { speaker, text: raw } = labelled(i);
    const text = tidy(raw);
    if (!text) continue;
    const { startMs } = piece;
    // A cue that ends before it starts (a typo in a hand-edited file) keeps its text and its start;
    // its end is taken to be its start, so no turn claims a negative or backwards duration.
    const endMs = Math.max(piece.endMs, startMs);
    const last = turns[turns.length - 1];
    const continues =
      last &&
      last.speaker === speaker &&
      (speaker !== null || (startMs - last.endMs <= PAUSE_MS && last.chars < PARAGRAPH_CHARS));
    if (last && continues) {
      last.parts.push(text);
      last.endMs = Math.max(last.endMs, endMs);
      last.chars += text.length + 1;
    } else {
      turns.push({ speaker, parts: [text], startMs, endMs, chars: text.length });
    }
  }
  let out = '';
  const parsed: ParsedTurn[] = [];
  const breaks: number[] = [];
  for (const turn of turns) {
    if (out) out += '\n\n';
    breaks.push(out.length);
    if (turn.speaker) out += `${turn.speaker.normalize('NFC')}: `;
    const start = out.length;
    out += turn.parts.join(' ');
    parsed.push({ speaker: turn.speaker, start, end: out.length, startMs: turn.startMs, endMs: turn.endMs });
  }
  return {
    title,
    text: out,
    turns: parsed,
    breaks,
    kind: 'interview',
    language: guessLanguage(out),
  };
}
