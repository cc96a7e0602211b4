/**
 * The cards the canvas (@xyflow/react) does not hold as nodes, drawn on one <canvas> over it:
 * far out (below FAR_ZOOM) every card not selected, focused or edited, and at any zoom the
 * cards in view whose node is not mounted yet (a zoom mounts them a few a frame, and not at
 * all while the wheel or a pinch is still moving). A card as a node costs @xyflow/react's
 * wrapper, its drag handlers and its store subscriptions and the page's style, layout and
 * paint on every zoom step; 2,000 rectangles on a canvas cost a few milliseconds.
 *
 * Far out each drawn card still has an element of its own, carrying `data-card-id`, its
 * accessible name and its place (an invisible box in the canvas's viewport, focusable, shown
 * with its focus ring), for the keyboard, screen readers and tests. A click on it picks the card
 * (a picked card becomes a node again); a drag on it moves the card into the group it is let go
 * over, as a node's drag does.
 */
import { useStore, useStoreApi, ViewportPortal } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardDetail } from '../../../../core/contract/index.js';
import { viewOf } from '../../lib/wallCull.js';
import { type Box, CARD_H, CARD_W, groupAt, type Layout, type WallCard, type WallGroup } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { cardNode, useWall } from '../../stores/wall.js';
import { cardLabel, FAR_ZOOM } from './CardNode.js';

/** Card elements mounted or let go per frame while they catch up: invisible, they may trail the drawing. */
const HOOK_STEP = 150;

const meets = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function WallFarLayer({
  board,
  layout,
  shown,
  area,
  settling,
}: {
  board: BoardDetail;
  layout: Layout;
  /** Nodes handed to the canvas: those draw themselves. */
  shown: ReadonlySet<string>;
  /** The culling area: far out, the cards in it get their invisible element. */
  area: Box;
  /** Whether the view is still moving: the card elements wait until it stops. */
  settling: () => boolean;
}) {
  const storeApi = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const cards = useMemo(() => new Map((board.cards as WallCard[]).map((c) => [c.id, c])), [board]);
  // What the drawing needs is read through a ref: the draw runs from the store's subscription.
  const latest = useRef({ layout, shown, cards });
  latest.current = { layout, shown, cards };
  const redraw = useRef(() => {});

  useEffect(() => {
    let frame = 0;
    let palette: Palette | null = null;
    /** Whether the canvas holds anything: an empty canvas left alone costs the frame nothing. */
    let drawn = false;
    const draw = () => {
      frame = 0;
      const el = canvas.current;
      const s = storeApi.getState();
      if (!el || !s.width || !s.height) return;
      const view = viewOf(s.transform, s.width, s.height);
      if (!drawn && !anyToPaint(latest.current, view)) return;
      const ratio = window.devicePixelRatio || 1;
      const w = Math.round(s.width * ratio);
      const h = Math.round(s.height * ratio);
      if (el.width !== w || el.height !== h) {
        el.width = w;
        el.height = h;
      }
      const ctx = el.getContext('2d');
      if (!ctx) return;
      palette ??= readPalette(el);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const [tx, ty, zoom] = s.transform;
      ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
      drawn = paintCards(ctx, latest.current, view, zoom, palette);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    redraw.current = schedule;
    const stop = storeApi.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) schedule();
    });
    const colours = window.matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => {
      palette = null;
      schedule();
    };
    colours.addEventListener('change', recolour);
    schedule();
    return () => {
      stop();
      colours.removeEventListener('change', recolour);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [storeApi]);
  // A new layout, or nodes mounted or let go: drawn again in the next frame.
  useEffect(() => {
    void layout;
    void shown;
    redraw.current();
  }, [layout, shown]);

  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  return (
    <>
      <canvas ref={canvas} className="wall-far" />
      <FarHooks cards={cards} layout={layout} shown={shown} area={far ? area : null} settling={settling} />
    </>
  );
}

/**
 * Far out: an invisible, focusable element per drawn card in the area. They come and go
 * HOOK_STEP a frame, nearest the middle first, and not while the view moves; a card that is a
 * node has none (one element per `data-card-id`).
 */
