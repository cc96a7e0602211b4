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
  CodeExtent,
  CodeId,
  DocumentId,
  ExcerptId,
  GroupId,
} from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { HEADER, layoutBoard, PAD, rootSlot, slotsBelow, type WallGroup } from '../lib/wallLayout.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed, changedBesideBoard } from './changes.js';
import { useHistory } from './history.js';
import { useWall } from './wall.js';

export interface CardMove {
  id: CardId;
  groupId: GroupId | null;
  /** Omitted: the next free slot of the new group. */
  x?: number;
  y?: number;
}

/** The group and every group nested in it. */
export function descendants(board: BoardDetail, id: GroupId): Set<GroupId> {
  const out = new Set<GroupId>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of board.groups as WallGroup[]) {
      if (g.parentId != null && out.has(g.parentId) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return out;
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
  /** Moves a group (and everything in it) to x, y; `parentId` nests it (null: top level). */
  moveGroup(id: GroupId, x: number, y: number, parentId?: GroupId | null): Promise<void>;
  deleteGroup(id: GroupId): Promise<void>;
  addExcerpt(excerptId: ExcerptId): Promise<void>;
  addNote(text: string, at: { x: number; y: number }, groupId?: GroupId | null): Promise<CardId | undefined>;
  /** Moves cards to groups and places in one step; the view changes at once. */
  moveCards(moves: CardMove[], keepCodes?: boolean): Promise<void>;
  addExcerpts(excerptIds: ExcerptId[]): Promise<void>;
  /** Search hits as cards: each becomes (or stays) an excerpt of the chosen extent. */
  addSpans(spans: { documentId: DocumentId; start: number; end: number }[], extent: CodeExtent): Promise<void>;
  /** A new board laid out from codes (a group per code, bound to it); it is opened. */
  fromCodes(name: string, codeIds: CodeId[]): Promise<BoardId | undefined>;
  colourCards(ids: CardId[], color: string | null): Promise<void>;
  vote(target: 'card' | 'group', ids: number[]): Promise<void>;
  /** Binds a group to a code, to a new code named like it ('new'), or unbinds it (null). */
  bindGroup(id: GroupId, codeId: CodeId | null | 'new'): Promise<void>;
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
/** Counts moves patched into the store, so a board read that started before one is not applied over it. */
let edits = 0;
/**
 * The board read in flight (the project's boot starts one): opening the wall meanwhile waits
 * for it instead of asking again; two 1 MB reads queue behind each other in the host's worker.
 */
let loading: Promise<void> | null = null;
/** Excerpts being added right now, so a double click adds one card. */
const adding = new Set<ExcerptId>();
/** Settles when the excerpt being added (if any) is on the board. */
let addingInTurn: Promise<void> = Promise.resolve();

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

  load() {
    const run = (async () => {
      const client = getClient();
      const at = edits;
      const answer = await guard(() =>
        seq(async () => {
          const boards = await client.call('boards.list', {});
          const pick = boards.find((b) => b.id === selectedBoard) ?? boards[0];
          const current = pick ? await client.call('boards.get', { id: pick.id }) : null;
          return { boards, current };
        }),
      );
      if (answer) {
        // A board read before a move the store patched in place is older than the store: read again.
        if (at !== edits) return get().load();
        const { boards, current } = answer.value;
        set({ boards, current: current ? keepStable(get().current, current) : null, loaded: true });
      }
    })();
    loading = run;
    void run.finally(() => {
      if (loading === run) loading = null;
    });
    return run;
  },

  ensureBoard() {
    ensuring ??= (async () => {
      if (loading) await loading;
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

  async moveGroup(id, x, y, parentId) {
    const board = get().current;
    if (!board) return;
    const group = (board.groups as WallGroup[]).find((g) => g.id === id);
    if (!group) return;
    const dx = Math.round(x) - group.x;
    const dy = Math.round(y) - group.y;
    // Coordinates are absolute: the group's cards and sub-groups move with it.
    const inside = descendants(board, id);
    const moves: CardMove[] = board.cards
      .filter((c) => c.groupId !== null && inside.has(c.groupId))
      .map((c) => ({ id: c.id, groupId: c.groupId, x: c.x + dx, y: c.y + dy }));
    const moved = new Map(moves.map((m) => [m.id, m]));
    edits++;
    set({
      current: {
        ...board,
        groups: board.groups.map((g): BoardGroup => {
          if (g.id === id) return { ...g, x: g.x + dx, y: g.y + dy, ...(parentId !== undefined ? { parentId } : {}) };
          return inside.has(g.id) ? { ...g, x: g.x + dx, y: g.y + dy } : g;
        }),
        cards: board.cards.map((c) => {
          const m = moved.get(c.id);
          return m ? { ...c, x: m.x ?? c.x, y: m.y ?? c.y } : c;
        }),
      },
    });
    // One call, one undo step: the core moves the group's cards and sub-groups along, by the
    // same offset as above; the answer (the group as stored) is patched in, not the board refetched.
    const stored = await mutate(() =>
      getClient().call('boards.updateGroup', {
        id,
        x: group.x + dx,
        y: group.y + dy,
        ...(parentId !== undefined ? { parentId } : {}),
      }),
    );
    if (!stored) {
      await changed('boards.updateGroup');
      await get().load();
      return;
    }
    const now = get().current;
    if (now?.id === board.id) {
      edits++;
      set({ current: { ...now, groups: now.groups.map((g) => (g.id === id ? stored : g)) } });
    }
    await changedBesideBoard('boards.updateGroup');
  },

  async deleteGroup(id) {
    const ok = await mutate(() => getClient().call('boards.deleteGroup', { id }));
    if (ok) await changed('boards.deleteGroup');
  },

  async addExcerpt(excerptId) {
    if (adding.has(excerptId)) return;
    adding.add(excerptId);
    // One at a time: each card's free slot is found on the board as the previous add left it.
    // Three quick clicks each found the same slot on the board none of them had reached yet,
    // and the cards were stored on top of one another.
    const previous = addingInTurn;
    let done = () => {};
    addingInTurn = new Promise<void>((resolve) => {
      done = resolve;
    });
    await previous;
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
      done();
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

  async moveCards(moves, keepCodes) {
    const board = get().current;
    if (!board || moves.length === 0) return;
    const byId = new Map(
      moves.map((m) => [
        m.id,
        { ...m, ...(m.x !== undefined ? { x: round(m.x) } : {}), ...(m.y !== undefined ? { y: round(m.y) } : {}) },
      ]),
    );
    const groups = new Map((board.groups as WallGroup[]).map((g) => [g.id, g]));
    // Cards leaving a bound group lose the code it gave them (unless kept): say so, with a way back.
    const leaving = board.cards.filter((c) => {
      const m = byId.get(c.id);
      return m && c.groupId !== null && m.groupId !== c.groupId && groups.get(c.groupId)?.code;
    });
    edits++;
    set({
      current: {
        ...board,
        cards: board.cards.map((c) => {
          const m = byId.get(c.id);
          return m ? { ...c, groupId: m.groupId, x: m.x ?? c.x, y: m.y ?? c.y } : c;
        }),
      },
    });
    const result = await mutate(() =>
      getClient().call('boards.moveCards', { moves: [...byId.values()], ...(keepCodes ? { keepCodes } : {}) }),
    );
    if (!result) {
      await changed('boards.moveCards');
      await get().load();
      return;
    }
    // The answer holds the moved cards as stored, with their excerpts' codes: the board is
    // patched with them instead of refetched (a 2,000-card board took a second to refetch).
    const fresh = new Map(result.cards.map((c) => [c.id, c]));
    const now = get().current;
    if (now) {
      edits++;
      set({ current: { ...now, cards: now.cards.map((c) => fresh.get(c.id) ?? c) } });
    }
    // Only codings a bound group applied or removed show elsewhere; the undo label changes anyway.
    if (result.applied > 0 || result.removed > 0) await changedBesideBoard('boards.moveCards');
    else await useHistory.getState().load();
    if (!keepCodes && result.removed > 0 && leaving.length > 0) {
      const names = [...new Set(leaving.map((c) => groups.get(c.groupId as GroupId)?.code?.name))].join(', ');
      const undoLabel = useHistory.getState().undoLabel;
      useActivity
        .getState()
        .toast(
          'info',
          `Removed the code ${names} from ${result.removed} excerpt${result.removed === 1 ? '' : 's'} taken out of its group`,
          undefined,
          {
            label: 'Keep code',
            run: () => {
              // Only while that move is still the last step: undo it and move again, keeping the codes.
              if (useHistory.getState().undoLabel !== undoLabel) return;
              void useHistory
                .getState()
                .undo()
                .then(() => get().moveCards(moves, true));
            },
          },
        );
    }
  },

  async addExcerpts(excerptIds) {
    const board = get().current ?? (await get().ensureBoard());
    if (!board || excerptIds.length === 0) return;
    const fresh = excerptIds.filter((id) => !board.cards.some((c) => c.excerpt?.id === id));
    if (fresh.length === 0) {
      useActivity.getState().toast('info', `Already on ${board.name}`);
      return;
    }
    const answer = await mutate(() => getClient().call('boards.addCards', { boardId: board.id, excerptIds: fresh }));
    if (!answer) return;
    await changed('boards.addCards');
    const skipped = excerptIds.length - fresh.length;
    useActivity
      .getState()
      .toast(
        'success',
        `Added ${fresh.length} card${fresh.length === 1 ? '' : 's'} to ${board.name}${skipped ? ` (${skipped} already there)` : ''}`,
      );
  },

  async addSpans(spans, extent) {
    const board = get().current ?? (await get().ensureBoard());
    if (!board || spans.length === 0) return;
    const answer = await mutate(() => getClient().call('boards.addSpans', { boardId: board.id, spans, extent }));
    if (!answer) return;
    await changed('boards.addSpans');
    const n = answer.cardIds.length;
    const made = answer.createdExcerpts;
    useActivity
      .getState()
      .toast(
        'success',
        `${n} card${n === 1 ? '' : 's'} on ${board.name}${made ? ` (${made} new uncoded excerpt${made === 1 ? '' : 's'})` : ''}`,
      );
  },

  async fromCodes(name, codeIds) {
    const answer = await mutate(() => getClient().call('boards.fromCodes', { name, codeIds }));
    if (!answer) return undefined;
    selectedBoard = answer.boardId;
    useWall.setState({ fitNext: true });
    set({ current: null });
    await changed('boards.fromCodes');
    await get().load();
    return answer.boardId;
  },

  async moveToGroup(ids, groupId) {
    const board = get().current;
    if (!board || ids.length === 0) return;
    if (groupId === null) {
      const below = slotsBelow(layoutBoard(board), ids.length);
      await get().moveCards(ids.map((id, i) => ({ id, groupId: null, ...(below[i] ?? { x: 0, y: 0 }) })));
      return;
    }
    // Without x, y the back end puts each card in its new group's next free slot.
    await get().moveCards(ids.map((id) => ({ id, groupId })));
  },

  async groupCards(ids, name) {
    const board = get().current;
    if (!board || ids.length === 0) return undefined;
    const layout = layoutBoard(board);
    const boxes = ids.map((id) => layout.cards.get(id)?.abs).filter((b) => b !== undefined);
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const groupId = await get().addGroup(name, { x: Math.max(0, x - PAD), y: Math.max(0, y - HEADER) });
    if (groupId === undefined) return undefined;
    await get().moveToGroup(ids, groupId);
    return groupId;
  },

  async removeCards(ids) {
    const board = get().current;
    if (!board || ids.length === 0) return;
    const gone = new Set<number>(ids);
    set({ current: { ...board, cards: board.cards.filter((c) => !gone.has(c.id)) } });
    const ok = await mutate(() => getClient().call('boards.deleteCards', { ids }));
    await changed('boards.deleteCards');
    if (!ok) await get().load();
  },

  async colourCards(ids, color) {
    const board = get().current;
    if (!board || ids.length === 0) return;
    const set_ = new Set<number>(ids);
    set({ current: { ...board, cards: board.cards.map((c) => (set_.has(c.id) ? { ...c, color } : c)) } });
    const ok = await mutate(() => getClient().call('boards.updateCards', { ids, color }));
    await changed('boards.updateCards');
    if (!ok) await get().load();
  },

  async vote(target, ids) {
    for (const id of ids) await mutate(() => getClient().call('boards.vote', { target, id, delta: 1 }));
    await changed('boards.vote');
  },

  async editNote(id, text) {
    const board = get().current;
    if (!board) return;
    set({ current: { ...board, cards: board.cards.map((c) => (c.id === id ? { ...c, text } : c)) } });
    const ok = await mutate(() => getClient().call('boards.updateCard', { id, text }));
    await changed('boards.updateCard');
    if (!ok) await get().load();
  },

  async collapseGroup(id, collapsed) {
    const board = get().current;
    if (!board) return;
    set({ current: { ...board, groups: board.groups.map((g) => (g.id === id ? { ...g, collapsed } : g)) } });
    const ok = await mutate(() => getClient().call('boards.updateGroup', { id, collapsed }));
    await changed('boards.updateGroup');
    if (!ok) await get().load();
  },

  async saveViewport(boardId, viewport) {
    // Not announced as a change: nothing on the wall depends on it, so nothing reloads.
    await mutate(() =>
      getClient().call('boards.setViewport', {
        id: boardId,
        x: Math.round(viewport.x),
        y: Math.round(viewport.y),
        zoom: viewport.zoom,
      }),
    );
  },

  async tidyGroup(id) {
    const ok = await mutate(() => getClient().call('boards.tidyGroup', { id }));
    if (ok) await changed('boards.tidyGroup');
  },

  async bindGroup(id, codeId) {
    const answer = await mutate(() =>
      getClient().call(
        'boards.bindGroup',
        codeId === 'new' ? { groupId: id, createCode: true } : { groupId: id, codeId },
      ),
    );
    if (!answer) return;
    await changed('boards.bindGroup', 'codes.add');
    const code = answer.group.code;
    useActivity
      .getState()
      .toast(
        'success',
        code
          ? `Group bound to the code ${code.name}${answer.applied ? `; coded ${answer.applied} excerpt${answer.applied === 1 ? '' : 's'}` : ''}`
          : 'Group unbound; its codings stay',
      );
  },

  reset() {
    selectedBoard = null;
    set({ boards: [], current: null, loaded: false });
  },
}));
