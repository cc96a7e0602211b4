/**
 * Where everything on the wall is drawn: pure geometry from a board to positioned boxes.
 *
 * Stored coordinates are absolute canvas units for cards and groups alike (as core/board/layout.ts
 * places them); @xyflow/react's parent nodes want positions relative to the parent, so `rel`
 * is worked out here. Groups grow to hold their cards and sub-groups. A card
 * whose stored place overlaps a card already placed in the same container (a card just added
 * at 0,0, or one from a board laid out before the canvas) is shown in the container's next
 * free grid slot instead; it is stored there when it is next moved.
 */

import { CARD_H, CARD_W, GAP, HEADER, MIN_GROUP_H, MIN_GROUP_W, PAD } from '../../../core/board/layout.js';
import type { BoardCard, BoardDetail, BoardGroup, GroupId } from '../../../core/contract/index.js';

export { CARD_H, CARD_W, GAP, HEADER, PAD };
export const GROUP_MIN_W = MIN_GROUP_W;
export const GROUP_MIN_H = MIN_GROUP_H;
export const COLLAPSED_H = HEADER;
/** Top-level cards that need a slot are put in rows this many cards wide. */
const ROOT_COLUMNS = 6;

export type WallGroup = BoardGroup;
export type WallCard = BoardCard;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placed {
  /** Position relative to the parent (group) or the canvas. */
  rel: { x: number; y: number };
  /** Position on the canvas. */
  abs: Box;
  /** Hidden because a group holding it is collapsed. */
  hidden: boolean;
}

export interface Layout {
  groups: Map<GroupId, Placed & { depth: number; parent: GroupId | null }>;
  cards: Map<number, Placed & { parent: GroupId | null }>;
  /** Groups with parents after them, as parent nodes must come first. */
  groupOrder: GroupId[];
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function parentOf(g: WallGroup, ids: ReadonlySet<number>): GroupId | null {
  const p = g.parentId ?? null;
  return p !== null && ids.has(p) && p !== g.id ? p : null;
}

/**
 * Boxes bucketed in a coarse grid, so "does this overlap anything" looks at the few boxes
 * nearby instead of every card in the container (a group of 500 cards laid out card by card
 * was quadratic: a tenth of a second before a 2,000-card wall showed).
 */
export class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  private static readonly CELL = 512;
  constructor(boxes: readonly Box[] = []) {
    for (const b of boxes) this.add(b);
  }
  private keys(b: Box): string[] {
    const c = BoxIndex.CELL;
    const out: string[] = [];
    for (let i = Math.floor(b.x / c); i <= Math.floor((b.x + b.w) / c); i++)
      for (let j = Math.floor(b.y / c); j <= Math.floor((b.y + b.h) / c); j++) out.push(`${i},${j}`);
    return out;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: Box): boolean {
    for (const k of this.keys(b)) if (this.cells.get(k)?.some((t) => overlaps(t, b))) return true;
    return false;
  }
}

/**
 * The first grid slot in a container that overlaps nothing in `taken`. `cursor` (the slot to
 * start from) lets one container's placements go on where the last one stopped: what is taken
 * only grows, so the slots before it stay taken. Without it, a card dropped over the grid pushed
 * each card after it to a slot searched from the top: 50,000 overlap tests at 2,000 cards.
 */
export function freeSlot(
  taken: readonly Box[] | BoxIndex,
  inGroup: boolean,
  columns: number,
  cursor: { i: number } = { i: 0 },
): { x: number; y: number } {
  const index = taken instanceof BoxIndex ? taken : new BoxIndex(taken);
  const x0 = inGroup ? PAD : 0;
  const y0 = inGroup ? HEADER : 0;
  for (let i = cursor.i; i < 100_000; i++) {
    const x = x0 + (i % columns) * (CARD_W + GAP);
    const y = y0 + Math.floor(i / columns) * (CARD_H + GAP);
    if (!index.hits({ x, y, w: CARD_W, h: CARD_H })) {
      cursor.i = i + 1;
      return { x, y };
    }
  }
  return { x: x0, y: y0 };
}

export function columnsFor(width: number): number {
  return Math.max(1, Math.floor((width - 2 * PAD + GAP) / (CARD_W + GAP)));
}

