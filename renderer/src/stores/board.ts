/**
 * The affinity wall: which board is open, its groups and cards, and the changes made on it.
 * Moves update the view at once and are then persisted. Reloads keep the object of every
 * card and group that did not change, so a memoised card on the canvas re-renders only when
 * its own data changed (a drag or a reload touches only the moved cards).
 */
import { create } from 'zustand';
import type {
  Board,
  BoardCard,
  BoardDetail,
  BoardGroup,
  BoardId,
  CardId,
  ExcerptId,
  GroupId,
} from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { layoutBoard, rootSlot, slotInGroup, slotsBelow } from '../lib/wallLayout.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

export interface CardMove {
  id: CardId;
  groupId: GroupId | null;
  x: number;
  y: number;
}

interface BoardState {
  boards: Board[];
  current: BoardDetail | null;
  loaded: boolean;
  load(): Promise<void>;
  /** Makes sure a board exists (creating "Board 1" in an empty project) and is open. */
  ensureBoard(): Promise<BoardDetail | null>;
  select(id: BoardId): Promise<void>;
  addGroup(name?: string, at?: { x: number; y: number }): Promise<GroupId | undefined>;
  renameGroup(id: GroupId, name: string): Promise<void>;
  moveGroup(id: GroupId, x: number, y: number): Promise<void>;
  deleteGroup(id: GroupId): Promise<void>;
  addExcerpt(excerptId: ExcerptId): Promise<void>;
  addNote(text: string, at: { x: number; y: number }, groupId?: GroupId | null): Promise<CardId | undefined>;
  /** Moves cards to groups and places; the view changes at once. */
  moveCards(moves: CardMove[]): Promise<void>;
  /** Moves cards into a group's next free slots (the keyboard's way of dragging). */
  moveToGroup(ids: CardId[], groupId: GroupId | null): Promise<void>;
  /** A new group around the given cards. */
  groupCards(ids: CardId[], name?: string): Promise<GroupId | undefined>;
  removeCards(ids: CardId[]): Promise<void>;
  editNote(id: CardId, text: string): Promise<void>;
  collapseGroup(id: GroupId, collapsed: boolean): Promise<void>;
  saveViewport(boardId: BoardId, viewport: { x: number; y: number; zoom: number }): Promise<void>;
  /** Lays a group's cards out in a grid, in their order. */
  tidyGroup(id: GroupId): Promise<void>;
  reset(): void;
}

const seq = latestOnly();
let selectedBoard: BoardId | null = null;
/** One "create Board 1" at a time: quick clicks must not create two boards. */
let ensuring: Promise<BoardDetail | null> | null = null;
/** Excerpts being added right now, so a double click adds one card. */
const adding = new Set<ExcerptId>();

/** Cards of one container (a group or the canvas) in display order. */
export function cardsIn(board: BoardDetail, groupId: GroupId | null): BoardCard[] {
  return board.cards.filter((c) => c.groupId === groupId).sort((a, b) => a.order - b.order || a.id - b.id);
}

function same<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The new detail, reusing the previous object of every card and group that did not change. */
export function keepStable(previous: BoardDetail | null, next: BoardDetail): BoardDetail {
  if (!previous || previous.id !== next.id) return next;
  const oldCards = new Map(previous.cards.map((c) => [c.id, c]));
  const oldGroups = new Map(previous.groups.map((g) => [g.id, g]));
  const cards = next.cards.map((c) => {
    const old = oldCards.get(c.id);
    return old && same(old, c) ? old : c;
  });
  const groups = next.groups.map((g) => {
    const old = oldGroups.get(g.id);
    return old && same(old, g) ? old : g;
  });
  return { ...next, cards, groups };
}

const round = (n: number) => Math.round(n);

