/**
 * A pointer drop on the wall: each dragged card lands in the innermost open group under its
 * middle (or on the canvas), a group dropped over another nests in it; the move is announced
 * and made through the board store (one undo step).
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { GroupId } from '../../../../core/contract/index.js';
import {
  CARD_H,
  CARD_W,
  GROUP_MIN_W,
  groupAt,
  type Layout,
  type WallCard,
  type WallGroup,
} from '../../lib/wallLayout.js';
import { type CardMove, descendants, useBoard } from '../../stores/board.js';
import { groupNode, nodeCard, nodeGroup, useWall } from '../../stores/wall.js';
import { cardLabel } from './CardNode.js';
import type { WallNode } from './wallNodes.js';

export function dropDragged(
  flow: Pick<ReactFlowInstance<WallNode>, 'getInternalNode'>,
  layout: Layout,
  dragged: readonly WallNode[],
): void {
  const store = useBoard.getState();
  const current = store.current;
  if (!current) return;
  const draggedGroups = new Set(dragged.map((n) => nodeGroup(n.id)).filter((g): g is GroupId => g !== null));
  const box = (id: GroupId) => {
    const n = flow.getInternalNode(groupNode(id));
    if (!n) return layout.groups.get(id)?.abs;
    return {
      x: n.internals.positionAbsolute.x,
      y: n.internals.positionAbsolute.y,
      w: n.measured.width ?? n.width ?? GROUP_MIN_W,
      h: n.measured.height ?? n.height ?? CARD_H,
    };
  };
  const isCollapsed = (id: GroupId) => Boolean((current.groups as WallGroup[]).find((g) => g.id === id)?.collapsed);
  const moves: CardMove[] = [];
  const names: string[] = [];
  for (const n of dragged) {
    const cardId = nodeCard(n.id);
    if (cardId === null) continue;
    const card = current.cards.find((c) => c.id === cardId);
    // A card dragged along with its group stays in it.
    if (!card || (card.groupId !== null && draggedGroups.has(card.groupId))) continue;
    const abs = flow.getInternalNode(n.id)?.internals.positionAbsolute ?? n.position;
    const target = groupAt(layout, { x: abs.x + CARD_W / 2, y: abs.y + CARD_H / 2 }, draggedGroups, box, isCollapsed);
    moves.push({ id: cardId, groupId: target, x: abs.x, y: abs.y });
    const name = target === null ? 'the canvas' : `group “${current.groups.find((g) => g.id === target)?.name}”`;
    names.push(name);
  }
  for (const id of draggedGroups) {
    const n = flow.getInternalNode(groupNode(id));
    const group = current.groups.find((g) => g.id === id);
    if (!n || !group) continue;
    // Dropped over another group (not one inside itself): it nests there; elsewhere it goes to the top.
    if ([...draggedGroups].some((d) => d !== id && descendants(current, d).has(id))) continue;
    const abs = n.internals.positionAbsolute;
    const inside = descendants(current, id);
    const parent = groupAt(layout, { x: abs.x + 24, y: abs.y + 20 }, inside, box, isCollapsed);
    void store.moveGroup(id, abs.x, abs.y, parent === group.parentId ? undefined : parent);
    if (parent !== group.parentId) {
      useWall
        .getState()
        .announce(
          `Group “${group.name}” ${parent === null ? 'moved to the top level' : `nested in “${current.groups.find((g) => g.id === parent)?.name}”`}`,
        );
    }
  }
  if (moves.length > 0) {
    const where = [...new Set(names)];
    useWall
      .getState()
      .announce(
        moves.length === 1
          ? `${cardLabel(current.cards.find((c) => c.id === moves[0]?.id) as WallCard)} dropped on ${where[0]}`
          : `${moves.length} cards dropped on ${where.join(', ')}`,
      );
    void store.moveCards(moves);
  }
}