export function layoutBoard(board: BoardDetail): Layout {
  const groups = board.groups as WallGroup[];
  const cards = board.cards as WallCard[];
  const ids = new Set(groups.map((g) => g.id));
  const byId = new Map(groups.map((g) => [g.id, g]));
  const children = new Map<GroupId | null, WallGroup[]>();
  for (const g of groups) {
    // A parent chain that loops (never written by the app) is cut: the group goes to the top.
    let p = parentOf(g, ids);
    const seen = new Set([g.id]);
    for (let q = p; q !== null; q = parentOf(byId.get(q) as WallGroup, ids)) {
      if (seen.has(q)) {
        p = null;
        break;
      }
      seen.add(q);
    }
    const list = children.get(p) ?? [];
    list.push(g);
    children.set(p, list);
  }
  const cardsIn = new Map<GroupId | null, WallCard[]>();
  for (const c of cards) {
    const key = c.groupId !== null && ids.has(c.groupId) ? c.groupId : null;
    const list = cardsIn.get(key) ?? [];
    list.push(c);
    cardsIn.set(key, list);
  }
  for (const list of cardsIn.values()) list.sort((a, b) => a.order - b.order || a.id - b.id);

  const out: Layout = { groups: new Map(), cards: new Map(), groupOrder: [] };
  const relCards = new Map<number, { x: number; y: number }>();
  const relGroups = new Map<GroupId, { x: number; y: number }>();
  const sizes = new Map<GroupId, { w: number; h: number }>();

  // Sizes bottom-up: a group holds its cards and its sub-groups.
  const size = (g: WallGroup): { w: number; h: number } => {
    const subs = children.get(g.id) ?? [];
    for (const s of subs) sizes.set(s.id, size(s));
    const width = Math.max(g.w, GROUP_MIN_W);
    const taken: Box[] = subs.map((s) => ({
      x: s.x - g.x,
      y: s.y - g.y,
      ...(sizes.get(s.id) as { w: number; h: number }),
    }));
    for (const s of subs) relGroups.set(s.id, { x: s.x - g.x, y: s.y - g.y });
    const placed: Box[] = [];
    const index = new BoxIndex(taken);
    const cursor = { i: 0 };
    for (const c of cardsIn.get(g.id) ?? []) {
      let at = { x: c.x - g.x, y: c.y - g.y };
      const box = { ...at, w: CARD_W, h: CARD_H };
      if (at.y < HEADER || at.x < 0 || index.hits(box)) at = freeSlot(index, true, columnsFor(width), cursor);
      const put = { ...at, w: CARD_W, h: CARD_H };
      placed.push(put);
      index.add(put);
      relCards.set(c.id, at);
    }
    if (g.collapsed) return { w: width, h: COLLAPSED_H };
    let w = width;
    let h = Math.max(g.h, GROUP_MIN_H);
    for (const b of [...taken, ...placed]) {
      w = Math.max(w, b.x + b.w + PAD);
      h = Math.max(h, b.y + b.h + PAD);
    }
    return { w, h };
  };
  const roots = children.get(null) ?? [];
  for (const g of roots) {
    sizes.set(g.id, size(g));
    relGroups.set(g.id, { x: g.x, y: g.y });
  }
  // Top-level cards avoid each other and the groups.
  const rootTaken: Box[] = roots.map((g) => ({ x: g.x, y: g.y, ...(sizes.get(g.id) as { w: number; h: number }) }));
  const rootIndex = new BoxIndex(rootTaken);
  for (const c of cardsIn.get(null) ?? []) {
    let at = { x: c.x, y: c.y };
    if (rootIndex.hits({ ...at, w: CARD_W, h: CARD_H })) {
      const bottom = Math.max(0, ...rootTaken.map((t) => t.y + t.h));
      const below = freeSlot(
        rootTaken.map((t) => ({ ...t, y: t.y - bottom - GAP })),
        false,
        ROOT_COLUMNS,
      );
      at = { x: below.x, y: below.y + bottom + GAP };
    }
    rootTaken.push({ ...at, w: CARD_W, h: CARD_H });
    rootIndex.add({ ...at, w: CARD_W, h: CARD_H });
    relCards.set(c.id, at);
  }

  // Absolute positions top-down.
  const walk = (parent: GroupId | null, origin: { x: number; y: number }, hidden: boolean, depth: number) => {
    for (const g of children.get(parent) ?? []) {
      const rel = relGroups.get(g.id) as { x: number; y: number };
      const { w, h } = sizes.get(g.id) as { w: number; h: number };
      const abs = { x: origin.x + rel.x, y: origin.y + rel.y, w, h };
      out.groups.set(g.id, { rel, abs, hidden, depth, parent });
      out.groupOrder.push(g.id);
      const inner = hidden || Boolean(g.collapsed);
      for (const c of cardsIn.get(g.id) ?? []) {
        const r = relCards.get(c.id) as { x: number; y: number };
        out.cards.set(c.id, {
          rel: r,
          abs: { x: abs.x + r.x, y: abs.y + r.y, w: CARD_W, h: CARD_H },
          hidden: inner,
          parent: g.id,
        });
      }
      walk(g.id, abs, inner, depth + 1);
    }
  };
  walk(null, { x: 0, y: 0 }, false, 0);
  for (const c of cardsIn.get(null) ?? []) {
    const r = relCards.get(c.id) as { x: number; y: number };
    out.cards.set(c.id, { rel: r, abs: { ...r, w: CARD_W, h: CARD_H }, hidden: false, parent: null });
  }
  return out;
}

