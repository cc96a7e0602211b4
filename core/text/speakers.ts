/**
 * Finds speaker turns in plain-text transcripts: `Name: text` (also the full-width colon
 * `：`, an optional `[00:01:23]` time before or after the name), `[Name] text`, and
 * Otter/Teams-style header lines (`Speaker 1  0:03` or `Anna Schmidt (00:01:02)` alone on a
 * line, the speech on the lines below). A turn's end time is the next timed turn's start.
 * A label becomes a speaker only when the document reads like a transcript: it recurs,
 * or other labels recur and it looks like a speaker label. Metadata lines
 * (`Date: ...`, `Note: 12:30`), URLs and clock times never become speakers.
 */

export interface DetectedTurn {
  speaker: string;
  /** Offset of the spoken text (after the label), into the text passed in. */
  start: number;
  /** End of the turn's text, trailing whitespace excluded. */
  end: number;
  /** Offset where the label's line begins. */
  lineStart: number;
  startMs: number | null;
  endMs: number | null;
}

const MAX_NAME = 40;
const TIME = String.raw`(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)`;
const NAME = String.raw`(\p{L}[\p{L}\p{M}\p{N} .'’\-_#&()]{0,${MAX_NAME - 1}}?)`;
// `[00:01:02] Name: text`, `00:01:02 Name: text`, `Name (00:01:02): text`, `Name [00:01:02]: text`
const COLON_LINE = new RegExp(
  String.raw`^[ \t]*(?:[\[(]?${TIME}[\])]?[ \t]+)?${NAME}[ \t]*(?:[\[(]${TIME}[\])][ \t]*)?(?::(?=[ \t]|$)|：)[ \t]*`,
  'u',
);
const BRACKET_LINE = new RegExp(String.raw`^[ \t]*\[${NAME}\][ \t]+(?=\S)`, 'u');
// Otter: `Speaker 1  0:03`; Teams/Zoom docx: `Anna Schmidt   00:01:02` or `Anna Schmidt (00:01:02)`.
const HEADER_LINE = new RegExp(String.raw`^[ \t]*${NAME}[ \t]+[\[(]?${TIME}[\])]?[ \t]*$`, 'u');

/** Words that introduce metadata or prose, not a speaker. Compared case-insensitively. */
const NOT_SPEAKERS = new Set(
  [
    'date',
    'time',
    'duration',
    'location',
    'place',
    'venue',
    'note',
    'notes',
    'nb',
    'ps',
    're',
    'fwd',
    'subject',
    'title',
    'topic',
    'url',
    'http',
    'https',
    'ftp',
    'mailto',
    'tel',
    'phone',
    'email',
    'e-mail',
    'ref',
    'source',
    'tags',
    'keywords',
    'summary',
    'agenda',
    'attendees',
    'file',
    'recorded',
    'transcript',
    'transcribed by',
    'project',
    'study',
    'session',
    'length',
    'language',
    'todo',
    'warning',
    'example',
    'for example',
    'e.g',
    'i.e',
    'q',
    'a',
    'datum',
    'zeit',
    'dauer',
    'ort',
    'notiz',
    'hinweis',
    'thema',
    'betreff',
    'beispiel',
    'zum beispiel',
    'anmerkung',
  ].map((w) => w.toLowerCase()),
);

const SPEAKERISH =
  /\d|speaker|participant|interviewer|interviewee|moderator|respondent|facilitator|teilnehmer|befragte|sprecher|^[A-Z]{1,3}$/iu;

/** A one-off label in a transcript: "P7", "Moderator", "Anna Schmidt", "李娜" — not "my point". */
export function looksLikeName(label: string): boolean {
  return SPEAKERISH.test(label) || label.split(/\s+/).every((word) => !/^\p{Ll}/u.test(word));
}

function timeToMs(time: string | undefined): number | null {
  if (!time) return null;
  const [clock, fraction = '0'] = time.split(/[.,]/);
  const parts = (clock ?? '').split(':').map(Number);
  const [h, m, s] = parts.length === 3 ? parts : [0, ...parts];
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  return (((h ?? 0) * 60 + (m ?? 0)) * 60 + (s ?? 0)) * 1000 + ms;
}

interface Candidate {
  speaker: string;
  lineStart: number;
  speechStart: number;
  startMs: number | null;
  /** A header line: the speech starts on the next line. */
  header: boolean;
}

