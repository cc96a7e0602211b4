/** Affinity boards, their groups and cards. */
import type { BoardId, CardId, CodeId, CoderId, ExcerptId, GroupId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export type VoteTarget = 'card' | 'group';

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
  parentId: GroupId | null;
  collapsed: number;
  codeId: CodeId | null;
  codeName: string | null;
  codeColor: string | null;
  orderKey: string;
  votes: number;
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
  color: string | null;
  votes: number;
}

const GROUP = `SELECT g.id, g.board_id AS boardId, g.name, g.color, g.x, g.y, g.w, g.h, g.parent_group_id AS parentId,
                      g.collapsed, g.bound_code_id AS codeId, k.name AS codeName, k.color AS codeColor,
                      g.order_key AS orderKey,
                      ifnull((SELECT sum(v.value) FROM votes v WHERE v.target_kind = 'group' AND v.target_id = g.id), 0) AS votes
                 FROM board_groups g LEFT JOIN codes k ON k.id = g.bound_code_id`;
const CARD = `SELECT c.id, c.board_id AS boardId, c.group_id AS groupId, c.kind, c.excerpt_id AS excerptId, c.text, c.x, c.y,
                     c.order_key AS orderKey, c.color,
                     ifnull((SELECT sum(v.value) FROM votes v WHERE v.target_kind = 'card' AND v.target_id = c.id), 0) AS votes
                FROM cards c`;

/** Inside an UPDATE of codings: another group holding a card of the coding's excerpt, bound to its code (one `?`: the group to leave out). */
const OTHER_BOUND_GROUP = `SELECT g.id FROM cards c JOIN board_groups g ON g.id = c.group_id
   WHERE c.excerpt_id = codings.excerpt_id AND g.bound_code_id = codings.code_id AND g.id <> ? ORDER BY g.id LIMIT 1`;

