/**
 * The wall's minimap: groups and cards drawn on one <canvas> from the layout, and the part of
 * the wall in view as a frame. Clicking or dragging on it centres the view there; the wheel
 * zooms. @xyflow/react's own MiniMap draws one SVG element per node, each with its own store
 * subscription: at 2,000 cards that was a quarter of the first open and work on every frame of
 * a drag or zoom.
 */
import { useReactFlow, useStore } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Box, Layout } from '../../lib/wallLayout.js';

const W = 200;
const H = 150;

export function WallMiniMap({ layout }: { layout: Layout }) {
  const flow = useReactFlow();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const canvas = useRef<HTMLCanvasElement>(null);
  const content = useMemo(() => bounds(layout), [layout]);
  const view: Box = { x: -tx / zoom, y: -ty / zoom, w: width / zoom, h: height / zoom };
  // The drawing covers the content and the view, with a margin, at one scale for both axes.
  const all = union(content ?? view, view);
  const scale = Math.min(W / (all.w * 1.1), H / (all.h * 1.1));
  const ox = all.x - (W / scale - all.w) / 2;
  const oy = all.y - (H / scale - all.h) / 2;

  // The groups and cards are drawn once per layout, at the content's own scale; each frame of a
  // pan or zoom copies that picture (scaled down when the view reaches past the content) and
  // draws the view's frame: redrawing 2,000 cards every frame cost a tenth of the zoom's time.
  // Drawn after the wall's first paint (a frame, then a task): 2,000 rectangles are worth a
  // few dozen milliseconds the first cards should not wait for.
  const [picture, setPicture] = useState<Picture | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPicture(drawContent(layout, content)));
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [layout, content]);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, W, H);
    if (picture) {
      const k = scale / picture.scale;
      ctx.drawImage(picture.canvas, (picture.ox - ox) * scale, (picture.oy - oy) * scale, W * k, H * k);
    }
    ctx.strokeStyle = 'rgb(63 81 181 / 80%)';
    ctx.lineWidth = 1.5;
    ctx.strokeRect((view.x - ox) * scale, (view.y - oy) * scale, view.w * scale, view.h * scale);
  });

  const centreAt = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = (e.clientX - r.left) / scale + ox;
    const y = (e.clientY - r.top) / scale + oy;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };
  return (
    <canvas
      ref={canvas}
      className="wall-minimap"
      width={W * (window.devicePixelRatio || 1)}
      height={H * (window.devicePixelRatio || 1)}
      style={{ width: W, height: H }}
      role="img"
      aria-label="Minimap of the wall"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        centreAt(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) centreAt(e);
      }}
      onWheel={(e) => {
        e.stopPropagation();
        if (e.deltaY < 0) void flow.zoomIn({ duration: 0 });
        else void flow.zoomOut({ duration: 0 });
      }}
    />
  );
}

type Picture = { canvas: HTMLCanvasElement; scale: number; ox: number; oy: number };

/** The groups and cards on an offscreen canvas the minimap's size, fitted to the content. */
function drawContent(layout: Layout, content: Box | null): Picture | null {
  if (!content) return null;
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = W * ratio;
  canvas.height = H * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const scale = Math.min(W / (content.w * 1.1), H / (content.h * 1.1));
  const ox = content.x - (W / scale - content.w) / 2;
  const oy = content.y - (H / scale - content.h) / 2;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const rect = (b: Box) => ctx.fillRect((b.x - ox) * scale, (b.y - oy) * scale, b.w * scale, b.h * scale);
  ctx.fillStyle = 'rgb(63 81 181 / 18%)';
  for (const g of layout.groups.values()) if (!g.hidden) rect(g.abs);
  ctx.fillStyle = '#c9c4b8';
  for (const c of layout.cards.values()) if (!c.hidden) rect(c.abs);
  return { canvas, scale, ox, oy };
}

function bounds(layout: Layout): Box | null {
  let box: Box | null = null;
  for (const g of layout.groups.values()) if (g.parent === null) box = box ? union(box, g.abs) : g.abs;
  for (const c of layout.cards.values()) if (c.parent === null) box = box ? union(box, c.abs) : c.abs;
  return box;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}