export const useBoard = create<BoardState>()((set, get) => ({
  boards: [],
  current: null,
  loaded: false,

  async load() {
    const client = getClient();
    const answer = await guard(() =>
      seq(async () => {
        const boards = await client.call('boards.list', {});
        const pick = boards.find((b) => b.id === selectedBoard) ?? boards[0];
        const current = pick ? await client.call('boards.get', { id: pick.id }) : null;
        return { boards, current };
      }),
    );
    if (answer) {
      const { boards, current } = answer.value;
      set({ boards, current: current ? keepStable(get().current, current) : null, loaded: true });
    }
  },

  ensureBoard() {
    ensuring ??= (async () => {
      const open = get().current;
      if (open) return open;
      // Ask the project, not the store: a reload still in flight (after another click, or an
      // SSE change event) can leave the store's lists stale, and trusting them either drops
      // the caller's card or creates a second "Board 1".
      const client = getClient();
      const boards = await guard(() => client.call('boards.list', {}));
      if (!boards) return null;
      let id = (boards.find((b) => b.id === selectedBoard) ?? boards[0])?.id;
      if (id === undefined) {
        const board = await mutate(() => client.call('boards.create', { name: 'Board 1' }));
        if (!board) return null;
        id = board.id;
        await changed('boards.create');
      }
      selectedBoard = id;
      const current = get().current;
      if (current?.id === id) return current;
      const boardId = id;
      const detail = await guard(() => client.call('boards.get', { id: boardId }));
      if (!detail) return null;
      set({ current: detail, loaded: true });
      return detail;
    })().finally(() => {
      ensuring = null;
    });
    return ensuring;
  },

  async select(id) {
    selectedBoard = id;
    await get().load();
  },

  async addGroup(name, at) {
    const board = get().current ?? (await get().ensureBoard());
    if (!board) return undefined;
    const place = at ?? slotsBelow(layoutBoard(board), 1)[0] ?? { x: 0, y: 0 };
    const label = name?.trim() || `Group ${board.groups.length + 1}`;
    const group = await mutate(() =>
      getClient().call('boards.addGroup', { boardId: board.id, name: label, x: round(place.x), y: round(place.y) }),
    );
    if (group) await changed('boards.addGroup');
    return group?.id;
  },

  async renameGroup(id, name) {
    const ok = await mutate(() => getClient().call('boards.updateGroup', { id, name }));
    if (ok) await changed('boards.updateGroup');
  },

  async moveGroup(id, x, y) {
    const board = get().current;
    if (!board) return;
    const nx = round(x);
    const ny = round(y);
    set({
      current: {
        ...board,
        groups: board.groups.map((g): BoardGroup => (g.id === id ? { ...g, x: nx, y: ny } : g)),
      },
    });
    const ok = await mutate(() => getClient().call('boards.updateGroup', { id, x: nx, y: ny }));
    await changed('boards.updateGroup');
    if (!ok) await get().load();
  },

  async deleteGroup(id) {
    const ok = await mutate(() => getClient().call('boards.deleteGroup', { id }));
    if (ok) await changed('boards.deleteGroup');
  },

  async addExcerpt(excerptId) {
    if (adding.has(excerptId)) return;
    adding.add(excerptId);
    try {
      const board = get().current ?? (await get().ensureBoard());
      if (!board) return;
      if (board.cards.some((c) => c.excerpt?.id === excerptId)) {
        useActivity.getState().toast('info', `Already on ${board.name}`);
        return;
      }
      const at = rootSlot(layoutBoard(board));
      const card = await mutate(() =>
        getClient().call('boards.addCard', { boardId: board.id, excerptId, groupId: null, x: at.x, y: at.y }),
      );
      if (!card) return;
      await changed('boards.addCard');
      useActivity.getState().toast('success', `Added to ${board.name}`);
    } finally {
      adding.delete(excerptId);
    }
  },

  async addNote(text, at, groupId = null) {
    const board = get().current ?? (await get().ensureBoard());
    if (!board) return undefined;
    const card = await mutate(() =>
      getClient().call('boards.addCard', { boardId: board.id, text, groupId, x: round(at.x), y: round(at.y) }),
    );
    if (card) await changed('boards.addCard');
    return card?.id;
  },

  async moveCards(moves) {
    const board = get().current;
    if (!board || moves.length === 0) return;
    const byId = new Map(moves.map((m) => [m.id, { ...m, x: round(m.x), y: round(m.y) }]));
    set({
      current: {
        ...board,
        cards: board.cards.map((c) => {
          const m = byId.get(c.id);
          return m ? { ...c, groupId: m.groupId, x: m.x, y: m.y } : c;
        }),
      },
    });
    let ok = true;
    for (const m of byId.values()) {
      const done = await mutate(() => getClient().call('boards.moveCard', m));
      ok &&= done !== undefined;
    }
    await changed('boards.moveCard');
    if (!ok) await get().load();
  },

  async moveToGroup(ids, groupId) {
    const board = get().current;
    if (!board) return;
    const layout = layoutBoard(board);
    const skip = new Set<number>(ids);
    const moves: CardMove[] = [];
    const below = groupId === null ? slotsBelow(layout, ids.length) : [];
    ids.forEach((id, i) => {
      if (groupId === null) {
        const at = below[i] ?? { x: 0, y: 0 };
        moves.push({ id, groupId: null, x: at.x, y: at.y });
        return;
      }
      const at = slotInGroup(board, layout, groupId, skip);
      moves.push({ id, groupId, x: at.x, y: at.y });
      // The next card must not take the same slot: count this one as placed.
      layout.cards.set(id, {
        rel: { x: at.x, y: at.y },
        abs: at,
        hidden: false,
        parent: groupId,
      });
      skip.delete(id);
    });
    await get().moveCards(moves);
  },

  async groupCards(ids, name) {
    const board = get().current;
    if (!board || ids.length === 0) return undefined;
    const layout = layoutBoard(board);
    const boxes = ids.map((id) => layout.cards.get(id)?.abs).filter((b) => b !== undefined);
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y)) - 44;
    const groupId = await get().addGroup(name, { x: Math.max(0, x - 14), y: Math.max(0, y) });
    if (groupId === undefined) return undefined;
    await get().moveToGroup(ids, groupId);
    return groupId;
  },

  async removeCards(ids) {
    const board = get().current;
    if (!board || ids.length === 0) return;
    const gone = new Set<number>(ids);
    set({ current: { ...board, cards: board.cards.filter((c) => !gone.has(c.id)) } });
    for (const id of ids) await mutate(() => getClient().call('boards.deleteCard', { id }));
    await changed('boards.deleteCard');
  },

  async editNote(id, text) {
    const board = get().current;
    if (!board) return;
    set({ current: { ...board, cards: board.cards.map((c) => (c.id === id ? { ...c, text } : c)) } });
    // TODO(wall-core): boards.updateCard
    useActivity.getState().toast('info', 'Editing notes needs boards.updateCard');
  },

  async collapseGroup(id, collapsed) {
    const board = get().current;
    if (!board) return;
    set({ current: { ...board, groups: board.groups.map((g) => (g.id === id ? { ...g, collapsed } : g)) } });
    // TODO(wall-core): boards.updateGroup {collapsed}
  },

  async saveViewport(_boardId, _viewport) {
    // TODO(wall-core): boards.setViewport
  },

  async tidyGroup(id) {
    const board = get().current;
    if (!board) return;
    const ids = cardsIn(board, id).map((c) => c.id);
    const cleared = { ...board, cards: board.cards.map((c) => (c.groupId === id ? { ...c, y: -1 } : c)) };
    const layout = layoutBoard(cleared);
    const moves: CardMove[] = [];
    const skip = new Set<number>(ids);
    for (const cardId of ids) {
      const at = slotInGroup(cleared, layout, id, skip);
      moves.push({ id: cardId, groupId: id, x: at.x, y: at.y });
      layout.cards.set(cardId, { rel: { x: at.x, y: at.y }, abs: at, hidden: false, parent: id });
      skip.delete(cardId);
    }
    await get().moveCards(moves);
  },

  reset() {
    selectedBoard = null;
    set({ boards: [], current: null, loaded: false });
  },
}));