/** A rectangle on the board, for placing new content where nothing is. */
export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface GroupPatch {
  name?: string | undefined;
  color?: string | null | undefined;
  x?: number | undefined;
  y?: number | undefined;
  w?: number | undefined;
  h?: number | undefined;
  parentId?: GroupId | null | undefined;
  collapsed?: boolean | undefined;
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

  rename(id: BoardId, name: string): void {
    this.sql.run(`UPDATE boards SET name = ? WHERE id = ?`, name, id);
  }

  /** Deletes the board with its groups and cards (cascade) and the votes on them. */
  delete(id: BoardId): void {
    this.sql.run(
      `DELETE FROM votes WHERE (target_kind = 'card' AND target_id IN (SELECT id FROM cards WHERE board_id = ?))
                            OR (target_kind = 'group' AND target_id IN (SELECT id FROM board_groups WHERE board_id = ?))`,
      id,
      id,
    );
    this.sql.run(`DELETE FROM boards WHERE id = ?`, id);
  }

  viewport(id: BoardId): string | undefined {
    return this.sql.get<{ v: string }>(`SELECT viewport AS v FROM boards WHERE id = ?`, id)?.v;
  }

  setViewport(id: BoardId, viewport: string): void {
    this.sql.run(`UPDATE boards SET viewport = ? WHERE id = ?`, viewport, id);
  }

  groups(boardId: BoardId): GroupRow[] {
    return this.sql.all<GroupRow>(`${GROUP} WHERE g.board_id = ? ORDER BY g.order_key, g.id`, boardId);
  }

  group(id: GroupId): GroupRow | undefined {
    return this.sql.get<GroupRow>(`${GROUP} WHERE g.id = ?`, id);
  }

  /** How many groups come before this one on its board. */
  groupIndex(group: GroupRow): number {
    return (
      this.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM board_groups WHERE board_id = ? AND (order_key < ? OR (order_key = ? AND id < ?))`,
        group.boardId,
        group.orderKey,
        group.orderKey,
        group.id,
      )?.n ?? 0
    );
  }

  /** The group's ancestors' ids, nearest first (stops at a cycle, which writes refuse anyway). */
  ancestors(id: GroupId): GroupId[] {
    return this.sql
      .all<{ id: GroupId }>(
        `WITH RECURSIVE up(id, depth) AS (
           SELECT parent_group_id, 1 FROM board_groups WHERE id = ? AND parent_group_id IS NOT NULL
           UNION SELECT g.parent_group_id, up.depth + 1 FROM board_groups g JOIN up ON g.id = up.id
            WHERE g.parent_group_id IS NOT NULL AND up.depth < 1000)
         SELECT id FROM up ORDER BY depth`,
        id,
      )
      .map((r) => r.id);
  }

  /** The group and every group nested in it, at any depth. */
  descendantsAndSelf(id: GroupId): GroupId[] {
    return this.sql
      .all<{ id: GroupId }>(
        `WITH RECURSIVE down(id, depth) AS (
           SELECT ?, 0
           UNION SELECT g.id, down.depth + 1 FROM board_groups g JOIN down ON g.parent_group_id = down.id
            WHERE down.depth < 1000)
         SELECT DISTINCT id FROM down`,
        id,
      )
      .map((r) => r.id);
  }

  /** Groups bound to a code, on every board. */
  groupsBoundTo(codeId: CodeId): GroupId[] {
    return this.sql
      .all<{ id: GroupId }>(`SELECT id FROM board_groups WHERE bound_code_id = ?`, codeId)
      .map((r) => r.id);
  }

  /** Renames every group bound to the code (a bound group is named like its code). */
  renameBoundGroups(codeId: CodeId, name: string): number {
    return this.sql.run(
      `UPDATE board_groups SET name = ? WHERE bound_code_id = ? AND name IS NOT ?`,
      name,
      codeId,
      name,
    ).changes;
  }

  bind(id: GroupId, codeId: CodeId | null): void {
    this.sql.run(`UPDATE board_groups SET bound_code_id = ? WHERE id = ?`, codeId, id);
  }

  /** What the board's groups and cards cover (null when it is empty); cards are `card` wide and high. */
  extent(boardId: BoardId, card: { w: number; h: number }): Extent | null {
    const row = this.sql.get<{ minX: number | null; minY: number; maxX: number; maxY: number }>(
      `SELECT min(x0) AS minX, min(y0) AS minY, max(x1) AS maxX, max(y1) AS maxY FROM (
         SELECT x AS x0, y AS y0, x + w AS x1, y + h AS y1 FROM board_groups WHERE board_id = ?
         UNION ALL
         SELECT x, y, x + ?, y + ? FROM cards WHERE board_id = ? AND group_id IS NULL)`,
      boardId,
      card.w,
      card.h,
      boardId,
    );
    return row && row.minX !== null ? { minX: row.minX, minY: row.minY, maxX: row.maxX, maxY: row.maxY } : null;
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
    group: {
      name: string;
      x: number;
      y: number;
      w?: number | undefined;
      h?: number | undefined;
      color: string | null;
      orderKey: string;
      parentId?: GroupId | null | undefined;
      codeId?: CodeId | null | undefined;
    },
  ): GroupId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO board_groups (guid, board_id, name, color, x, y, w, h, order_key, parent_group_id, bound_code_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      boardId,
      group.name,
      group.color,
      group.x,
      group.y,
      group.w ?? 320,
      group.h ?? 240,
      group.orderKey,
      group.parentId ?? null,
      group.codeId ?? null,
    );
    return lastInsertRowid as GroupId;
  }

  updateGroup(id: GroupId, patch: GroupPatch): void {
    const current = this.group(id);
    if (!current) return;
    this.sql.run(
      `UPDATE board_groups SET name = ?, color = ?, x = ?, y = ?, w = ?, h = ?, parent_group_id = ?, collapsed = ?
        WHERE id = ?`,
      patch.name ?? current.name,
      patch.color === undefined ? current.color : patch.color,
      patch.x ?? current.x,
      patch.y ?? current.y,
      patch.w ?? current.w,
      patch.h ?? current.h,
      patch.parentId === undefined ? current.parentId : patch.parentId,
      patch.collapsed === undefined ? current.collapsed : patch.collapsed ? 1 : 0,
      id,
    );
  }

  /** Moves groups and the cards directly in them by (dx, dy): coordinates are absolute. */
  shiftGroups(ids: readonly GroupId[], dx: number, dy: number): void {
    if (ids.length === 0 || (dx === 0 && dy === 0)) return;
    const marks = ids.map(() => '?').join(', ');
    this.sql.run(`UPDATE board_groups SET x = x + ?, y = y + ? WHERE id IN (${marks})`, dx, dy, ...ids);
    this.sql.run(`UPDATE cards SET x = x + ?, y = y + ? WHERE group_id IN (${marks})`, dx, dy, ...ids);
  }

  /** Ungroups the group's cards, then deletes it; returns how many cards were ungrouped. */
  deleteGroup(id: GroupId): number {
    const ungrouped = this.sql.run(`UPDATE cards SET group_id = NULL WHERE group_id = ?`, id).changes;
    this.sql.run(`UPDATE board_groups SET parent_group_id = NULL WHERE parent_group_id = ?`, id);
    this.sql.run(`DELETE FROM votes WHERE target_kind = 'group' AND target_id = ?`, id);
    this.sql.run(`DELETE FROM board_groups WHERE id = ?`, id);
    return ungrouped;
  }

  cards(boardId: BoardId): CardRow[] {
    return this.sql.all<CardRow>(`${CARD} WHERE c.board_id = ? ORDER BY c.group_id, c.order_key, c.id`, boardId);
  }

  card(id: CardId): CardRow | undefined {
    return this.sql.get<CardRow>(`${CARD} WHERE c.id = ?`, id);
  }

  /** Cards by id (any board), in the order of the ids given; unknown ids are left out. */
  cardsById(ids: readonly CardId[]): CardRow[] {
    return this.sql.all<CardRow>(`${CARD} JOIN json_each(?) j ON j.value = c.id ORDER BY j.key`, JSON.stringify(ids));
  }

  /** Cards of one group (or the ungrouped ones), in order. */
  cardsIn(boardId: BoardId, groupId: GroupId | null): CardRow[] {
    return this.sql.all<CardRow>(
      `${CARD} WHERE c.board_id = ? AND c.group_id IS ? ORDER BY c.order_key, c.id`,
      boardId,
      groupId,
    );
  }

  /** Excerpt cards in any of the groups, in board order, once per excerpt. */
  excerptsInGroups(groupIds: readonly GroupId[]): ExcerptId[] {
    return this.sql
      .all<{ id: ExcerptId }>(
        `SELECT c.excerpt_id AS id FROM cards c JOIN json_each(?) j ON j.value = c.group_id
          WHERE c.kind = 'excerpt' GROUP BY c.excerpt_id ORDER BY min(j.key), min(c.order_key), min(c.id)`,
        JSON.stringify(groupIds),
      )
      .map((r) => r.id);
  }

  /** The existing card of each excerpt already on the board (the first one when there are several). */
  cardsOfExcerpts(boardId: BoardId, excerptIds: readonly ExcerptId[]): Map<ExcerptId, CardId> {
    const rows = this.sql.all<{ excerptId: ExcerptId; id: CardId }>(
      `SELECT c.excerpt_id AS excerptId, min(c.id) AS id FROM cards c
        WHERE c.board_id = ? AND c.excerpt_id IN (SELECT value FROM json_each(?)) GROUP BY c.excerpt_id`,
      boardId,
      JSON.stringify(excerptIds),
    );
    return new Map(rows.map((r) => [r.excerptId, r.id]));
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
    this.sql.run(`DELETE FROM votes WHERE target_kind = 'card' AND target_id = ?`, id);
    this.sql.run(`DELETE FROM cards WHERE id = ?`, id);
  }

  setCardColor(id: CardId, color: string | null): number {
    return this.sql.run(`UPDATE cards SET color = ? WHERE id = ?`, color, id).changes;
  }

  setNoteText(id: CardId, text: string): void {
    this.sql.run(`UPDATE cards SET text = ? WHERE id = ? AND kind = 'note'`, text, id);
  }

  /** One coder's votes on a target. */
  votesOf(target: VoteTarget, id: number, coderId: CoderId): number {
    return (
      this.sql.get<{ n: number | null }>(
        `SELECT sum(value) AS n FROM votes WHERE target_kind = ? AND target_id = ? AND coder_id = ?`,
        target,
        id,
        coderId,
      )?.n ?? 0
    );
  }

  /** Every coder's votes on a target. */
  votesOn(target: VoteTarget, id: number): number {
    return (
      this.sql.get<{ n: number | null }>(
        `SELECT sum(value) AS n FROM votes WHERE target_kind = ? AND target_id = ?`,
        target,
        id,
      )?.n ?? 0
    );
  }

  /** Sets one coder's vote count on a target: one row per coder and target, none at zero. */
  setVotes(target: VoteTarget, id: number, coderId: CoderId, value: number): void {
    this.sql.run(`DELETE FROM votes WHERE target_kind = ? AND target_id = ? AND coder_id = ?`, target, id, coderId);
    if (value > 0) {
      this.sql.run(
        `INSERT INTO votes (target_kind, target_id, coder_id, value, created_at) VALUES (?, ?, ?, ?, ?)`,
        target,
        id,
        coderId,
        value,
        nowIso(),
      );
    }
  }

  /**
   * Applies a bound group's code to an excerpt as the coder's coding, remembering the group;
   * false when the coder had already applied that code (then it is not the group's to remove).
   */
  applyGroupCoding(excerptId: ExcerptId, codeId: CodeId, coderId: CoderId, groupId: GroupId): boolean {
    return (
      this.sql.run(
        `INSERT OR IGNORE INTO codings (guid, excerpt_id, code_id, coder_id, created_at, group_id) VALUES (?, ?, ?, ?, ?, ?)`,
        newGuid(),
        excerptId,
        codeId,
        coderId,
        nowIso(),
        groupId,
      ).changes > 0
    );
  }

  /**
   * Removes the codings the group applied to the excerpt; returns how many. `+group_id` keeps
   * SQLite on the excerpt's few codings: the partial index on group_id would walk every coding
   * the group applied, once per card (quadratic for a 2,000-card move).
   */
  removeGroupCodings(excerptId: ExcerptId, groupId: GroupId): number {
    // Another card of the excerpt in another group bound to the same code (another board, or a
    // board from codes) still asks for the coding: it becomes that group's instead of going.
    this.sql.run(
      `UPDATE codings SET group_id = (${OTHER_BOUND_GROUP})
        WHERE excerpt_id = ? AND +group_id = ? AND (${OTHER_BOUND_GROUP}) IS NOT NULL`,
      groupId,
      excerptId,
      groupId,
      groupId,
    );
    return this.sql.run(`DELETE FROM codings WHERE excerpt_id = ? AND +group_id = ?`, excerptId, groupId).changes;
  }

  /** Every coding the group applied becomes an ordinary one (the group was unbound or rebound). */
  keepAllGroupCodings(groupId: GroupId): number {
    return this.sql.run(`UPDATE codings SET group_id = NULL WHERE group_id = ?`, groupId).changes;
  }

  /** Keeps the codings the group applied as ordinary ones (the card left with keepCodes). */
  keepGroupCodings(excerptId: ExcerptId, groupId: GroupId): number {
    return this.sql.run(`UPDATE codings SET group_id = NULL WHERE excerpt_id = ? AND +group_id = ?`, excerptId, groupId)
      .changes;
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
