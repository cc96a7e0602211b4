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

function withSpeakers(pieces: readonly TimedPiece[]): (TimedPiece & { speaker: string | null })[] {
  // Only the first line can carry the label ("MAN:" alone on it is common in subtitles).
  const prefixed = pieces.map((p) => (p.voice ? null : speakerPrefix(p.text.trimStart().split('\n')[0] ?? '')));
  const counts = new Map<string, number>();
  for (const m of prefixed) if (m) counts.set(m.speaker, (counts.get(m.speaker) ?? 0) + 1);
  return pieces.map((p, i) => {
    if (p.voice) return { ...p, speaker: p.voice };
    const m = prefixed[i];
    if (m && ((counts.get(m.speaker) ?? 0) >= 2 || looksLikeName(m.speaker))) {
      return { ...p, speaker: m.speaker, text: p.text.trimStart().slice(m.rest) };
    }
    return { ...p, speaker: null };
  });
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
  // A cue that ends before it starts (a typo in a hand-edited file) keeps its text and its start;
  // its end is taken to be its start, so no turn claims a negative or backwards duration.
  const repaired = pieces.map((p) => (p.endMs < p.startMs ? { ...p, endMs: p.startMs } : p));
  for (const piece of withSpeakers(repaired)) {
    const text = tidy(piece.text);
    if (!text) continue;
    const last = turns[turns.length - 1];
    const continues =
      last &&
      last.speaker === piece.speaker &&
      (piece.speaker !== null || (piece.startMs - last.endMs <= PAUSE_MS && last.chars < PARAGRAPH_CHARS));
    if (last && continues) {
      last.parts.push(text);
      last.endMs = Math.max(last.endMs, piece.endMs);
      last.chars += text.length + 1;
    } else {
      turns.push({
        speaker: piece.speaker,
        parts: [text],
        startMs: piece.startMs,
        endMs: piece.endMs,
        chars: text.length,
      });
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
