/**
 * Pseudonyms: a participant's chosen one, else P01, P02… generated in a stable order (the order
 * participants were added), skipping any pseudonym already chosen by someone else.
 */
export interface PseudonymSource {
  id: number;
  pseudonym: string | null;
}

export function effectivePseudonyms(people: readonly PseudonymSource[]): Map<number, string> {
  const chosen = new Set(people.map((p) => p.pseudonym?.trim()).filter((p): p is string => !!p));
  const width = Math.max(2, String(people.length).length);
  const out = new Map<number, string>();
  let n = 0;
  for (const p of [...people].sort((a, b) => a.id - b.id)) {
    const own = p.pseudonym?.trim();
    if (own) {
      out.set(p.id, own);
      continue;
    }
    let next: string;
    do {
      n += 1;
      next = `P${String(n).padStart(width, '0')}`;
    } while (chosen.has(next));
    out.set(p.id, next);
  }
  return out;
}
