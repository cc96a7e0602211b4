/**
 * The wall's own UI state: which cards and groups are selected, the group picker (the
 * keyboard's way to move cards), the note or group being edited, and the sentence the
 * screen-reader live region says next. Node ids are the canvas's: `c<cardId>`, `g<groupId>`.
 */
import { create } from 'zustand';
import type { CardId, GroupId } from '../../../core/contract/index.js';

export const cardNode = (id: number) => `c${id}`;
export const groupNode = (id: number) => `g${id}`;
export const nodeCard = (node: string): CardId | null =>
  node.startsWith('c') ? (Number(node.slice(1)) as CardId) : null;
export const nodeGroup = (node: string): GroupId | null =>
  node.startsWith('g') ? (Number(node.slice(1)) as GroupId) : null;

/** The id a note being typed has until it is added. */
export const DRAFT = -1 as CardId;

interface WallState {
  selected: ReadonlySet<string>;
  pickerOpen: boolean;
  /** The card whose text is being edited; DRAFT for a new note not yet on the board. */
  editing: CardId | null;
  /** Where a new note is being typed (canvas coordinates); it is added when its text is done. */
  draft: { x: number; y: number } | null;
  renaming: GroupId | null;
  /** What the aria-live region says; `n` changes so the same words are read again. */
  live: { text: string; n: number };
  /** A node the canvas should bring into view (from the side panel's outline). */
  reveal: { node: string; n: number } | null;
  show(node: string): void;
  /** The next board opened is fitted to the window (one laid out for you has no view yet). */
  fitNext: boolean;
  select(ids: Iterable<string>): void;
  toggle(id: string, add: boolean): void;
  clear(): void;
  selectedCards(): CardId[];
  setPicker(open: boolean): void;
  setEditing(id: CardId | null): void;
  startDraft(at: { x: number; y: number }): void;
  endDraft(): void;
  setRenaming(id: GroupId | null): void;
  announce(text: string): void;
  reset(): void;
}

export const useWall = create<WallState>()((set, get) => ({
  selected: new Set(),
  pickerOpen: false,
  editing: null,
  draft: null,
  renaming: null,
  live: { text: '', n: 0 },
  reveal: null,
  fitNext: false,
  show(node) {
    set((s) => ({ reveal: { node, n: (s.reveal?.n ?? 0) + 1 } }));
  },
  select(ids) {
    const next = new Set(ids);
    const now = get().selected;
    if (next.size === now.size && [...next].every((id) => now.has(id))) return;
    set({ selected: next });
  },
  toggle(id, add) {
    const now = get().selected;
    if (!add) {
      set({ selected: new Set([id]) });
      return;
    }
    const next = new Set(now);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ selected: next });
  },
  clear() {
    if (get().selected.size > 0) set({ selected: new Set() });
  },
  selectedCards() {
    return [...get().selected].map(nodeCard).filter((id): id is CardId => id !== null);
  },
  setPicker(pickerOpen) {
    set({ pickerOpen });
  },
  setEditing(editing) {
    set({ editing });
  },
  setRenaming(renaming) {
    set({ renaming });
  },
  startDraft(draft) {
    set({ draft, editing: DRAFT, selected: new Set() });
  },
  endDraft() {
    set((s) => ({ draft: null, editing: s.editing === DRAFT ? null : s.editing }));
  },
  announce(text) {
    set((s) => ({ live: { text, n: s.live.n + 1 } }));
  },
  reset() {
    set({ selected: new Set(), pickerOpen: false, editing: null, draft: null, renaming: null });
  },
}));
