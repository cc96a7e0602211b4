/** Full-text search over the project (the contract's FTS5 search), typed as you go. */
import { create } from 'zustand';
import type { SearchHit } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly } from './activity.js';

interface SearchState {
  query: string;
  hits: SearchHit[];
  /** The query the hits belong to (null before the first search). */
  searched: string | null;
  busy: boolean;
  setQuery(query: string): void;
  run(): Promise<void>;
  reset(): void;
}

const seq = latestOnly();
let timer: ReturnType<typeof setTimeout> | null = null;
const LIMIT = 200;

export const useSearch = create<SearchState>()((set, get) => ({
  query: '',
  hits: [],
  searched: null,
  busy: false,

  setQuery(query) {
    set({ query });
    if (timer) clearTimeout(timer);
    // Search while typing, but not on every key press.
    timer = setTimeout(() => void get().run(), 180);
  },

  async run() {
    const query = get().query.trim();
    if (query === '') {
      set({ hits: [], searched: null, busy: false });
      return;
    }
    set({ busy: true });
    const answer = await guard(() => seq(() => getClient().call('search.query', { query, limit: LIMIT })));
    if (answer) set({ hits: answer.value, searched: query, busy: false });
  },

  reset() {
    if (timer) clearTimeout(timer);
    set({ query: '', hits: [], searched: null, busy: false });
  },
}));
