/** Affinity boards: groups and cards; excerpt cards always show the live excerpt. */
import type { CardRow, GroupRow } from '../../db/repositories/boards.js';
import type {
  Board,
  BoardCard,
  BoardDetail,
  BoardGroup,
  BoardId,
  CardId,
  ExcerptId,
  GroupId,
} from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { keyBetween, keysBetween } from '../order/keys.js';
import type { ProjectContext } from './context.js';
import { getExcerpts } from './excerpts.js';

const toGroup = ({ boardId: _board, ...group }: GroupRow): BoardGroup => group;

function mustBoard(ctx: ProjectContext, id: BoardId): Board {
  const board = ctx.repos.boards.get(id);
  if (!board) throw notFound(`There is no board with id ${id}.`);
  return board;
}

function mustGroup(ctx: ProjectContext, id: GroupId): GroupRow {
  const group = ctx.repos.boards.group(id);
  if (!group) throw notFound(`There is no board group with id ${id}.`);
  return group;
}

function mustCard(ctx: ProjectContext, id: CardId): CardRow {
  const card = ctx.repos.boards.card(id);
  if (!card) throw notFound(`There is no card with id ${id}.`);
  return card;
}

/** A group must belong to the card's board. */
function checkGroup(ctx: ProjectContext, boardId: BoardId, groupId: GroupId | null | undefined): GroupId | null {
  if (groupId === null || groupId === undefined) return null;
  const group = mustGroup(ctx, groupId);
  if (group.boardId !== boardId) throw badInput(`Group ${groupId} is on another board (board ${group.boardId}).`);
  return groupId;
}

/** Cards as DTOs; `order` is each card's index in its group (rows of one board in order, or one card). */
function toCards(ctx: ProjectContext, rows: readonly CardRow[]): BoardCard[] {
  const excerptIds = rows.map((r) => r.excerptId).filter((id): id is ExcerptId => id !== null);
  const excerpts = excerptIds.length > 0 ? getExcerpts(ctx, excerptIds) : new Map();
  let group: GroupId | null | undefined;
  let index = 0;
  return rows.map((row) => {
    if (row.groupId !== group) {
      group = row.groupId;
      index = rows.length === 1 ? ctx.repos.boards.cardIndex(row) : 0;
    }
    const order = index++;
    const excerpt = row.excerptId !== null ? (excerpts.get(row.excerptId) ?? null) : null;
    return {
      id: row.id,
      groupId: row.groupId,
      kind: row.kind,
      x: row.x,
      y: row.y,
      order,
      text: excerpt ? excerpt.text : (row.text ?? ''),
      excerpt,
    };
  });
}

export function listBoards(ctx: ProjectContext): Board[] {
  return ctx.repos.boards.list();
}

export function createBoard(ctx: ProjectContext, name: string): Board {
  return mustBoard(ctx, ctx.repos.boards.insert(name.trim()));
}

export function getBoard(ctx: ProjectContext, id: BoardId): BoardDetail {
  const board = mustBoard(ctx, id);
  return {
    id: board.id,
    name: board.name,
    groups: ctx.repos.boards.groups(id).map(toGroup),
    cards: toCards(ctx, ctx.repos.boards.cards(id)),
  };
}

export function addGroup(
  ctx: ProjectContext,
  input: { boardId: BoardId; name: string; x?: number | undefined; y?: number | undefined; color?: string | undefined },
): BoardGroup {
  mustBoard(ctx, input.boardId);
  const id = ctx.repos.boards.insertGroup(input.boardId, {
    name: input.name.trim(),
    x: input.x ?? 0,
    y: input.y ?? 0,
    color: input.color?.toUpperCase() ?? null,
    orderKey: keyBetween(ctx.repos.boards.lastGroupKey(input.boardId), null),
  });
  return toGroup(mustGroup(ctx, id));
}

export function updateGroup(
  ctx: ProjectContext,
  input: {
    id: GroupId;
    name?: string | undefined;
    color?: string | null | undefined;
    x?: number | undefined;
    y?: number | undefined;
    w?: number | undefined;
    h?: number | undefined;
  },
): BoardGroup {
  mustGroup(ctx, input.id);
  const { id, ...patch } = input;
  ctx.repos.boards.updateGroup(id, {
    ...patch,
    name: patch.name?.trim(),
    color: typeof patch.color === 'string' ? patch.color.toUpperCase() : patch.color,
  });
  return toGroup(mustGroup(ctx, id));
}

export function deleteGroup(ctx: ProjectContext, id: GroupId): { deleted: true; cardsUngrouped: number } {
  mustGroup(ctx, id);
  const cardsUngrouped = ctx.repos.tx(() => ctx.repos.boards.deleteGroup(id));
  return { deleted: true, cardsUngrouped };
}

function cardById(ctx: ProjectContext, id: CardId): BoardCard {
  const [card] = toCards(ctx, [mustCard(ctx, id)]);
  if (!card) throw notFound(`There is no card with id ${id}.`);
  return card;
}

export function addCard(
  ctx: ProjectContext,
  input: {
    boardId: BoardId;
    excerptId?: ExcerptId | undefined;
    text?: string | undefined;
    groupId?: GroupId | null | undefined;
    x?: number | undefined;
    y?: number | undefined;
  },
): BoardCard {
  mustBoard(ctx, input.boardId);
  const groupId = checkGroup(ctx, input.boardId, input.groupId);
  if (input.excerptId !== undefined && !ctx.repos.excerpts.exists(input.excerptId)) {
    throw notFound(`There is no excerpt with id ${input.excerptId}.`);
  }
  const text = input.excerptId === undefined ? (input.text?.trim() ?? '') : null;
  if (input.excerptId === undefined && !text) throw badInput('A note card needs some text.');
  const id = ctx.repos.boards.insertCard({
    boardId: input.boardId,
    groupId,
    excerptId: input.excerptId ?? null,
    text,
    x: input.x ?? 0,
    y: input.y ?? 0,
    orderKey: keyBetween(ctx.repos.boards.lastCardKey(input.boardId, groupId), null),
  });
  return cardById(ctx, id);
}

/** Moves a card to a group (or out of groups) and a position; `order` places it among its new siblings. */
export function moveCard(
  ctx: ProjectContext,
  input: { id: CardId; groupId: GroupId | null; x: number; y: number; order?: number | undefined },
): BoardCard {
  const { boards } = ctx.repos;
  const card = mustCard(ctx, input.id);
  const groupId = checkGroup(ctx, card.boardId, input.groupId);
  ctx.repos.tx(() => {
    // One row written: the card's group, place and a key between its new neighbours.
    const siblings = boards.cardKeysIn(card.boardId, groupId).filter((c) => c.id !== card.id);
    const at = Math.min(input.order ?? siblings.length, siblings.length);
    const before = siblings[at - 1]?.key ?? null;
    const after = siblings[at]?.key ?? null;
    let key: string;
    if (before === null || after === null || before < after) key = keyBetween(before, after);
    else {
      // Equal neighbouring keys (two apps appended at once) leave no room: re-key the group first.
      const fresh = keysBetween(null, null, siblings.length + 1);
      siblings.forEach((s, i) => {
        boards.setCardKey(s.id, fresh[i < at ? i : i + 1] as string);
      });
      key = fresh[at] as string;
    }
    boards.placeCard(card.id, groupId, input.x, input.y, key);
  });
  return cardById(ctx, card.id);
}

export function deleteCard(ctx: ProjectContext, id: CardId): { deleted: true } {
  mustCard(ctx, id);
  ctx.repos.boards.deleteCard(id);
  return { deleted: true };
}
