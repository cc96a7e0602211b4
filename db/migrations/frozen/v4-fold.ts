/**
 * Frozen copy of core/text/fold.ts's `indexWords` as schema v4 was written with it, so
 * migration 004 builds the same word index however the live folding changes later (a later
 * change to folding needs a migration of its own). Do not edit.
 */

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const HAS_MARK = /\p{M}/u;
const WORD_BASE = /^[\p{L}\p{N}\p{Co}]/u;
const FOLDED_MARKS = /(?![\u3099\u309A])(?=\p{Diacritic})\p{M}|[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/gu;
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const ASCII = /^[^\u0080-\uffff]*$/;

function foldCluster(cluster: string): string {
  const base = String.fromCodePoint(cluster.codePointAt(0) ?? 0);
  if (!WORD_BASE.test(base)) return HAS_MARK.test(base) ? '' : base.toLowerCase();
  return cluster.normalize('NFD').replace(FOLDED_MARKS, '').normalize('NFC').toLowerCase().replace(/ς/g, 'σ');
}

function foldString(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  const memo = new Map<string, string>();
  const foldOne = (cluster: string) => {
    let folded = memo.get(cluster);
    if (folded === undefined) {
      folded = foldCluster(cluster);
      memo.set(cluster, folded);
    }
    return folded;
  };
  let out = '';
  if (!HAS_MARK.test(text)) {
    for (const ch of text) out += foldOne(ch);
    return out;
  }
  for (const m of text.matchAll(CLUSTER)) out += foldOne(m[0]);
  return out;
}

/** The folded words of `text`, space-separated, as the v4 word index holds them. */
export function indexWordsV4(text: string): string {
  return foldString(text).match(WORD)?.join(' ') ?? '';
}
