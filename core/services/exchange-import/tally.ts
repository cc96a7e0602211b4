/** What a merge matched, added and could not reconcile (the counts of `quarry merge`). */
export interface MergeTally {
  documents: { matched: number; added: number };
  codes: { matched: number; added: number };
  participants: { matched: number; added: number };
  excerpts: { matched: number; added: number };
  codings: { added: number };
  memos: { added: number };
  conflicts: string[];
}

export const emptyTally = (): MergeTally => ({
  documents: { matched: 0, added: 0 },
  codes: { matched: 0, added: 0 },
  participants: { matched: 0, added: 0 },
  excerpts: { matched: 0, added: 0 },
  codings: { added: 0 },
  memos: { added: 0 },
  conflicts: [],
});
