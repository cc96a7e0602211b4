/**
 * The wall's nodes for @xyflow/react: a group node per group and a card node per card in the
 * culled set, with their sizes given, each node object reused while nothing of it changed (so
 * the memoised card components re-render only for the cards a change touched).
 */
import type { BoardDetail } from '../../../../core/contract/index.js';
import { CARD_H, CARD_W, type Layout, type WallCard, type WallGroup } from '../../lib/wallLayout.js';
import { cardNode, DRAFT, groupNode } from '../../stores/wall.js';
import type { CardNodeType } from './CardNode.js';
import type { GroupNodeType } from './GroupNode.js';

export type WallNode = CardNodeType | GroupNodeType;

/**
 * Nodes with no connection handles and their size given: @xyflow/react otherwise renders every
 * node once (even off screen) to measure its handles, which at 2,000 cards mounts and unmounts
 * 2,000 cards before the first ones show.
 */
const NO_HANDLES: never[] = [];
const CARD_SIZE = { width: CARD_W, height: CARD_H };

/** Nodes for the layout (those in `shown`), reusing the previous node object of everything that did not change. */
export function buildNodes(
  board: BoardDetail,
  layout: Layout,
  selected: ReadonlySet<string>,
  shown: ReadonlySet<string>,
  cache: Map<string, WallNode>,
): WallNode[] {
  const out: WallNode[] = [];
  const counts = new Map<number, number>();
  for (const c of board.cards) if (c.groupId !== null) counts.set(c.groupId, (counts.get(c.groupId) ?? 0) + 1);
  const groups = new Map((board.groups as WallGroup[]).map((g) => [g.id, g]));
  const reuse = (node: WallNode): WallNode => {
    const old = cache.get(node.id);
    if (
      old &&
      old.data === node.data &&
      old.position.x === node.position.x &&
      old.position.y === node.position.y &&
      old.width === node.width &&
      old.height === node.height &&
      old.hidden === node.hidden &&
      old.selected === node.selected &&
      old.parentId === node.parentId
    ) {
      return old;
    }
    return node;
  };
  for (const id of layout.groupOrder) {
    const g = groups.get(id) as WallGroup;
    const at = layout.groups.get(id);
    if (!at) continue;
    const key = groupNode(id);
    if (!shown.has(key)) continue;
    const count = counts.get(id) ?? 0;
    const old = cache.get(key) as GroupNodeType | undefined;
    const data = old && old.data.group === g && old.data.count === count ? old.data : { group: g, count };
    out.push(
      reuse({
        id: key,
        type: 'group',
        position: at.rel,
        width: at.abs.w,
        height: at.abs.h,
        measured: { width: at.abs.w, height: at.abs.h },
        handles: NO_HANDLES,
        data,
        hidden: at.hidden,
        selected: selected.has(key),
        dragHandle: '.group-head',
        ...(at.parent !== null ? { parentId: groupNode(at.parent) } : {}),
        ariaLabel: `Group ${g.name}`,
      } as GroupNodeType),
    );
  }
  for (const c of board.cards as WallCard[]) {
    const at = layout.cards.get(c.id);
    if (!at) continue;
    const key = cardNode(c.id);
    if (!shown.has(key)) continue;
    const old = cache.get(key) as CardNodeType | undefined;
    const data = old && old.data.card === c ? old.data : { card: c };
    out.push(
      reuse({
        id: key,
        type: 'card',
        position: at.rel,
        width: CARD_W,
        height: CARD_H,
        measured: CARD_SIZE,
        handles: NO_HANDLES,
        data,
        hidden: at.hidden,
        selected: selected.has(key),
        ...(at.parent !== null ? { parentId: groupNode(at.parent) } : {}),
      } as CardNodeType),
    );
  }
  cache.clear();
  for (const n of out) cache.set(n.id, n);
  return out;
}

/** The note being typed on the wall, before it is saved: a node of its own, not draggable. */
export function draftNode(at: { x: number; y: number }): CardNodeType {
  const card: WallCard = {
    id: DRAFT,
    groupId: null,
    kind: 'note',
    x: at.x,
    y: at.y,
    order: 0,
    text: '',
    excerpt: null,
    color: null,
    votes: 0,
  };
  return {
    id: 'draft',
    type: 'card',
    position: at,
    width: CARD_W,
    height: CARD_H,
    measured: CARD_SIZE,
    handles: NO_HANDLES,
    data: { card },
    draggable: false,
  };
}
