/** Find in the open document: the query, its matches (document offsets) and the current one. */
import { create } from 'zustand';
import type { DocumentId } from '../../../core/contract/index.js';
import { type Folded, findAll, foldText } from '../lib/find.js';
import { useDocuments } from './documents.js';

interface Match {
  start: number;
  end: number;
}

interface FindState {
  open: boolean;
  query: string;
  matches: Match[];
  /** Index into matches, -1 when there are none. */
  current: number;
  /** Bumped on every move so the reader scrolls even when the index is unchanged. */
  seq: number;
  /** Bumped on every show(), so the bar re-focuses its field. */
  shown: number;
  show(): void;
  close(): void;
  setQuery(query: string): void;
  step(direction: 1 | -1): void;
  /** The open document changed (or its text was reloaded): recompute. */
  refresh(): void;
}

let cache: { id: DocumentId; text: string; folded: Folded } | null = null;

function foldedDoc(): Folded | null {
  const doc = useDocuments.getState().doc;
  if (!doc) return null;
  if (cache?.id !== doc.id || cache.text !== doc.text)
    cache = { id: doc.id, text: doc.text, folded: foldText(doc.text) };
  return cache.folded;
}

export const useFind = create<FindState>()((set, get) => ({
  open: false,
  query: '',
  matches: [],
  current: -1,
  seq: 0,
  shown: 0,

  show() {
    if (!get().open) {
      set({ open: true, shown: get().shown + 1 });
      get().setQuery(get().query);
    } else set({ shown: get().shown + 1 });
  },

  close() {
    set({ open: false, matches: [], current: -1 });
  },

  setQuery(query) {
    const folded = foldedDoc();
    const matches = folded ? findAll(folded, query) : [];
    set({ query, matches, current: matches.length ? 0 : -1, seq: get().seq + 1 });
  },

  step(direction) {
    const { matches, current } = get();
    if (matches.length === 0) return;
    set({ current: (current + direction + matches.length) % matches.length, seq: get().seq + 1 });
  },

  refresh() {
    if (get().open) get().setQuery(get().query);
  },
}));
