/**
 * What the board services share: rows as DTOs (excerpt cards carry the live excerpt), lookups
 * that refuse a missing board, group or card by name, and how a card changing group changes
 * the codings of bound groups.
 */
import type { CardRow, GroupRow } from '../../db/repositories/boards.js';
import type { Board, BoardCard, BoardGroup, BoardId, CardId, CoderId, ExcerptId, GroupId } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import type { ProjectContext } from './context.js';
import { getExcerpts } from './excerpts.js';

export function toGroup(row: GroupRow, order: number): BoardGroup {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    x: row.x,
    y: row.y,
    w: row.w,
    h: row.h,
    parentId: row.parentId,
    collapsed: row.collapsed === 1,
    code: row.codeId !== null ? { id: row.codeId, name: row.codeName ?? '', color: row.codeColor ?? '#888888' } : null,
    order,
    votes: row.votes,
  };
}

export function mustBoard(ctx: ProjectContext, id: BoardId): Board {
  const board = ctx.repos.boards.get(id);
  if (!board) throw notFound(`There is no board with id ${id}.`);
  return board;
}

export function mustGroup(ctx: ProjectContext, id: GroupId): GroupRow {
  const group = ctx.repos.boards.group(id);
  if (!group) throw notFound(`There is no board group with id ${id}.`);
  return group;
}

export function mustCard(ctx: ProjectContext, id: CardId): CardRow {
  const card = ctx.repos.boards.card(id);
  if (!card) throw notFound(`There is no card with id ${id}.`);
  return card;
}

export function groupById(ctx: ProjectContext, id: GroupId): BoardGroup {
  const row = mustGroup(ctx, id);
  return toGroup(row, ctx.repos.boards.groupIndex(row));
}

/** A group must belong to the card's board. */
export function checkGroup(
  ctx: ProjectContext,
  boardId: BoardId,
  groupId: GroupId | null | undefined,
): GroupRow | null {
  if (groupId === null || groupId === undefined) return null;
  const group = mustGroup(ctx, groupId);
  if (group.boardId !== boardId) throw badInput(`Group ${groupId} is on another board (board ${group.boardId}).`);
  return group;
}

/**
 * Cards as DTOs. `order` is each card's index in its group: counted along the rows when they
 * are a whole board in order, else read from the keys of the groups they are in.
 */
export function toCards(ctx: ProjectContext, rows: readonly CardRow[], wholeBoard = false): BoardCard[] {
  const excerptIds = rows.map((r) => r.excerptId).filter((id): id is ExcerptId => id !== null);
  const excerpts = excerptIds.length > 0 ? getExcerpts(ctx, excerptIds) : new Map();
  const orderOf = new Map<CardId, number>();
  if (wholeBoard) {
    let group: GroupId | null | undefined;
    let index = 0;
    for (const row of rows) {
      if (row.groupId !== group) {
        group = row.groupId;
        index = 0;
      }
      orderOf.set(row.id, index++);
    }
  } else {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = `${row.boardId}/${row.groupId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.repos.boards.cardKeysIn(row.boardId, row.groupId).forEach((c, i) => {
        orderOf.set(c.id, i);
      });
    }
  }
  return rows.map((row) => {
    const excerpt = row.excerptId !== null ? (excerpts.get(row.excerptId) ?? null) : null;
    return {
      id: row.id,
      groupId: row.groupId,
      kind: row.kind,
      x: row.x,
      y: row.y,
      order: orderOf.get(row.id) ?? 0,
      text: excerpt ? excerpt.text : (row.text ?? ''),
      excerpt,
      color: row.color,
      votes: row.votes,
    };
  });
}

export function cardById(ctx: ProjectContext, id: CardId): BoardCard {
  const [card] = toCards(ctx, [mustCard(ctx, id)]);
  if (!card) throw notFound(`There is no card with id ${id}.`);
  return card;
}

/**
 * A card changes group: the codings its old group applied go (or stay as ordinary codings
 * with `keep`), and a bound new group applies its code. Counts are added to `tally`.
 */
export function regroupCodings(
  ctx: ProjectContext,
  card: CardRow,
  to: GroupRow | null,
  coderId: () => CoderId,
  keep: boolean,
  tally: { applied: number; removed: number },
): void {
  if (card.excerptId === null || card.groupId === (to?.id ?? null)) return;
  const { boards } = ctx.repos;
  if (card.groupId !== null) {
    if (keep) boards.keepGroupCodings(card.excerptId, card.groupId);
    else tally.removed += boards.removeGroupCodings(card.excerptId, card.groupId);
  }
  if (to?.codeId != null && boards.applyGroupCoding(card.excerptId, to.codeId, coderId(), to.id)) tally.applied++;
}

/** The coder id, looked up (and written) once per command, on first need. */
export function lazyCoder(ctx: ProjectContext): () => CoderId {
  let id: CoderId | undefined;
  return () => {
    id ??= ctx.coderId;
    return id;
  };
}
