/** Retrieval: every excerpt of one code (optionally its sub-codes) with context and filters. */
import { create } from 'zustand';
import type { CodeId, CoderId, DocumentId, RetrievedExcerpt } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly } from './activity.js';

export interface RetrievalFilters {
  documentId: DocumentId | null;
  coderId: CoderId | null;
  round: string;
  /** "name=value" as typed; empty for none. */
  attribute: string;
}

interface RetrievalState {
  codeId: CodeId | null;
  includeChildren: boolean;
  filters: RetrievalFilters;
  list: RetrievedExcerpt[];
  loaded: boolean;
  setCode(codeId: CodeId | null): Promise<void>;
  setIncludeChildren(on: boolean): Promise<void>;
  setFilters(filters: Partial<RetrievalFilters>): Promise<void>;
  reload(): Promise<void>;
  reset(): void;
}

const seq = latestOnly();
const NO_FILTERS: RetrievalFilters = { documentId: null, coderId: null, round: '', attribute: '' };

/** "market=UK" → { market: 'UK' }; anything else → undefined (no filter). */
export function parseAttributeFilter(text: string): Record<string, string> | undefined {
  const at = text.indexOf('=');
  if (at <= 0) return undefined;
  const name = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  return name && value ? { [name]: value } : undefined;
}

export const useRetrieval = create<RetrievalState>()((set, get) => ({
  codeId: null,
  includeChildren: true,
  filters: NO_FILTERS,
  list: [],
  loaded: false,

  async setCode(codeId) {
    set({ codeId, loaded: false });
    await get().reload();
  },

  async setIncludeChildren(includeChildren) {
    set({ includeChildren });
    await get().reload();
  },

  async setFilters(filters) {
    set({ filters: { ...get().filters, ...filters } });
    await get().reload();
  },

  async reload() {
    const { codeId, includeChildren, filters } = get();
    if (codeId === null) {
      set({ list: [], loaded: true });
      return;
    }
    const attributes = parseAttributeFilter(filters.attribute);
    const input = {
      codeId,
      includeChildren,
      filters: {
        ...(filters.documentId !== null ? { documentId: filters.documentId } : {}),
        ...(filters.coderId !== null ? { coderId: filters.coderId } : {}),
        ...(filters.round.trim() ? { round: filters.round.trim() } : {}),
        ...(attributes ? { attributes } : {}),
      },
    };
    const answer = await guard(() => seq(() => getClient().call('excerpts.retrieve', input)));
    if (answer) set({ list: answer.value, loaded: true });
    else set({ list: [], loaded: true });
  },

  reset() {
    set({ codeId: null, includeChildren: true, filters: NO_FILTERS, list: [], loaded: false });
  },
}));
