/**
 * The affinity board: which board is open, its groups and cards, and the moves made on it.
 * Card moves update the view at once and are then persisted with boards.moveCard.
 */
import { create } from 'zustand';
import type {
  Board,
  BoardCard,
  BoardDetail,
  BoardId,
  CardId,
  ExcerptId,
  GroupId,
} from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

/** Group boxes sit on a grid so new groups never overlap existing ones. */
export const GROUP_W = 320;
export const GROUP_H = 340;
const GAP = 24;
const COLUMNS = 3;

interface BoardState {
  boards: Board[];
  current: BoardDetail | null;
  loaded: boolean;
  load(): Promise<void>;
  /** Makes sure a board exists (creating "Board 1" in an empty project) and is open. */
  ensureBoard(): Promise<BoardDetail | null>;
  select(id: BoardId): Promise<void>;
  addGroup(name?: string): Promise<GroupId | undefined>;
  renameGroup(id: GroupId, name: string): Promise<void>;
  moveGroup(id: GroupId, x: number, y: number): Promise<void>;
  deleteGroup(id: GroupId): Promise<void>;
  addExcerpt(excerptId: ExcerptId): Promise<void>;
  moveCard(cardId: CardId, groupId: GroupId | null, index?: number): Promise<void>;
  removeCard(cardId: CardId): Promise<void>;
  reset(): void;
}

const seq = latestOnly();
let selectedBoard: BoardId | null = null;
/** One "create Board 1" at a time: quick clicks must not create two boards. */
let ensuring: Promise<BoardDetail | null> | null = null;
/** Excerpts being added right now, so a double click adds one card. */
const adding = new Set<ExcerptId>();

/** Cards of one container (a group or the ungrouped column) in display order. */
export function cardsIn(board: BoardDetail, groupId: GroupId | null): BoardCard[] {
  return board.cards.filter((c) => c.groupId === groupId).sort((a, b) => a.order - b.order || a.id - b.id);
}

export function freeSlot(board: BoardDetail): { x: number; y: number } {
  const taken = (x: number, y: number) =>
    board.groups.some(
      (g) =>
        x < g.x + Math.max(g.w, GROUP_W) && g.x < x + GROUP_W && y < g.y + Math.max(g.h, GROUP_H) && g.y < y + GROUP_H,
    );
  for (let i = 0; i < 10_000; i++) {
    const x = GAP + (i % COLUMNS) * (GROUP_W + GAP);
    const y = GAP + Math.floor(i / COLUMNS) * (GROUP_H + GAP);
    if (!taken(x, y)) return { x, y };
  }
  return { x: GAP, y: GAP };
}

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
    if (answer) set({ ...answer.value, loaded: true });
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

  async addGroup(name) {
    const board = get().current ?? (await get().ensureBoard());
    if (!board) return undefined;
    const { x, y } = freeSlot(board);
    const label = name?.trim() || `Group ${board.groups.length + 1}`;
    const group = await mutate(() => getClient().call('boards.addGroup', { boardId: board.id, name: label, x, y }));
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
    const nx = Math.round(Math.max(0, x));
    const ny = Math.round(Math.max(0, y));
    set({ current: { ...board, groups: board.groups.map((g) => (g.id === id ? { ...g, x: nx, y: ny } : g)) } });
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
      const ungrouped = cardsIn(board, null);
      const card = await mutate(() =>
        getClient().call('boards.addCard', {
          boardId: board.id,
          excerptId,
          groupId: null,
          x: 0,
          y: ungrouped.length * 10,
        }),
      );
      if (!card) return;
      await changed('boards.addCard');
      useActivity.getState().toast('success', `Added to ${board.name}`);
    } finally {
      adding.delete(excerptId);
    }
  },

  async moveCard(cardId, groupId, index) {
    const board = get().current;
    if (!board) return;
    const card = board.cards.find((c) => c.id === cardId);
    if (!card) return;
    const siblings = cardsIn(board, groupId).filter((c) => c.id !== cardId);
    const at = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
    siblings.splice(at, 0, card);
    const group = board.groups.find((g) => g.id === groupId);
    // Canvas coordinates of the card's slot; the order decides the stacking.
    const x = group ? group.x : 0;
    const y = group ? group.y + at : at;
    const reordered = new Map(siblings.map((c, i) => [c.id, i]));
    set({
      current: {
        ...board,
        cards: board.cards.map((c) =>
          c.id === cardId
            ? { ...c, groupId, x, y, order: at }
            : reordered.has(c.id)
              ? { ...c, order: reordered.get(c.id) as number }
              : c,
        ),
      },
    });
    await mutate(() => getClient().call('boards.moveCard', { id: cardId, groupId, x, y, order: at }));
    await changed('boards.moveCard');
  },

  async removeCard(cardId) {
    const ok = await mutate(() => getClient().call('boards.deleteCard', { id: cardId }));
    if (ok) await changed('boards.deleteCard');
  },

  reset() {
    selectedBoard = null;
    set({ boards: [], current: null, loaded: false });
  },
}));