const FarHooks = memo(function FarHooks({
  cards,
  layout,
  shown,
  area,
  settling,
}: {
  cards: ReadonlyMap<number, WallCard>;
  layout: Layout;
  shown: ReadonlySet<string>;
  /** Null when not far out: every element goes. */
  area: Box | null;
  settling: () => boolean;
}) {
  const ids = useMemo(() => {
    if (!area) return [];
    const out: number[] = [];
    const cx = area.x + area.w / 2;
    const cy = area.y + area.h / 2;
    for (const [id, c] of layout.cards) if (!c.hidden && meets(c.abs, area)) out.push(id);
    const d = (id: number) => {
      const b = layout.cards.get(id)?.abs as Box;
      return (b.x + b.w / 2 - cx) ** 2 + (b.y + b.h / 2 - cy) ** 2;
    };
    return out.sort((a, b) => d(a) - d(b));
  }, [layout, area]);
  const [mounted, setMounted] = useState<readonly number[]>([]);
  const drop = useCallback((card: WallCard, x: number, y: number) => dropFarCard(layout, card, x, y), [layout]);
  const current = useRef(mounted);
  useEffect(() => {
    let frame = 0;
    const step = () => {
      frame = 0;
      if (settling()) {
        frame = requestAnimationFrame(step);
        return;
      }
      const now = current.current;
      // A card that is a node has no element, not even one kept hidden: when it stops being a
      // node, its element comes a frame later, after the node has left the page (one element per
      // `data-card-id`).
      const free = ids.filter((id) => !shown.has(cardNode(id)));
      const wanted = new Set(free);
      const have = new Set(now);
      const leaving = now.filter((id) => !wanted.has(id));
      const gone = new Set(leaving.slice(0, HOOK_STEP));
      const coming = free.filter((id) => !have.has(id)).slice(0, HOOK_STEP);
      if (gone.size === 0 && coming.length === 0) return;
      current.current = [...now.filter((id) => !gone.has(id)), ...coming];
      setMounted(current.current);
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [ids, settling, shown]);
  return (
    <ViewportPortal>
      {mounted.map((id) => {
        const c = cards.get(id);
        const at = layout.cards.get(id);
        return c && at && !shown.has(cardNode(id)) ? (
          <Hook key={id} card={c} x={at.abs.x} y={at.abs.y} onDrop={drop} />
        ) : null;
      })}
    </ViewportPortal>
  );
});

/** A pointer moved less than this (screen pixels) is a click, not a drag. */
const DRAG_SLOP = 4;

const Hook = memo(function Hook({
  card,
  x,
  y,
  onDrop,
}: {
  card: WallCard;
  x: number;
  y: number;
  onDrop: (card: WallCard, x: number, y: number) => void;
}) {
  const participant = card.excerpt?.participant;
  const storeApi = useStoreApi();
  // Where the pointer went down and how far the card has been dragged (in wall units).
  const press = useRef<{ id: number; sx: number; sy: number; zoom: number; moved: boolean } | null>(null);
  const dropped = useRef(false);
  const [offset, setOffset] = useState<{ dx: number; dy: number } | null>(null);
  return (
    // biome-ignore lint/a11y/useSemanticElements: the same role and keys as a card node (CardNode.tsx)
    // biome-ignore lint/a11y/useKeyWithClickEvents: Space and Enter pick it in the wall's onKeyDown, as for a card node
    <div
      className={`wall-card far wall-hook nopan${offset ? ' dragging' : ''}`}
      data-card-id={card.id}
      data-id={cardNode(card.id)}
      role="button"
      tabIndex={0}
      aria-pressed={false}
      aria-label={`${cardLabel(card)}${participant ? `, ${participant}` : ''}`}
      style={{ left: x + (offset?.dx ?? 0), top: y + (offset?.dy ?? 0), width: CARD_W, height: CARD_H }}
      // Far out the card is dragged here, by its element: it is not a node of the canvas.
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        // A drop whose click never came (a touch, say) must not swallow this press's click.
        dropped.current = false;
        e.currentTarget.setPointerCapture(e.pointerId);
        const zoom = storeApi.getState().transform[2] || 1;
        press.current = { id: e.pointerId, sx: e.clientX, sy: e.clientY, zoom, moved: false };
      }}
      onPointerMove={(e) => {
        const p = press.current;
        if (!p || p.id !== e.pointerId) return;
        const dx = e.clientX - p.sx;
        const dy = e.clientY - p.sy;
        if (!p.moved && Math.hypot(dx, dy) < DRAG_SLOP) return;
        p.moved = true;
        setOffset({ dx: dx / p.zoom, dy: dy / p.zoom });
      }}
      onPointerUp={(e) => {
        const p = press.current;
        press.current = null;
        if (!p || p.id !== e.pointerId || !p.moved) return;
        setOffset(null);
        dropped.current = true;
        onDrop(card, x + (e.clientX - p.sx) / p.zoom, y + (e.clientY - p.sy) / p.zoom);
      }}
      onPointerCancel={() => {
        press.current = null;
        setOffset(null);
      }}
      onClick={(e) => {
        // The click that ends a drag does not also pick the card.
        if (dropped.current) {
          dropped.current = false;
          return;
        }
        useWall.getState().toggle(cardNode(card.id), e.shiftKey || e.metaKey || e.ctrlKey);
      }}
    />
  );
});

