/**
 * Where the wall puts things it places itself (board from codes, cards added in bulk, tidy):
 * cards on a grid inside their group, groups side by side in rows, nothing overlapping.
 * Pure arithmetic on board coordinates (cards and groups both in absolute canvas units).
 */

export const CARD_W = 240;
export const CARD_H = 120;
export const GAP = 16;
/** Inside a group: padding at the sides and bottom, and room for its title above the cards. */
export const PAD = 16;
export const HEADER = 48;
/** A group never shrinks below the size a new group has. */
export const MIN_GROUP_W = 320;
export const MIN_GROUP_H = 240;
/** Cards per row in an automatically laid out group: a square-ish block, never wider than this. */
export const MAX_COLUMNS = 8;
/** Groups per row on a board laid out from codes. */
export const GROUPS_PER_ROW = 4;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Columns for n cards: about square, at least one, at most MAX_COLUMNS. */
export function columnsFor(n: number): number {
  return Math.max(1, Math.min(MAX_COLUMNS, Math.ceil(Math.sqrt(n))));
}

/** The size of a group holding n cards in `columns` columns. */
export function groupSize(n: number, columns = columnsFor(n)): { w: number; h: number } {
  const rows = Math.max(1, Math.ceil(n / columns));
  const cols = Math.max(1, Math.min(columns, Math.max(n, 1)));
  return {
    w: Math.max(MIN_GROUP_W, 2 * PAD + cols * CARD_W + (cols - 1) * GAP),
    h: Math.max(MIN_GROUP_H, HEADER + PAD + rows * CARD_H + (rows - 1) * GAP),
  };
}

/** The top-left corner of the i-th card of a grid whose first card is at `origin`. */
export function gridSlot(origin: Point, i: number, columns: number): Point {
  return {
    x: origin.x + (i % columns) * (CARD_W + GAP),
    y: origin.y + Math.floor(i / columns) * (CARD_H + GAP),
  };
}

/** The i-th card slot inside a group at (x, y). */
export function slotInGroup(group: Point, i: number, columns: number): Point {
  return gridSlot({ x: group.x + PAD, y: group.y + HEADER }, i, columns);
}

/** Groups placed in rows of GROUPS_PER_ROW from `origin`, each row as tall as its tallest group. */
export function placeGroups(sizes: readonly { w: number; h: number }[], origin: Point): Rect[] {
  const out: Rect[] = [];
  let x = origin.x;
  let y = origin.y;
  let rowH = 0;
  sizes.forEach((size, i) => {
    if (i > 0 && i % GROUPS_PER_ROW === 0) {
      x = origin.x;
      y += rowH + 2 * GAP;
      rowH = 0;
    }
    out.push({ x, y, w: size.w, h: size.h });
    x += size.w + 2 * GAP;
    rowH = Math.max(rowH, size.h);
  });
  return out;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
