/**
 * Speaker colours: each speaker gets a slot in order of first appearance, so colours are
 * stable for a document and never collide among its first eight speakers (the interviewer,
 * usually first, keeps the same colour across documents).
 */
export const SPEAKER_SLOTS = 8;

export function speakerSlots(turns: readonly { speaker: string | null }[]): Map<string, number> {
  const slots = new Map<string, number>();
  for (const turn of turns) {
    if (turn.speaker && !slots.has(turn.speaker)) slots.set(turn.speaker, slots.size % SPEAKER_SLOTS);
  }
  return slots;
}

/** 83000 → "1:23", 3723000 → "1:02:03". */
export function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