/** A far card let go at (x, y): it lands in the innermost group under its middle, or on the canvas. */
function dropFarCard(layout: Layout, card: WallCard, x: number, y: number): void {
  const store = useBoard.getState();
  const current = store.current;
  if (!current) return;
  const collapsed = new Set((current.groups as WallGroup[]).filter((g) => g.collapsed).map((g) => g.id));
  const target = groupAt(layout, { x: x + CARD_W / 2, y: y + CARD_H / 2 }, new Set(), undefined, (id) =>
    collapsed.has(id),
  );
  const name = target === null ? 'the canvas' : `group “${current.groups.find((g) => g.id === target)?.name}”`;
  useWall.getState().announce(`${cardLabel(card)} dropped on ${name}`);
  void store.moveCards([{ id: card.id, groupId: target, x, y }]);
}

interface Palette {
  surface: string;
  border: string;
  bar: string;
  note: string;
  noteBorder: string;
  /** The colours a tinted card mixes from. */
  surfaceRgb: [number, number, number];
}

function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const surface = v('--surface', '#ffffff');
  const muted = rgb(v('--muted', '#676b72')) ?? [103, 107, 114];
  return {
    surface,
    border: v('--border', '#e2dfd7'),
    bar: `rgb(${muted.join(' ')} / 30%)`,
    note: '#fff4b8',
    noteBorder: '#e9d77a',
    surfaceRgb: rgb(surface) ?? [255, 255, 255],
  };
}

type Drawing = { layout: Layout; shown: ReadonlySet<string>; cards: ReadonlyMap<number, WallCard> };

const toPaint = ({ layout, shown }: Drawing, view: Box, id: number) => {
  const at = layout.cards.get(id);
  return at !== undefined && !at.hidden && meets(at.abs, view) && !shown.has(cardNode(id));
};

function anyToPaint(drawing: Drawing, view: Box): boolean {
  for (const id of drawing.layout.cards.keys()) if (toPaint(drawing, view, id)) return true;
  return false;
}

/** The cards in `view` that are not nodes, one path per fill (a few draw calls in all); whether there were any. */
function paintCards(
  ctx: CanvasRenderingContext2D,
  drawing: Drawing,
  view: Box,
  zoom: number,
  palette: Palette,
): boolean {
  const { layout, cards } = drawing;
  const fills = new Map<string, Path2D>();
  const outline = new Path2D();
  const bars = new Path2D();
  const fillOf = (c: WallCard | undefined): string => {
    if (c?.kind === 'note') return c.color ? mix(c.color, 0.3, [255, 251, 224]) : palette.note;
    return c?.color ? mix(c.color, 0.22, palette.surfaceRgb) : palette.surface;
  };
  let any = false;
  for (const [id, at] of layout.cards) {
    if (!toPaint(drawing, view, id)) continue;
    any = true;
    const c = cards.get(id);
    const { x, y, w, h } = at.abs;
    const fill = fillOf(c);
    let path = fills.get(fill);
    if (!path) {
      path = new Path2D();
      fills.set(fill, path);
    }
    path.rect(x, y, w, h);
    outline.rect(x + 0.5, y + 0.5, w - 1, h - 1);
    // The text as a bar, as a far card node shows it (.card-bars).
    bars.rect(x + 16, y + 16, w - 32, h / 2);
  }
  if (!any) return false;
  for (const [fill, path] of fills) {
    ctx.fillStyle = fill;
    ctx.fill(path);
  }
  ctx.fillStyle = palette.bar;
  ctx.fill(bars);
  ctx.strokeStyle = palette.border;
  // At least a device pixel wide, however far out.
  ctx.lineWidth = Math.max(1, 1 / zoom);
  ctx.stroke(outline);
  return true;
}

function rgb(colour: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (!m?.[1]) return null;
  const n = Number.parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `colour` mixed `share` into `base`, as color-mix(in srgb, …) does in the card's style sheet. */
function mix(colour: string, share: number, base: [number, number, number]): string {
  const c = rgb(colour);
  if (!c) return `rgb(${base.join(' ')})`;
  return `rgb(${c.map((v, i) => Math.round(v * share + (base[i] as number) * (1 - share))).join(' ')})`;
}
