/**
 * dnd-kit wiring for the board: ids, collision rules, keyboard movement between groups,
 * and what screen readers hear.
 */
import {
  type Announcements,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  pointerWithin,
  rectIntersection,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { CardId, GroupId } from '../../../../core/contract/index.js';

export type DragData =
  | { type: 'card'; cardId: CardId; label: string }
  | { type: 'group'; groupId: GroupId; label: string };
export type DropData = { type: 'container'; groupId: GroupId | null; label: string };

export const UNGROUPED = 'container:ungrouped';
export const containerId = (groupId: GroupId | null): string => (groupId === null ? UNGROUPED : `container:${groupId}`);
export const cardDragId = (id: CardId) => `card:${id}`;
export const groupDragId = (id: GroupId) => `group:${id}`;

/** The part of the canvas on screen; groups scrolled out of it cannot take a pointer drop. */
function visibleCanvas(): DOMRect | null {
  return document.querySelector('.board-canvas')?.getBoundingClientRect() ?? null;
}

/** Cards land where the pointer is; keyboard drags (no pointer) use the card's rectangle. */
export const collision: CollisionDetection = (args) => {
  if ((args.active.data.current as DragData | undefined)?.type === 'group') return [];
  const pointer = args.pointerCoordinates;
  if (pointer) {
    const canvas = visibleCanvas();
    const onCanvas =
      canvas !== null &&
      pointer.x >= canvas.left &&
      pointer.x <= canvas.right &&
      pointer.y >= canvas.top &&
      pointer.y <= canvas.bottom;
    const reachable = args.droppableContainers.filter((c) => c.id === UNGROUPED || onCanvas);
    return pointerWithin({ ...args, droppableContainers: reachable });
  }
  return rectIntersection(args);
};

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};
const GROUP_STEP = 24;

/**
 * Arrow keys move a card to the nearest group in that direction (instead of pixel steps),
 * and move a group by one grid step.
 */
export const keyboardCoordinates: KeyboardCoordinateGetter = (event, { active, currentCoordinates, context }) => {
  const dir = DIRECTIONS[event.code];
  if (!dir) return undefined;
  event.preventDefault();
  const data = context.active?.data.current as DragData | undefined;
  if (data?.type === 'group') {
    return { x: currentCoordinates.x + dir[0] * GROUP_STEP, y: currentCoordinates.y + dir[1] * GROUP_STEP };
  }
  const rect = context.collisionRect;
  if (!rect) return undefined;
  const cx = rect.left + rect.width / 2;
  const cy = rect.top + rect.height / 2;
  let best: { x: number; y: number; score: number } | null = null;
  for (const container of context.droppableContainers.getEnabled()) {
    if (container.id === active) continue;
    const r = context.droppableRects.get(container.id);
    if (!r) continue;
    const tx = r.left + r.width / 2;
    const ty = r.top + Math.min(r.height / 2, 120);
    const along = (tx - cx) * dir[0] + (ty - cy) * dir[1];
    if (along <= 8) continue;
    const across = Math.abs((tx - cx) * dir[1]) + Math.abs((ty - cy) * dir[0]);
    const score = along + 2 * across;
    if (!best || score < best.score) best = { x: tx, y: ty, score };
  }
  if (!best) return undefined;
  return { x: currentCoordinates.x + (best.x - cx), y: currentCoordinates.y + (best.y - cy) };
};

type Labelled = { data: { current?: unknown } } | null | undefined;

function labelOf(item: Labelled, fallback: string): string {
  const data = item?.data.current as DragData | DropData | undefined;
  return data?.label ?? fallback;
}

export const announcements: Announcements = {
  onDragStart({ active }) {
    return `Picked up ${labelOf(active, 'item')}. Use the arrow keys to move it, Space to drop, Escape to cancel.`;
  },
  onDragOver({ active, over }) {
    return over
      ? `${labelOf(active, 'Item')} is over ${labelOf(over, 'a group')}.`
      : `${labelOf(active, 'Item')} is no longer over a group.`;
  },
  onDragEnd({ active, over }) {
    return over
      ? `${labelOf(active, 'Item')} was dropped into ${labelOf(over, 'a group')}.`
      : `${labelOf(active, 'Item')} was dropped.`;
  },
  onDragCancel({ active }) {
    return `Moving was cancelled. ${labelOf(active, 'The item')} is back where it was.`;
  },
};

export const screenReaderInstructions = {
  draggable:
    'To pick up a card, press Space. Use the arrow keys to move it between groups. Press Space again to drop it, or Escape to cancel.',
};

export function isDragData(value: unknown): value is DragData {
  return typeof value === 'object' && value !== null && 'type' in value;
}

export type { UniqueIdentifier };
