import type { MergeResult } from '../../contract/types.js';

/** What a merge matched, added and could not reconcile: the counts of `quarry merge`'s result. */
export type MergeTally = Omit<MergeResult, 'file' | 'dryRun' | 'warnings'>;

export const emptyTally = (): MergeTally => ({
  documents: { matched: 0, added: 0 },
  codes: { matched: 0, added: 0 },
  participants: { matched: 0, added: 0 },
  excerpts: { matched: 0, added: 0 },
  codings: { added: 0 },
  memos: { added: 0 },
  conflicts: [],
});
