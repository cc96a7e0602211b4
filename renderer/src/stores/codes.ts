/** The codebook and the researcher's recently used codes (for 1–9 and the selection bar). */
import { create } from 'zustand';
import type { Code, CodeId } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly, mutate } from './activity.js';
import { changed } from './changes.js';

export const MAX_RECENT = 9;

interface CodesState {
  list: Code[];
  loaded: boolean;
  /** Most recently applied first; persisted per project. */
  recent: CodeId[];
  /** Where recent codes are remembered (the project path). */
  storageKey: string | null;
  load(): Promise<void>;
  setProject(path: string | null): void;
  add(name: string, parentId?: CodeId | null): Promise<Code | undefined>;
  rename(id: CodeId, name: string): Promise<boolean>;
  remove(id: CodeId): Promise<boolean>;
  merge(sourceId: CodeId, targetId: CodeId): Promise<boolean>;
  update(
    id: CodeId,
    fields: { color?: string; description?: string; inclusion?: string; exclusion?: string; example?: string },
  ): Promise<boolean>;
  markUsed(ids: CodeId[]): void;
  reset(): void;
}

const seq = latestOnly();

function readRecent(key: string | null): CodeId[] {
  if (!key) return [];
  try {
    const raw = JSON.parse(localStorage.getItem(`quarry.recentCodes:${key}`) ?? '[]');
    return Array.isArray(raw) ? (raw.filter((n) => Number.isInteger(n)) as CodeId[]) : [];
  } catch {
    return [];
  }
}

function writeRecent(key: string | null, ids: CodeId[]) {
  if (!key) return;
  try {
    localStorage.setItem(`quarry.recentCodes:${key}`, JSON.stringify(ids));
  } catch {
    // Private mode or a full quota: recent codes just are not remembered.
  }
}

export const useCodes = create<CodesState>()((set, get) => ({
  list: [],
  loaded: false,
  recent: [],
  storageKey: null,

  async load() {
    const answer = await guard(() => seq(() => getClient().call('codes.list', {})));
    if (!answer) return;
    const ids = new Set(answer.value.map((c) => c.id));
    set({ list: answer.value, loaded: true, recent: get().recent.filter((id) => ids.has(id)) });
  },

  setProject(path) {
    set({ storageKey: path, recent: readRecent(path) });
  },

  async add(name, parentId) {
    const input = parentId ? { name, parentId } : { name };
    const code = await mutate(() => getClient().call('codes.add', input));
    if (code) await changed('codes.add');
    return code;
  },

  async rename(id, name) {
    const code = await mutate(() => getClient().call('codes.rename', { id, name }));
    if (code) await changed('codes.rename');
    return code !== undefined;
  },

  async remove(id) {
    const result = await mutate(() => getClient().call('codes.delete', { id, codings: 'delete' }));
    if (result) await changed('codes.delete');
    return result !== undefined;
  },

  async merge(sourceId, targetId) {
    const result = await mutate(() => getClient().call('codes.merge', { sourceId, targetId }));
    if (result) await changed('codes.merge');
    return result !== undefined;
  },

  async update(id, fields) {
    const result = await mutate(() => getClient().call('codes.update', { id, ...fields }));
    if (result) await changed('codes.update');
    return result !== undefined;
  },

  markUsed(ids) {
    const recent = [...ids, ...get().recent.filter((id) => !ids.includes(id))].slice(0, MAX_RECENT);
    set({ recent });
    writeRecent(get().storageKey, recent);
  },

  reset() {
    set({ list: [], loaded: false, recent: [], storageKey: null });
  },
}));

/** Recent codes that still exist, in order; what the 1–9 keys apply. */
export function recentCodes(state: Pick<CodesState, 'list' | 'recent'>): Code[] {
  const byId = new Map(state.list.map((c) => [c.id, c]));
  return state.recent.map((id) => byId.get(id)).filter((c): c is Code => c !== undefined);
}
