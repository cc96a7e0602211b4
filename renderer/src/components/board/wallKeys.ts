/**
 * The wall's keys, for whichever card or group has focus (or the canvas itself): Space or Enter
 * picks, arrows nudge the selection, M moves it to a group, N adds a note, V votes, G groups it,
 * Delete removes it, Escape clears it, Ctrl/Cmd+A selects every card, + − 0 zoom and fit.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import type { BoardDetail } from '../../../../core/contract/index.js';
import { isTypingTarget } from '../../lib/keys.js';
import { bounds } from '../../lib/wallCull.js';
import { CARD_W, type Layout } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { useCoding } from '../../stores/coding.js';
import { cardNode, nodeCard, useWall } from '../../stores/wall.js';
import { cardLabel } from './CardNode.js';
import type { WallNode } from './wallNodes.js';

const NUDGE = 10;

export interface WallKeyContext {
  flow: Pick<ReactFlowInstance<WallNode>, 'screenToFlowPosition' | 'zoomIn' | 'zoomOut' | 'fitBounds'>;
  layout: Layout;
  /** The board as the store has it now (the canvas's prop until the store has one). */
  current(): BoardDetail;
  /** Starts typing a note at a canvas point. */
  newNote(at: { x: number; y: number }): void;
}

export function onWallKey(e: KeyboardEvent<HTMLDivElement>, { flow, layout, current, newNote }: WallKeyContext): void {
  if (isTypingTarget(e.target) || e.altKey) return;
  const wall = useWall.getState();
  const store = useBoard.getState();
  const cards = wall.selectedCards();
  const focusedNode = nodeOf(e.target);
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'a') {
    e.preventDefault();
    wall.select(current().cards.map((c) => cardNode(c.id)));
    wall.announce(`${current().cards.length} cards selected`);
    return;
  }
  if (mod) return;
  if ((e.key === ' ' || e.key === 'Enter') && focusedNode) {
    e.preventDefault();
    wall.toggle(focusedNode, e.shiftKey || e.key === ' ');
    const now = useWall.getState().selected;
    const card = nodeCard(focusedNode);
    const c = card === null ? undefined : current().cards.find((x) => x.id === card);
    wall.announce(
      `${c ? cardLabel(c) : 'group'} ${now.has(focusedNode) ? 'picked' : 'put down'}; ${now.size} selected. M moves to a group, arrows nudge.`,
    );
    // Far out a picked card becomes a node in place of its drawn shape: focus follows it.
    if ((e.target as HTMLElement).classList.contains('wall-hook') && c) refocus(c.id);
    if (e.key === 'Enter' && c?.excerpt) useCoding.getState().focusExcerpt(c.excerpt.id);
    return;
  }
  if (e.key.startsWith('Arrow') && cards.length > 0) {
    e.preventDefault();
    const step = e.shiftKey ? NUDGE * 5 : NUDGE;
    const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
    const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
    const moves = cards.flatMap((id) => {
      const at = layout.cards.get(id);
      const c = current().cards.find((x) => x.id === id);
      // Stored places are absolute; inside a group a nudge stops at the group's edge.
      return at && c
        ? [
            {
              id,
              groupId: c.groupId,
              x: at.abs.x + Math.max(0, at.rel.x + dx) - at.rel.x,
              y: at.abs.y + Math.max(0, at.rel.y + dy) - at.rel.y,
            },
          ]
        : [];
    });
    void store.moveCards(moves);
    return;
  }
  const key = e.key.toLowerCase();
  if (key === 'm' && cards.length > 0) {
    e.preventDefault();
    wall.setPicker(true);
  } else if (key === 'n') {
    e.preventDefault();
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const at = flow.screenToFlowPosition({ x: r.left + r.width / 2 - CARD_W / 2, y: r.top + r.height / 2 });
    newNote(at);
  } else if (key === 'v' && cards.length > 0) {
    e.preventDefault();
    void voteSelection();
  } else if (key === 'g' && cards.length > 0) {
    e.preventDefault();
    void groupSelection();
  } else if ((e.key === 'Delete' || e.key === 'Backspace') && cards.length > 0) {
    e.preventDefault();
    wall.announce(`${cards.length} card${cards.length === 1 ? '' : 's'} removed from the board`);
    wall.clear();
    void store.removeCards(cards);
  } else if (e.key === 'Escape' && wall.selected.size > 0) {
    wall.clear();
    wall.announce('Selection cleared');
  } else if (e.key === '+' || e.key === '=') {
    e.preventDefault();
    void flow.zoomIn();
  } else if (e.key === '-' || e.key === '_') {
    e.preventDefault();
    void flow.zoomOut();
  } else if (e.key === '0') {
    e.preventDefault();
    void fitBoard(flow, layout);
  }
}

/** V, or the selection toolbar's Vote: the current coder's dot on each selected card. */
export async function voteSelection(): Promise<void> {
  const cards = useWall.getState().selectedCards();
  if (cards.length === 0) return;
  await useBoard.getState().vote('card', cards);
  useWall.getState().announce(`Voted for ${cards.length} card${cards.length === 1 ? '' : 's'}`);
}

/** G, or the toolbar's Group: a new group around the selected cards, its name typed at once. */
export async function groupSelection(): Promise<void> {
  const cards = useWall.getState().selectedCards();
  const id = await useBoard.getState().groupCards(cards);
  if (id !== undefined) {
    useWall.getState().setRenaming(id);
    useWall.getState().announce(`New group with ${cards.length} cards; type its name`);
  }
}

/** Fits the whole board, culled nodes included (xyflow's fitView sees only the nodes it was handed). */
export function fitBoard(flow: Pick<ReactFlowInstance, 'fitBounds'>, layout: Layout): Promise<boolean> {
  const b = bounds(layout);
  if (!b) return Promise.resolve(false);
  return flow.fitBounds({ x: b.x, y: b.y, width: b.w, height: b.h }, { padding: 0.1 });
}

/** The wall node (`c…`, `g…`) an element belongs to: a card or group node, or a far card's element. */
function nodeOf(target: EventTarget): string | null {
  return (target as HTMLElement).closest<HTMLElement>('.react-flow__node, .wall-hook')?.dataset.id ?? null;
}

/** Focuses a card's element once it is mounted (a frame or two after it became a node). */
function refocus(id: number, tries = 10): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node [data-card-id="${id}"]`);
    if (el) el.focus();
    else if (tries > 0) refocus(id, tries - 1);
  });
}
