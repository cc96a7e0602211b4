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
  order: number;
}

const GROUP = `SELECT id, board_id AS boardId, name, color, x, y, w, h FROM board_groups`;
const CARD = `SELECT id, board_id AS boardId, group_id AS groupId, kind, excerpt_id AS excerptId, text, x, y,
                     position AS "order" FROM cards`;

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
    return this.sql.all<GroupRow>(`${GROUP} WHERE board_id = ? ORDER BY position, id`, boardId);
  }

  group(id: GroupId): GroupRow | undefined {
    return this.sql.get<GroupRow>(`${GROUP} WHERE id = ?`, id);
  }

  insertGroup(boardId: BoardId, name: string, x: number, y: number, color: string | null): GroupId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO board_groups (guid, board_id, name, color, x, y, position)
       VALUES (?, ?, ?, ?, ?, ?, (SELECT ifnull(max(position) + 1, 0) FROM board_groups WHERE board_id = ?))`,
      newGuid(),
      boardId,
      name,
      color,
      x,
      y,
      boardId,
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
    return this.sql.all<CardRow>(`${CARD} WHERE board_id = ? ORDER BY group_id, position, id`, boardId);
  }

  card(id: CardId): CardRow | undefined {
    return this.sql.get<CardRow>(`${CARD} WHERE id = ?`, id);
  }

  /** Cards of one group (or the ungrouped ones) in order, for re-numbering after a move. */
  cardIdsIn(boardId: BoardId, groupId: GroupId | null): CardId[] {
    return this.sql
      .all<{ id: CardId }>(
        `SELECT id FROM cards WHERE board_id = ? AND group_id IS ? ORDER BY position, id`,
        boardId,
        groupId,
      )
      .map((r) => r.id);
  }

  insertCard(card: {
    boardId: BoardId;
    groupId: GroupId | null;
    excerptId: ExcerptId | null;
    text: string | null;
    x: number;
    y: number;
  }): CardId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO cards (guid, board_id, group_id, kind, excerpt_id, text, x, y, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?,
               (SELECT ifnull(max(position) + 1, 0) FROM cards WHERE board_id = ? AND group_id IS ?),
               ?)`,
      newGuid(),
      card.boardId,
      card.groupId,
      card.excerptId === null ? 'note' : 'excerpt',
      card.excerptId,
      card.text,
      card.x,
      card.y,
      card.boardId,
      card.groupId,
      nowIso(),
    );
    return lastInsertRowid as CardId;
  }

  placeCard(id: CardId, groupId: GroupId | null, x: number, y: number): void {
    this.sql.run(`UPDATE cards SET group_id = ?, x = ?, y = ? WHERE id = ?`, groupId, x, y, id);
  }

  setCardPosition(id: CardId, position: number): void {
    this.sql.run(`UPDATE cards SET position = ? WHERE id = ?`, position, id);
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
        ORDER BY b.id, g.position, g.id, c.position, c.id`,
    );
  }
}
