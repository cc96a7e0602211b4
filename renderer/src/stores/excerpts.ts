/** The excerpts list, optionally narrowed to one code. */
import { create } from 'zustand';
import type { CodeId, Excerpt } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly } from './activity.js';

interface ExcerptsState {
  list: Excerpt[];
  loaded: boolean;
  codeFilter: CodeId | null;
  query: string;
  load(): Promise<void>;
  setFilter(codeId: CodeId | null): Promise<void>;
  setQuery(query: string): void;
  reset(): void;
}

const seq = latestOnly();

export const useExcerpts = create<ExcerptsState>()((set, get) => ({
  list: [],
  loaded: false,
  codeFilter: null,
  query: '',

  async load() {
    const codeId = get().codeFilter;
    const input = codeId === null ? {} : { codeId };
    const answer = await guard(() => seq(() => getClient().call('excerpts.list', input)));
    if (answer) set({ list: answer.value, loaded: true });
  },

  async setFilter(codeFilter) {
    if (codeFilter === get().codeFilter && get().loaded) return;
    set({ codeFilter, loaded: false });
    await get().load();
  },

  setQuery(query) {
    set({ query });
  },

  reset() {
    set({ list: [], loaded: false, codeFilter: null, query: '' });
  },
}));
