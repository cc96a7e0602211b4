/** The codebook and the researcher's recently used codes (for 1–9 and the selection bar). */
import { create } from 'zustand';
import type { Code, CodeId, ExcerptId } from '../../../core/contract/index.js';
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
  /** Re-parents and/or reorders a code (position among its new siblings); announces the result. */
  move(id: CodeId, parentId: CodeId | null, position?: number): Promise<boolean>;
  /** Moves the chosen excerpts of a code to a new code (a sibling unless parentId says otherwise). */
  split(id: CodeId, name: string, excerptIds: ExcerptId[]): Promise<Code | undefined>;
  /** What the last codebook move did, for screen readers (an aria-live region reads it). */
  announcement: string;
  announce(message: string): void;
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

  announcement: '',

  announce(message) {
    set({ announcement: message });
  },

  async move(id, parentId, position) {
    const input = position === undefined ? { id, parentId } : { id, parentId, position };
    const moved = await mutate(() => getClient().call('codes.move', input));
    if (!moved) return false;
    await changed('codes.move');
    // The codebook as it is now: the refresh above can be overtaken by a later one (a change
    // event), which would leave the store's list a step behind for this sentence.
    const fresh = await guard(() => getClient().call('codes.list', {}));
    set({ announcement: describeMove(fresh ?? get().list, moved) });
    return true;
  },

  async split(id, name, excerptIds) {
    const code = await mutate(() => getClient().call('codes.split', { id, name, excerptIds }));
    if (code) await changed('codes.split');
    return code;
  },

  markUsed(ids) {
    const recent = [...ids, ...get().recent.filter((id) => !ids.includes(id))].slice(0, MAX_RECENT);
    set({ recent });
    writeRecent(get().storageKey, recent);
  },

  reset() {
    set({ list: [], loaded: false, recent: [], storageKey: null, announcement: '' });
  },
}));

/** "Checkout moved inside Payment, position 2 of 3" — where a moved code now sits. */
export function describeMove(list: readonly Code[], moved: Code): string {
  const siblings = list.filter((c) => c.parentId === moved.parentId).sort((a, b) => a.position - b.position);
  const index = siblings.findIndex((c) => c.id === moved.id);
  const parent = list.find((c) => c.id === moved.parentId);
  const where = parent ? `inside ${parent.name}` : 'at the top level';
  return `${moved.name} moved ${where}, position ${index + 1} of ${siblings.length}.`;
}

/** Recent codes that still exist, in order; what the 1–9 keys apply. */
export function recentCodes(state: Pick<CodesState, 'list' | 'recent'>): Code[] {
  const byId = new Map(state.list.map((c) => [c.id, c]));
  return state.recent.map((id) => byId.get(id)).filter((c): c is Code => c !== undefined);
}
