/** Affinity boards, their groups and cards. */
import type { BoardId, CardId, ExcerptId, GroupId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface BoardRow {
  id: BoardId;
  name: string;
  cards: number;
}

export interface GroupRow {
  id: GroupId;
  boardId: BoardId;
  name: string;
  color: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CardRow {
  id: CardId;
  boardId: BoardId;
  groupId: GroupId | null;
  kind: 'excerpt' | 'note';
  excerptId: ExcerptId | null;
  text: string | null;
  x: number;
  y: number;
  /** Fractional order key among the cards of its group (core/order/keys.ts). */
  orderKey: string;
}

const GROUP = `SELECT id, board_id AS boardId, name, color, x, y, w, h FROM board_groups`;
const CARD = `SELECT id, board_id AS boardId, group_id AS groupId, kind, excerpt_id AS excerptId, text, x, y,
                     order_key AS orderKey FROM cards`;

export interface GroupPatch {
  name?: string | undefined;
  color?: string | null | undefined;
  x?: number | undefined;
  y?: number | undefined;
  w?: number | undefined;
  h?: number | undefined;
}

export class BoardsRepo {
  constructor(private readonly sql: Sql) {}

  list(): BoardRow[] {
    return this.sql.all<BoardRow>(
      `SELECT b.id, b.name, (SELECT count(*) FROM cards c WHERE c.board_id = b.id) AS cards
         FROM boards b ORDER BY b.id`,
    );
  }

  get(id: BoardId): BoardRow | undefined {
    return this.sql.get<BoardRow>(
      `SELECT b.id, b.name, (SELECT count(*) FROM cards c WHERE c.board_id = b.id) AS cards
         FROM boards b WHERE b.id = ?`,
      id,
    );
  }

  insert(name: string): BoardId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO boards (guid, name, created_at) VALUES (?, ?, ?)`,
      newGuid(),
      name,
      nowIso(),
    );
    return lastInsertRowid as BoardId;
  }

  groups(boardId: BoardId): GroupRow[] {
    return this.sql.all<GroupRow>(`${GROUP} WHERE board_id = ? ORDER BY order_key, id`, boardId);
  }

  group(id: GroupId): GroupRow | undefined {
    return this.sql.get<GroupRow>(`${GROUP} WHERE id = ?`, id);
  }

  /** The last group order key on a board, or null when it has none. */
  lastGroupKey(boardId: BoardId): string | null {
    return (
      this.sql.get<{ key: string | null }>(`SELECT max(order_key) AS key FROM board_groups WHERE board_id = ?`, boardId)
        ?.key ?? null
    );
  }

  insertGroup(
    boardId: BoardId,
    group: { name: string; x: number; y: number; color: string | null; orderKey: string },
  ): GroupId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO board_groups (guid, board_id, name, color, x, y, order_key) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      boardId,
      group.name,
      group.color,
      group.x,
      group.y,
      group.orderKey,
    );
    return lastInsertRowid as GroupId;
  }

  updateGroup(id: GroupId, patch: GroupPatch): void {
    const current = this.group(id);
    if (!current) return;
    this.sql.run(
      `UPDATE board_groups SET name = ?, color = ?, x = ?, y = ?, w = ?, h = ? WHERE id = ?`,
      patch.name ?? current.name,
      patch.color === undefined ? current.color : patch.color,
      patch.x ?? current.x,
      patch.y ?? current.y,
      patch.w ?? current.w,
      patch.h ?? current.h,
      id,
    );
  }

  /** Ungroups the group's cards, then deletes it; returns how many cards were ungrouped. */
  deleteGroup(id: GroupId): number {
    const ungrouped = this.sql.run(`UPDATE cards SET group_id = NULL WHERE group_id = ?`, id).changes;
    this.sql.run(`UPDATE board_groups SET parent_group_id = NULL WHERE parent_group_id = ?`, id);
    this.sql.run(`DELETE FROM board_groups WHERE id = ?`, id);
    return ungrouped;
  }

  cards(boardId: BoardId): CardRow[] {
    return this.sql.all<CardRow>(`${CARD} WHERE board_id = ? ORDER BY group_id, order_key, id`, boardId);
  }

  card(id: CardId): CardRow | undefined {
    return this.sql.get<CardRow>(`${CARD} WHERE id = ?`, id);
  }

  /** Cards of one group (or the ungrouped ones) with their order keys, in order. */
  cardKeysIn(boardId: BoardId, groupId: GroupId | null): { id: CardId; key: string }[] {
    return this.sql.all<{ id: CardId; key: string }>(
      `SELECT id, order_key AS key FROM cards WHERE board_id = ? AND group_id IS ? ORDER BY order_key, id`,
      boardId,
      groupId,
    );
  }

  /** The last card order key in a group (or among ungrouped cards), or null when there is none. */
  lastCardKey(boardId: BoardId, groupId: GroupId | null): string | null {
    return (
      this.sql.get<{ key: string | null }>(
        `SELECT max(order_key) AS key FROM cards WHERE board_id = ? AND group_id IS ?`,
        boardId,
        groupId,
      )?.key ?? null
    );
  }

  /** How many cards come before this one in its group (its index). */
  cardIndex(card: CardRow): number {
    return (
      this.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM cards WHERE board_id = ? AND group_id IS ?
            AND (order_key < ? OR (order_key = ? AND id < ?))`,
        card.boardId,
        card.groupId,
        card.orderKey,
        card.orderKey,
        card.id,
      )?.n ?? 0
    );
  }

  insertCard(card: {
    boardId: BoardId;
    groupId: GroupId | null;
    excerptId: ExcerptId | null;
    text: string | null;
    x: number;
    y: number;
    orderKey: string;
  }): CardId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO cards (guid, board_id, group_id, kind, excerpt_id, text, x, y, order_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      card.boardId,
      card.groupId,
      card.excerptId === null ? 'note' : 'excerpt',
      card.excerptId,
      card.text,
      card.x,
      card.y,
      card.orderKey,
      nowIso(),
    );
    return lastInsertRowid as CardId;
  }

  /** Moves a card: one row written (group, place on the board, order key). */
  placeCard(id: CardId, groupId: GroupId | null, x: number, y: number, orderKey: string): void {
    this.sql.run(
      `UPDATE cards SET group_id = ?, x = ?, y = ?, order_key = ? WHERE id = ?`,
      groupId,
      x,
      y,
      orderKey,
      id,
    );
  }

  setCardKey(id: CardId, orderKey: string): void {
    this.sql.run(`UPDATE cards SET order_key = ? WHERE id = ?`, orderKey, id);
  }

  deleteCard(id: CardId): void {
    this.sql.run(`DELETE FROM cards WHERE id = ?`, id);
  }

  /** Every excerpt card with its group name, across boards, for reports. */
  excerptPlacements(): {
    boardId: BoardId;
    boardName: string;
    groupId: GroupId | null;
    groupName: string | null;
    excerptId: ExcerptId;
  }[] {
    return this.sql.all(
      `SELECT b.id AS boardId, b.name AS boardName, g.id AS groupId, g.name AS groupName, c.excerpt_id AS excerptId
         FROM cards c JOIN boards b ON b.id = c.board_id LEFT JOIN board_groups g ON g.id = c.group_id
        WHERE c.kind = 'excerpt'
        ORDER BY b.id, g.order_key, g.id, c.order_key, c.id`,
    );
  }
}