function speakerAllowed(speaker: string): boolean {
  if (speaker.length === 0 || speaker.length > MAX_NAME) return false;
  if (speaker.split(/\s+/).length > 4) return false;
  return !NOT_SPEAKERS.has(speaker.toLowerCase().replace(/\.$/, ''));
}

function headerOf(line: string, lineStart: number, lineEnd: number): Candidate | null {
  const match = HEADER_LINE.exec(line);
  const speaker = match?.[1]?.trim() ?? '';
  if (!match || !speakerAllowed(speaker)) return null;
  return { speaker, lineStart, speechStart: lineEnd + 1, startMs: timeToMs(match[2]), header: true };
}

function candidateOf(line: string, lineStart: number): Candidate | null {
  const colon = COLON_LINE.exec(line);
  const match = colon ?? BRACKET_LINE.exec(line);
  if (!match) return null;
  const speaker = (colon ? match[2] : match[1])?.trim() ?? '';
  if (!speakerAllowed(speaker)) return null;
  const time = colon ? (match[1] ?? match[3]) : undefined;
  return { speaker, lineStart, speechStart: lineStart + match[0].length, startMs: timeToMs(time), header: false };
}

/** Otter's closing line is the tool's, not the last speaker's: the last turn ends before it. */
const OTTER_FOOTER = /\n[ \t]*Transcribed by https?:\/\/otter\.ai[ \t]*\s*$/iu;

/**
 * Three or more header lines whose times run forward read as a transcript even when no
 * speaker recurs (a short Otter export: "Speaker 1  0:03", "Speaker 2  0:09", …); two
 * timed lines may be an agenda.
 */
function timedHeaders(candidates: readonly Candidate[]): boolean {
  const times = candidates.filter((c) => c.header).map((c) => c.startMs);
  return times.length >= 3 && times.every((t, i) => t !== null && (i === 0 || t >= (times[i - 1] ?? 0)));
}

export function detectTurns(text: string): DetectedTurn[] {
  const candidates: Candidate[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const candidate = candidateOf(line, lineStart) ?? (newline === -1 ? null : headerOf(line, lineStart, lineEnd));
    if (candidate) candidates.push(candidate);
    if (newline === -1) break;
    lineStart = newline + 1;
  }

  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c.speaker, (counts.get(c.speaker) ?? 0) + 1);
  // Header lines are only trusted when there are several: one "Meeting 10:30" is a title.
  const headers = candidates.filter((c) => c.header).length;
  const isTranscript = [...counts.values()].some((n) => n >= 2) || timedHeaders(candidates);
  if (!isTranscript) return [];
  const accepted = candidates.filter(
    (c) => (!c.header || headers >= 2) && ((counts.get(c.speaker) ?? 0) >= 2 || looksLikeName(c.speaker)),
  );

  const footer = OTTER_FOOTER.exec(text);
  const textEnd = footer ? footer.index : text.length;
  const turns = accepted.map((c, i) => {
    const next = accepted[i + 1];
    const limit = next ? next.lineStart : Math.max(textEnd, c.speechStart);
    let end = limit;
    while (end > c.speechStart && /\s/.test(text[end - 1] ?? '')) end--;
    let start = Math.min(c.speechStart, end);
    while (c.header && start < end && /\s/.test(text[start] ?? '')) start++;
    return { speaker: c.speaker, start, end, lineStart: c.lineStart, startMs: c.startMs, endMs: null as number | null };
  });
  // Exports give start times only; a turn ends where the next timed one begins.
  for (let i = 0; i + 1 < turns.length; i++) {
    const turn = turns[i] as DetectedTurn;
    const nextMs = (turns[i + 1] as DetectedTurn).startMs;
    if (turn.startMs !== null && nextMs !== null && nextMs >= turn.startMs) turn.endMs = nextMs;
  }
  return turns;
}

/** `Name: text` at the start of a subtitle cue: the label and where the speech starts, or null. */
export function speakerPrefix(line: string): { speaker: string; rest: number } | null {
  const match = COLON_LINE.exec(line);
  const speaker = match?.[2]?.trim() ?? '';
  if (!match || match[1] !== undefined || match[3] !== undefined || !speakerAllowed(speaker)) return null;
  return { speaker, rest: match[0].length };
}
