/**
 * The infinite canvas (@xyflow/react): groups are parent nodes, cards their children (or
 * free on the canvas). Pan by dragging the empty canvas, Space+drag or the wheel; zoom with
 * Ctrl/Cmd+wheel, pinch, the buttons or + and −; Shift+drag draws a selection box; Shift+click
 * adds to the selection. The keys are wallKeys.ts's, a drop is wallDrop.ts's; here the nodes
 * near the view are chosen (lib/wallCull.ts) and mounted a few a frame once the view stops.
 */
import {
  applyNodeChanges,
  type NodeChange,
  type OnNodeDrag,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Viewport,
} from '@xyflow/react';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardDetail, BoardId } from '../../../../core/contract/index.js';
import { culled, grow, STEP, serves, stepToward, viewOf } from '../../lib/wallCull.js';
import { type Box, CARD_W, enclosed, type Layout, layoutBoard } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { cardNode, nodeGroup, useWall } from '../../stores/wall.js';
import { CardNode, FAR_ZOOM, SUMMARY_ZOOM } from './CardNode.js';
import { GroupNode } from './GroupNode.js';
import { WallFarLayer } from './WallFarLayer.js';
import { WallMiniMap } from './WallMiniMap.js';
import { dropDragged } from './wallDrop.js';
import { fitBoard, onWallKey } from './wallKeys.js';
import { buildNodes, draftNode, type WallNode } from './wallNodes.js';

const nodeTypes = { card: CardNode, group: GroupNode };
/** A zoom or pan counts as still going this long after its last step: nothing is mounted meanwhile. */
const SETTLE_MS = 150;