/** The innermost shown, open group whose box holds the point (deepest first, then smallest). */
export function groupAt(
  layout: Layout,
  point: { x: number; y: number },
  exclude: ReadonlySet<GroupId>,
  boxes: (id: GroupId) => Box | undefined = (id) => layout.groups.get(id)?.abs,
  collapsed: (id: GroupId) => boolean = () => false,
): GroupId | null {
  let best: { id: GroupId; depth: number; area: number } | null = null;
  for (const [id, g] of layout.groups) {
    if (g.hidden || exclude.has(id) || collapsed(id)) continue;
    const b = boxes(id);
    if (!b) continue;
    if (point.x < b.x || point.x > b.x + b.w || point.y < b.y || point.y > b.y + b.h) continue;
    const area = b.w * b.h;
    if (!best || g.depth > best.depth || (g.depth === best.depth && area < best.area)) {
      best = { id, depth: g.depth, area };
    }
  }
  return best?.id ?? null;
}

/** The next free card slot inside a group (relative to it), for moves made without a pointer. */
export function slotInGroup(board: BoardDetail, layout: Layout, groupId: GroupId, skip: ReadonlySet<number>): Box {
  const group = (board.groups as WallGroup[]).find((g) => g.id === groupId);
  const width = layout.groups.get(groupId)?.abs.w ?? GROUP_MIN_W;
  const taken: Box[] = [];
  for (const [id, c] of layout.cards)
    if (c.parent === groupId && !skip.has(id)) taken.push({ ...c.rel, w: CARD_W, h: CARD_H });
  for (const [, g] of layout.groups) if (g.parent === groupId) taken.push({ ...g.rel, w: g.abs.w, h: g.abs.h });
  const at = freeSlot(taken, true, columnsFor(Math.max(width, group?.w ?? 0)));
  return { ...at, w: CARD_W, h: CARD_H };
}

/** The first free top-level card slot, in rows of six from the top left. */
export function rootSlot(layout: Layout): { x: number; y: number } {
  const taken: Box[] = [];
  for (const g of layout.groups.values()) if (g.parent === null) taken.push(g.abs);
  for (const c of layout.cards.values()) if (c.parent === null) taken.push(c.abs);
  return freeSlot(taken, false, ROOT_COLUMNS);
}

/** A free top-level place for new cards: below everything, in rows. */
export function slotsBelow(layout: Layout, count: number): { x: number; y: number }[] {
  let bottom = 0;
  for (const g of layout.groups.values()) if (g.parent === null) bottom = Math.max(bottom, g.abs.y + g.abs.h);
  for (const c of layout.cards.values()) if (c.parent === null) bottom = Math.max(bottom, c.abs.y + c.abs.h);
  const y0 = layout.groups.size + layout.cards.size === 0 ? 0 : bottom + GAP * 2;
  return Array.from({ length: count }, (_, i) => ({
    x: (i % ROOT_COLUMNS) * (CARD_W + GAP),
    y: y0 + Math.floor(i / ROOT_COLUMNS) * (CARD_H + GAP),
  }));
}

/** Canvas node ids (`c<card>`, `g<group>`) of the shown cards and groups wholly inside `box` (canvas units). */
export function enclosed(layout: Layout, box: { x: number; y: number; w: number; h: number }): string[] {
  const within = (b: { x: number; y: number; w: number; h: number }) =>
    b.x >= box.x && b.y >= box.y && b.x + b.w <= box.x + box.w && b.y + b.h <= box.y + box.h;
  const ids: string[] = [];
  for (const [id, c] of layout.cards) if (!c.hidden && within(c.abs)) ids.push(`c${id}`);
  for (const [id, g] of layout.groups) if (!g.hidden && within(g.abs)) ids.push(`g${id}`);
  return ids;
}
