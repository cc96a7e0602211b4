/**
 * Which of the wall's nodes are handed to the canvas (@xyflow/react), and so are in the page:
 * those near the view, not all 2,000. xyflow walks every node it holds on every frame of a pan
 * or zoom, and every node's store subscription runs on each change; here the view is grown by a
 * margin (the overscan: a zoom or short pan mounts nothing while it moves) and the set is only
 * recomputed when the view leaves it (or shrinks well inside it), then reached a few cards a frame.
 *
 * Nodes off the view that something still needs are kept: the selection (a drag moves it all),
 * the focused card (its element must not vanish under the keyboard), a card being edited, and
 * the parent groups of every kept node (xyflow needs a child's parent). What a selection box
 * takes is decided from the layout (`enclosed`), so culled cards are selected all the same.
 */
import type { Box, Layout } from './wallLayout.js';

/** How much of the view's width (and height) is added on each side. */
export const MARGIN = 0.25;

/** The canvas area seen through a pane of `width` × `height` pixels at transform [x, y, zoom]. */
export function viewOf(transform: readonly [number, number, number], width: number, height: number): Box {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, w: width / zoom, h: height / zoom };
}

export function grow(view: Box, margin = MARGIN): Box {
  return {
    x: view.x - view.w * margin,
    y: view.y - view.h * margin,
    w: view.w * (1 + 2 * margin),
    h: view.h * (1 + 2 * margin),
  };
}

/**
 * Whether nodes culled to `area` still serve `view`: it lies inside, and the area is not so much
 * bigger (zoomed in a long way) that most of what is mounted is off screen.
 */
export function serves(area: Box, view: Box, margin = MARGIN): boolean {
  const inside =
    view.x >= area.x && view.y >= area.y && view.x + view.w <= area.x + area.w && view.y + view.h <= area.y + area.h;
  const needed = (1 + 2 * margin) ** 2 * view.w * view.h;
  return inside && area.w * area.h <= needed * 4;
}

const meets = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Node ids (`c<card>`, `g<group>`) to hand to the canvas for `area`, with `keep` and every kept
 * node's parents. Without `cards` (far out, where the cards are drawn on one canvas) only the
 * groups in the area and the kept nodes.
 */
export function culled(layout: Layout, area: Box, keep: Iterable<string>, cards = true): Set<string> {
  const out = new Set<string>();
  const withParents = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    let parent = id.startsWith('c')
      ? (layout.cards.get(Number(id.slice(1)))?.parent ?? null)
      : (layout.groups.get(Number(id.slice(1)) as never)?.parent ?? null);
    while (parent !== null && !out.has(`g${parent}`)) {
      out.add(`g${parent}`);
      parent = layout.groups.get(parent)?.parent ?? null;
    }
  };
  for (const [id, g] of layout.groups) if (!g.hidden && meets(g.abs, area)) withParents(`g${id}`);
  if (cards) for (const [id, c] of layout.cards) if (!c.hidden && meets(c.abs, area)) withParents(`c${id}`);
  for (const id of keep) withParents(id);
  return out;
}

/** The box holding every shown group and card (null on an empty board). */
export function bounds(layout: Layout): Box | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const take = (b: Box) => {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  };
  for (const g of layout.groups.values()) if (!g.hidden) take(g.abs);
  for (const c of layout.cards.values()) if (!c.hidden) take(c.abs);
  return x0 === Number.POSITIVE_INFINITY ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Cards mounted per frame while the view catches up: more in one frame costs a visible stutter. */
export const STEP = 24;
/** Cards let go per frame: unmounting a card node costs about what mounting one does. */
export const DROP = 96;

/**
 * One frame's step from the `mounted` nodes toward `target`: at most `drop` cards that left the
 * target go (their groups once none is left), the groups and the `urgent` nodes (selection,
 * focus, editing) come at once, and at most `step` other cards, those nearest the middle of
 * `area` first. Returns `mounted` itself when done.
 */
export function stepToward(
  mounted: ReadonlySet<string>,
  target: ReadonlySet<string>,
  urgent: ReadonlySet<string>,
  layout: Layout,
  area: Box,
  step = STEP,
  drop = DROP,
): ReadonlySet<string> {
  const next = new Set<string>();
  let leaving = 0;
  for (const id of mounted) {
    if (target.has(id)) next.add(id);
    else if (id.startsWith('c') && ++leaving > drop) next.add(id);
  }
  // A group stays while a card of it might: a node's parent must be a node.
  if (leaving > drop) for (const id of mounted) if (id.startsWith('g')) next.add(id);
  const waiting: { id: string; d: number }[] = [];
  const cx = area.x + area.w / 2;
  const cy = area.y + area.h / 2;
  for (const id of target) {
    if (next.has(id)) continue;
    if (id.startsWith('g') || urgent.has(id)) {
      next.add(id);
      continue;
    }
    const b = layout.cards.get(Number(id.slice(1)))?.abs;
    waiting.push({ id, d: b ? (b.x + b.w / 2 - cx) ** 2 + (b.y + b.h / 2 - cy) ** 2 : 0 });
  }
  waiting.sort((a, b) => a.d - b.d);
  for (const w of waiting.slice(0, step)) next.add(w.id);
  return next.size === mounted.size && [...next].every((id) => mounted.has(id)) ? mounted : next;
}