export function WallCanvas({ board }: { board: BoardDetail }) {
  const flow = useReactFlow<WallNode>();
  const selected = useWall((s) => s.selected);
  const draft = useWall((s) => s.draft);
  const editing = useWall((s) => s.editing);
  const layout = useMemo(() => layoutBoard(board), [board]);
  const cache = useRef(new Map<string, WallNode>());
  const latest = useRef(layout);
  latest.current = layout;

  // Culling: only nodes near the view go to xyflow (lib/wallCull.ts). The area is recomputed at
  // most once a frame, and only when the view has left it.
  const storeApi = useStoreApi<WallNode>();
  const [area, setArea] = useState<Box>(() =>
    grow(viewOf(transformOf(viewportOf(board)), window.innerWidth, window.innerHeight)),
  );
  const areaRef = useRef(area);
  /** The node holding keyboard focus: kept mounted wherever the view goes. */
  const focused = useRef<string | null>(null);
  /** When the view last moved (a wheel step, a pinch, a pan). */
  const moved = useRef(0);
  const settling = useCallback(() => performance.now() - moved.current < SETTLE_MS, []);
  // Far out the cards are drawn on one canvas (WallFarLayer), not handed to xyflow.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  useEffect(() => {
    let frame = 0;
    const check = () => {
      frame = 0;
      const s = storeApi.getState();
      if (!s.width || !s.height) return;
      const view = viewOf(s.transform, s.width, s.height);
      if (serves(areaRef.current, view)) return;
      areaRef.current = grow(view);
      setArea(areaRef.current);
    };
    const stop = storeApi.subscribe((s, prev) => {
      if (s.transform === prev.transform && s.width === prev.width && s.height === prev.height) return;
      moved.current = performance.now();
      if (!frame) frame = requestAnimationFrame(check);
    });
    check();
    return () => {
      stop();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [storeApi]);
  const urgent = useMemo(() => {
    const keep = new Set(selected);
    if (editing !== null) keep.add(cardNode(editing));
    return keep;
  }, [selected, editing]);
  // The focused node is read when the area changes: a pan away from it must not unmount it.
  const target = useMemo(
    () => culled(layout, area, focused.current ? [...urgent, focused.current] : urgent, !far),
    [layout, area, urgent, far],
  );
  // What is mounted catches up with the target a few cards a frame (the nearest first): a zoom
  // step that brings 200 cards near the view then costs no single long frame.
  // Nothing is mounted or let go while the view is moving (WallFarLayer draws the cards in view
  // that are not nodes yet), nor before the first paint.
  const [shown, setShown] = useState<ReadonlySet<string>>(() => {
    const t = transformOf(viewportOf(board));
    return culled(layout, viewOf(t, window.innerWidth, window.innerHeight), urgent, t[2] >= FAR_ZOOM);
  });
  const mounted = useRef(shown);
  useEffect(() => {
    let frame = 0;
    const step = () => {
      if (settling() && [...urgent].every((id) => mounted.current.has(id) || !target.has(id))) {
        frame = requestAnimationFrame(step);
        return;
      }
      const next = stepToward(mounted.current, target, urgent, layout, area, STEP);
      if (next === mounted.current) return;
      mounted.current = next;
      setShown(next);
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target, urgent, layout, area, settling]);

  const [nodes, setNodes] = useState<WallNode[]>(() => buildNodes(board, layout, selected, shown, cache.current));
  useEffect(() => {
    const built = buildNodes(board, layout, selected, shown, cache.current);
    setNodes(draft ? [...built, draftNode(draft)] : built);
  }, [board, layout, selected, shown, draft]);
  const reveal = useWall((s) => s.reveal);
  useEffect(() => {
    if (!reveal) return;
    // From the layout, not xyflow: the group may be culled until the view reaches it.
    const id = nodeGroup(reveal.node);
    const box = id === null ? undefined : latest.current.groups.get(id)?.abs;
    if (!box) return;
    const { width, height } = storeApi.getState();
    const zoom = Math.min(1, width / (box.w * 1.1), height / (box.h * 1.1));
    void flow.setCenter(box.x + box.w / 2, box.y + box.h / 2, { zoom, duration: 200 }).then(() => {
      // A frame for the culling to mount it.
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(`.react-flow__node[data-id="${reveal.node}"] .group-head button`)
            ?.focus(),
        ),
      );
    });
  }, [reveal, flow, storeApi]);

  // The selection box's result is decided from the board's own layout when the box is let go:
  // what it encloses there is selected, nothing else. @xyflow/react picks nodes by its internal
  // positions, which can lag the store's for a moment after a move or an undo reload; the box
  // then took a card by where it had been (issue 9's "third item").
  const boxStart = useRef<{ x: number; y: number } | null>(null);
  const onSelectionEnd = useCallback(
    (e: React.MouseEvent) => {
      const a = boxStart.current;
      boxStart.current = null;
      if (!a) return;
      const b = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const ids = enclosed(latest.current, {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        w: Math.abs(a.x - b.x),
        h: Math.abs(a.y - b.y),
      });
      useWall.getState().select(ids);
    },
    [flow],
  );

  const onNodesChange = useCallback((changes: NodeChange<WallNode>[]) => {
    const picks = changes.filter((c) => c.type === 'select');
    if (picks.length > 0) {
      const next = new Set(useWall.getState().selected);
      for (const c of picks) {
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      useWall.getState().select(next);
    }
    const rest = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (rest.length > 0) setNodes((nds) => applyNodeChanges(rest, nds));
  }, []);

  /** A drop: each dragged card lands in the innermost group under its middle, or on the canvas. */
  const onNodeDragStop: OnNodeDrag<WallNode> = useCallback(
    (_e, _node, dragged) => dropDragged(flow, layout, dragged),
    [flow, layout],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => onWallKey(e, { flow, layout, current, newNote });

  const onDoubleClick = (e: React.MouseEvent) => {
    if (!(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
    const at = flow.screenToFlowPosition({ x: e.clientX - CARD_W / 2, y: e.clientY - 20 });
    newNote(at);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the canvas takes the wall's keys for whichever card has focus
    <div
      className="wall-canvas"
      // Focusable, so a click on the empty canvas gives the wall's keys (N, M, arrows) a target.
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onDoubleClick={onDoubleClick}
      onFocusCapture={(e) => {
        // A far card's element is not a node: kept in place by the far layer, not by the culling.
        focused.current = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null;
        // Tab can reach a card mounted just off screen: the view follows the keyboard (not a click) to it.
        const el = e.target;
        if (el instanceof HTMLElement && el.matches(':focus-visible') && el.matches('.wall-card, .group-head button'))
          followFocus(el);
      }}
      onPointerDownCapture={(e) => {
        // Where a selection box starts (xyflow reports its start only at the first move).
        boxStart.current = e.shiftKey ? flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) : null;
      }}
    >
      <ReactFlow<WallNode>
        nodes={nodes}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={(e) => {
          // Far out a drawn card whose own element has not come yet: a click on it picks it all the same.
          const id = far ? cardAt(latest.current, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : null;
          if (id === null) useWall.getState().clear();
          else useWall.getState().toggle(cardNode(id), e.shiftKey || e.metaKey || e.ctrlKey);
        }}
        onSelectionEnd={onSelectionEnd}
        onInit={(instance) => {
          if (!useWall.getState().fitNext) return;
          useWall.setState({ fitNext: false });
          void fitBoard(instance, latest.current);
        }}
        defaultViewport={viewportOf(board)}
        onMoveEnd={(_e, v) => saveViewport(board.id, v)}
        minZoom={0.02}
        maxZoom={2.5}
        panOnScroll
        zoomOnDoubleClick={false}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        deleteKeyCode={null}
        disableKeyboardA11y
        // The cards and the group headings' controls take focus, not xyflow's unnamed node wrappers.
        nodesFocusable={false}
        elevateNodesOnSelect={false}
        proOptions={{ hideAttribution: true }}
        aria-label="Wall"
      >
        <ZoomHook />
        <WallFarLayer board={board} layout={layout} shown={shown} area={area} settling={settling} />
        <Panel position="bottom-right">
          <WallMiniMap layout={layout} />
        </Panel>
      </ReactFlow>
    </div>
  );

  /** Pans (at the same zoom) so a focused card or group heading that is not wholly in view comes into it. */
  function followFocus(el: HTMLElement) {
    const pane = storeApi.getState().domNode?.getBoundingClientRect();
    if (!pane) return;
    const r = el.getBoundingClientRect();
    const dx = shiftInto(r.left, r.right, pane.left, pane.right);
    const dy = shiftInto(r.top, r.bottom, pane.top, pane.bottom);
    if (dx === 0 && dy === 0) return;
    // At once: a transition's (d3's) zooms out on its way, and a Tab pressed during it would read a
    // zoom that is not the view's.
    const v = flow.getViewport();
    void flow.setViewport({ x: v.x + dx, y: v.y + dy, zoom: v.zoom });
  }
  function current(): BoardDetail {
    return useBoard.getState().current ?? board;
  }
  function newNote(at: { x: number; y: number }) {
    useWall.getState().startDraft({ x: Math.round(at.x), y: Math.round(at.y) });
    useWall.getState().announce('New note: type its text, Enter adds it, Escape drops it');
  }
}

/** The topmost shown card under a canvas point. */
function cardAt(layout: Layout, p: { x: number; y: number }): number | null {
  let hit: number | null = null;
  for (const [id, c] of layout.cards) {
    const b = c.abs;
    if (!c.hidden && p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h) hit = id;
  }
  return hit;
}

/**
 * How far to move [lo, hi] to bring it inside [min, max] with a margin: 0 when it already lies
 * inside (to a pixel), its start to the margin when it is larger than the room.
 */
function shiftInto(lo: number, hi: number, min: number, max: number, margin = 24): number {
  if (lo >= min - 1 && hi <= max + 1) return 0;
  if (hi - lo > max - min - 2 * margin || lo < min) return min + margin - lo;
  return max - margin - hi;
}

/**
 * Keeps the canvas's `data-zoom` (its scale, for tests and outside checks) current without
 * re-rendering the whole canvas on every frame of a zoom.
 */
function ZoomHook() {
  const zoom = useStore((s) => s.transform[2]);
  const domNode = useStore((s) => s.domNode);
  useEffect(() => {
    const canvas = domNode?.closest<HTMLElement>('.wall-canvas');
    if (!canvas) return;
    canvas.dataset.zoom = String(Math.round(zoom * 100) / 100);
    // For the style sheet: which of its levels each card shows (CardNode.tsx), and no shadows zoomed out.
    canvas.dataset.level = zoom < FAR_ZOOM ? 'far' : zoom < SUMMARY_ZOOM ? 'summary' : 'full';
  }, [zoom, domNode]);
  return null;
}

function transformOf(v: Viewport): [number, number, number] {
  return [v.x, v.y, v.zoom];
}

function viewportOf(board: BoardDetail): Viewport {
  const v = board.viewport;
  return v ? { x: v.x, y: v.y, zoom: v.zoom } : { x: 24, y: 24, zoom: 1 };
}

let viewportTimer: ReturnType<typeof setTimeout> | null = null;
/** Persisted a moment after the last pan or zoom, so a scroll is one write. */
function saveViewport(boardId: BoardId, v: Viewport): void {
  if (viewportTimer) clearTimeout(viewportTimer);
  viewportTimer = setTimeout(() => {
    viewportTimer = null;
    void useBoard.getState().saveViewport(boardId, v);
  }, 600);
}
