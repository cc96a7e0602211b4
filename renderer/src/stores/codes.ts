/**
 * The codebook and the researcher's quick codes: the codes on keys 1–9 (selection bar, panel,
 * picker). A key keeps its code until the researcher changes the list; a code used for the
 * first time takes the next free key, so numbers never shift under the researcher's fingers.
 */
import { create } from 'zustand';
import type { Code, CodeId, ExcerptId } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { fillQuick, QUICK_KEYS, type QuickSlots } from '../lib/codes.js';
import { guard, mutate } from './activity.js';
import { changed } from './changes.js';

export { QUICK_KEYS } from '../lib/codes.js';

interface CodesState {
  list: Code[];
  loaded: boolean;
  /** The code on each key 1–9 (index 0 is key 1); persisted per project. */
  quick: QuickSlots;
  /** Where quick codes are remembered (the project path). */
  storageKey: string | null;
  /** Reloads the codebook; resolves to the list this call received (undefined on error). */
  load(): Promise<Code[] | undefined>;
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
  /** Codes just applied: any not on a key yet takes the next free key (existing keys never move). */
  markUsed(ids: CodeId[]): void;
  /** Puts a code on key 1–9 (taking it off any other key), or clears the key with null. */
  setQuickKey(key: number, id: CodeId | null): void;
  reset(): void;
}

let loads = 0;

const storageName = (key: string) => `quarry.quickCodes:${key}`;

function readQuick(key: string | null): QuickSlots {
  const slots: QuickSlots = Array.from({ length: QUICK_KEYS }, () => null);
  if (!key) return slots;
  try {
    const stored = localStorage.getItem(storageName(key));
    // Projects from before quick codes start from their recent codes, once, in that order.
    const raw = JSON.parse(stored ?? localStorage.getItem(`quarry.recentCodes:${key}`) ?? '[]');
    if (Array.isArray(raw)) {
      raw.slice(0, QUICK_KEYS).forEach((n, i) => {
        slots[i] = Number.isInteger(n) ? (n as CodeId) : null;
      });
    }
  } catch {
    // Unreadable: start with free keys.
  }
  return slots;
}

function writeQuick(key: string | null, slots: QuickSlots) {
  if (!key) return;
  try {
    localStorage.setItem(storageName(key), JSON.stringify(slots));
  } catch {
    // Private mode or a full quota: quick codes just are not remembered.
  }
}

export const useCodes = create<CodesState>()((set, get) => ({
  list: [],
  loaded: false,
  quick: readQuick(null),
  storageKey: null,

  async load() {
    // The newest request wins the store; every caller still gets the list it asked for, which
    // is current as of its call (sync checks views against it right after a write).
    const mine = ++loads;
    const list = await guard(() => getClient().call('codes.list', {}));
    if (list && mine === loads) set({ list, loaded: true });
    return list;
  },

  setProject(path) {
    set({ storageKey: path, quick: readQuick(path) });
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
    const quick = fillQuick(get().quick, ids, new Set(get().list.map((c) => c.id)));
    if (quick.every((id, i) => id === get().quick[i])) return;
    set({ quick });
    writeQuick(get().storageKey, quick);
  },

  setQuickKey(key, id) {
    if (!(key >= 1 && key <= QUICK_KEYS)) return;
    const quick = get().quick.map((s) => (s === id ? null : s));
    quick[key - 1] = id;
    set({ quick });
    writeQuick(get().storageKey, quick);
  },

  reset() {
    set({ list: [], loaded: false, quick: readQuick(null), storageKey: null, announcement: '' });
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

/** The code on each key that has one (and still exists): what 1–9 apply, with its key. */
export function quickCodes(state: Pick<CodesState, 'list' | 'quick'>): { key: number; code: Code }[] {
  const byId = new Map(state.list.map((c) => [c.id, c]));
  return state.quick.flatMap((id, i) => {
    const code = id === null ? undefined : byId.get(id);
    return code ? [{ key: i + 1, code }] : [];
  });
}

/** The key (1–9) a code is on, or null. */
export function quickKeyOf(state: Pick<CodesState, 'quick'>, id: CodeId): number | null {
  const at = state.quick.indexOf(id);
  return at < 0 ? null : at + 1;
}
