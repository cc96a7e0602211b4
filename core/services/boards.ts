/**
 * Affinity boards: groups and cards; excerpt cards always show the live excerpt.
 *
 * Clustering is coding: a group bound to a code applies it (as the current coder's coding,
 * marked with the group: `codings.group_id`) to every excerpt card that enters it, and moving
 * the card out removes exactly the codings that group applied, never one the excerpt already
 * had. A bound group and its code keep one name (renaming either renames the other).
 */
import type { CardRow, GroupRow } from '../../db/repositories/boards.js';
import {
  CARD_H,
  CARD_W,
  columnsFor,
  GAP,
  gridSlot,
  groupSize,
  PAD,
  placeGroups,
  slotInGroup,
} from '../board/layout.js';
import type {
  AddSpansResult,
  BindGroupResult,
  Board,
  BoardCard,
  BoardDetail,
  BoardGroup,
  BoardId,
  BoardViewport,
  CardId,
  CodeExtent,
  CodeId,
  CoderId,
  DocumentId,
  ExcerptId,
  GroupId,
  MoveCardsResult,
} from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { keyBetween, keysBetween } from '../order/keys.js';
import { extentOf, type Range, sentenceLocale } from '../text/extent.js';
import { addCode, renameCode } from './codes.js';
import type { ProjectContext } from './context.js';
import { checkSpan, excerptAt, getExcerpts } from './excerpts.js';

function toGroup(row: GroupRow, order: number): BoardGroup {
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

function groupById(ctx: ProjectContext, id: GroupId): BoardGroup {
  const row = mustGroup(ctx, id);
  return toGroup(row, ctx.repos.boards.groupIndex(row));
}

/** A group must belong to the card's board. */
function checkGroup(ctx: ProjectContext, boardId: BoardId, groupId: GroupId | null | undefined): GroupRow | null {
  if (groupId === null || groupId === undefined) return null;
  const group = mustGroup(ctx, groupId);
  if (group.boardId !== boardId) throw badInput(`Group ${groupId} is on another board (board ${group.boardId}).`);
  return group;
}

/**
 * Cards as DTOs. `order` is each card's index in its group: counted along the rows when they
 * are a whole board in order, else read from the keys of the groups they are in.
 */
function toCards(ctx: ProjectContext, rows: readonly CardRow[], wholeBoard = false): BoardCard[] {
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

function cardById(ctx: ProjectContext, id: CardId): BoardCard {
  const [card] = toCards(ctx, [mustCard(ctx, id)]);
  if (!card) throw notFound(`There is no card with id ${id}.`);
  return card;
}

const DEFAULT_VIEWPORT: BoardViewport = { x: 0, y: 0, zoom: 1 };

function parseViewport(json: string | undefined): BoardViewport {
  try {
    const v = JSON.parse(json ?? '') as Partial<BoardViewport>;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    return ok(v.x) && ok(v.y) && ok(v.zoom) && v.zoom > 0 ? { x: v.x, y: v.y, zoom: v.zoom } : DEFAULT_VIEWPORT;
  } catch {
    return DEFAULT_VIEWPORT;
  }
}

export function listBoards(ctx: ProjectContext): Board[] {
  return ctx.repos.boards.list();
}

export function createBoard(ctx: ProjectContext, name: string): Board {
  return mustBoard(ctx, ctx.repos.boards.insert(name.trim()));
}

export function renameBoard(ctx: ProjectContext, input: { id: BoardId; name: string }): Board {
  mustBoard(ctx, input.id);
  ctx.repos.boards.rename(input.id, input.name.trim());
  return mustBoard(ctx, input.id);
}

/** Deletes the board, its groups and cards; the codings its groups applied stay (they are the researcher's coding now). */
export function deleteBoard(ctx: ProjectContext, id: BoardId): { deleted: true } {
  mustBoard(ctx, id);
  ctx.repos.tx(() => ctx.repos.boards.delete(id));
  return { deleted: true };
}

export function getBoard(ctx: ProjectContext, id: BoardId): BoardDetail {
  const board = mustBoard(ctx, id);
  return {
    id: board.id,
    name: board.name,
    viewport: parseViewport(ctx.repos.boards.viewport(id)),
    groups: ctx.repos.boards.groups(id).map((g, i) => toGroup(g, i)),
    cards: toCards(ctx, ctx.repos.boards.cards(id), true),
  };
}

export function setViewport(ctx: ProjectContext, input: { id: BoardId } & BoardViewport): BoardViewport {
  mustBoard(ctx, input.id);
  const viewport = { x: input.x, y: input.y, zoom: input.zoom };
  ctx.repos.boards.setViewport(input.id, JSON.stringify(viewport));
  return viewport;
}

/** Refuses a parent that is the group itself or nested inside it (a group cannot contain itself). */
function checkParent(ctx: ProjectContext, boardId: BoardId, self: GroupId | null, parentId: GroupId | null): void {
  if (parentId === null) return;
  checkGroup(ctx, boardId, parentId);
  if (self === null) return;
  if (parentId === self || ctx.repos.boards.ancestors(parentId).includes(self)) {
    throw badInput('A group cannot be nested inside itself or inside one of its own subgroups.');
  }
}

export function addGroup(
  ctx: ProjectContext,
  input: {
    boardId: BoardId;
    name: string;
    x?: number | undefined;
    y?: number | undefined;
    color?: string | undefined;
    parentId?: GroupId | null | undefined;
    codeId?: CodeId | undefined;
  },
): BoardGroup {
  mustBoard(ctx, input.boardId);
  checkParent(ctx, input.boardId, null, input.parentId ?? null);
  const code = input.codeId !== undefined ? ctx.repos.codes.get(input.codeId) : undefined;
  if (input.codeId !== undefined && !code) {
    throw notFound(`There is no code with id ${input.codeId}; it may have been deleted or merged.`);
  }
  const id = ctx.repos.boards.insertGroup(input.boardId, {
    // A bound group is named like its code.
    name: code?.name ?? input.name.trim(),
    x: input.x ?? 0,
    y: input.y ?? 0,
    color: input.color?.toUpperCase() ?? null,
    orderKey: keyBetween(ctx.repos.boards.lastGroupKey(input.boardId), null),
    parentId: input.parentId ?? null,
    codeId: code?.id ?? null,
  });
  return groupById(ctx, id);
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
    parentId?: GroupId | null | undefined;
    collapsed?: boolean | undefined;
  },
): BoardGroup {
  const group = mustGroup(ctx, input.id);
  if (input.parentId !== undefined) checkParent(ctx, group.boardId, group.id, input.parentId);
  const { id, ...patch } = input;
  const name = patch.name?.trim();
  ctx.repos.tx(() => {
    // A bound group is named like its code: renaming it renames the code (and the code's other groups).
    if (name !== undefined && group.codeId !== null && name !== group.name) renameCode(ctx, { id: group.codeId, name });
    // Coordinates are absolute: moving a group moves its cards and sub-groups with it, in this one step.
    const dx = patch.x === undefined ? 0 : patch.x - group.x;
    const dy = patch.y === undefined ? 0 : patch.y - group.y;
    ctx.repos.boards.shiftGroups(ctx.repos.boards.descendantsAndSelf(id), dx, dy);
    ctx.repos.boards.updateGroup(id, {
      ...patch,
      x: undefined,
      y: undefined,
      name,
      color: typeof patch.color === 'string' ? patch.color.toUpperCase() : patch.color,
    });
  });
  return groupById(ctx, id);
}

export function deleteGroup(ctx: ProjectContext, id: GroupId): { deleted: true; cardsUngrouped: number } {
  mustGroup(ctx, id);
  const cardsUngrouped = ctx.repos.tx(() => ctx.repos.boards.deleteGroup(id));
  return { deleted: true, cardsUngrouped };
}

/**
 * A card changes group: the codings its old group applied go (or stay as ordinary codings
 * with `keep`), and a bound new group applies its code. Counts are added to `tally`.
 */
function regroupCodings(
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
function lazyCoder(ctx: ProjectContext): () => CoderId {
  let id: CoderId | undefined;
  return () => {
    id ??= ctx.coderId;
    return id;
  };
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
  const group = checkGroup(ctx, input.boardId, input.groupId);
  if (input.excerptId !== undefined && !ctx.repos.excerpts.exists(input.excerptId)) {
    throw notFound(`There is no excerpt with id ${input.excerptId}.`);
  }
  const text = input.excerptId === undefined ? (input.text?.trim() ?? '') : null;
  if (input.excerptId === undefined && !text) throw badInput('A note card needs some text.');
  const id = ctx.repos.tx(() => {
    const id = ctx.repos.boards.insertCard({
      boardId: input.boardId,
      groupId: group?.id ?? null,
      excerptId: input.excerptId ?? null,
      text,
      x: input.x ?? 0,
      y: input.y ?? 0,
      orderKey: keyBetween(ctx.repos.boards.lastCardKey(input.boardId, group?.id ?? null), null),
    });
    if (group?.codeId != null && input.excerptId !== undefined) {
      ctx.repos.boards.applyGroupCoding(input.excerptId, group.codeId, ctx.coderId, group.id);
    }
    return id;
  });
  return cardById(ctx, id);
}

/**
 * Adds many excerpts in one transaction. An excerpt already on the board keeps its card (whose
 * id is returned in its place). New cards go on a grid: inside the group (which grows to hold
 * them), at (x, y) when given, else below everything on the board.
 */
/** The turn holding a span, else its line: what a sentence or turn extent is cut from. */
function containerOf(text: string, turns: readonly Range[], span: Range): Range {
  const turn = turns.find((t) => t.start <= span.start && span.end <= t.end);
  if (turn) return turn;
  const from = text.lastIndexOf('\n', span.start - 1) + 1;
  const to = text.indexOf('\n', span.end);
  return { start: from, end: to < 0 ? text.length : to };
}

/**
 * Spans as cards: each (widened to its sentence or turn when asked) becomes, or stays, an
 * excerpt; then all are added as boards.addCards does, in one step.
 */
export function addSpans(
  ctx: ProjectContext,
  input: {
    boardId: BoardId;
    spans: { documentId: DocumentId; start: number; end: number }[];
    extent?: CodeExtent | undefined;
    groupId?: GroupId | undefined;
  },
): AddSpansResult {
  const { repos } = ctx;
  mustBoard(ctx, input.boardId);
  checkGroup(ctx, input.boardId, input.groupId);
  const extent = input.extent ?? 'match';
  const texts = new Map<DocumentId, string>();
  const docs = new Map<DocumentId, { turns: Range[]; locale: string }>();
  const ranges = input.spans.map((span, i) => {
    let text = texts.get(span.documentId);
    if (text === undefined) {
      text = repos.documents.text(span.documentId);
      if (text === undefined)
        throw notFound(`Span ${i + 1}: there is no document with id ${span.documentId}; nothing was added.`);
      texts.set(span.documentId, text);
    }
    checkSpan(text, span.documentId, span.start, span.end);
    if (extent === 'match') return span;
    let doc = docs.get(span.documentId);
    if (!doc) {
      const language = repos.documents.get(span.documentId)?.language ?? null;
      doc = { turns: repos.documents.turns(span.documentId), locale: sentenceLocale(language, text.slice(0, 2000)) };
      docs.set(span.documentId, doc);
    }
    const container = containerOf(text, doc.turns, span);
    return { documentId: span.documentId, ...extentOf(text, extent, span, container, doc.locale) };
  });
  return repos.tx(() => {
    let createdExcerpts = 0;
    const excerptIds = ranges.map((span) => {
      const existing = repos.excerpts.findSpan(span.documentId, span.start, span.end);
      if (existing !== undefined) return existing;
      createdExcerpts++;
      return excerptAt(ctx, span.documentId, span.start, span.end, texts);
    });
    const unique = [...new Set(excerptIds)];
    const { cardIds } = addCards(ctx, {
      boardId: input.boardId,
      excerptIds: unique,
      ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
    });
    return { cardIds, excerptIds: unique, createdExcerpts };
  });
}

export function addCards(
  ctx: ProjectContext,
  input: {
    boardId: BoardId;
    excerptIds: ExcerptId[];
    groupId?: GroupId | undefined;
    x?: number | undefined;
    y?: number | undefined;
  },
): { cardIds: CardId[] } {
  const { boards, excerpts } = ctx.repos;
  mustBoard(ctx, input.boardId);
  const group = checkGroup(ctx, input.boardId, input.groupId);
  const wanted = [...new Set(input.excerptIds)];
  const missing = wanted.filter((id) => !excerpts.exists(id));
  if (missing.length > 0) {
    throw notFound(
      `There is no excerpt with id ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` (and ${missing.length - 10} more)` : ''}; nothing was added.`,
    );
  }
  const coder = lazyCoder(ctx);
  return ctx.repos.tx(() => {
    const existing = boards.cardsOfExcerpts(input.boardId, wanted);
    const fresh = wanted.filter((id) => !existing.has(id));
    const groupId = group?.id ?? null;
    const keys = keysBetween(boards.lastCardKey(input.boardId, groupId), null, fresh.length);
    let place: (i: number) => { x: number; y: number };
    if (group) {
      const already = boards.cardKeysIn(input.boardId, group.id).length;
      const total = already + fresh.length;
      const columns = columnsFor(total);
      const size = groupSize(total, columns);
      if (size.w > group.w || size.h > group.h) {
        boards.updateGroup(group.id, { w: Math.max(size.w, group.w), h: Math.max(size.h, group.h) });
      }
      place = (i) => slotInGroup(group, already + i, columns);
    } else {
      const extent = boards.extent(input.boardId, { w: CARD_W, h: CARD_H });
      const origin =
        input.x !== undefined || input.y !== undefined
          ? { x: input.x ?? 0, y: input.y ?? 0 }
          : extent
            ? { x: extent.minX, y: extent.maxY + 2 * GAP }
            : { x: 2 * GAP, y: 2 * GAP };
      const columns = columnsFor(fresh.length);
      place = (i) => gridSlot(origin, i, columns);
    }
    const created = new Map<ExcerptId, CardId>();
    fresh.forEach((excerptId, i) => {
      const at = place(i);
      created.set(
        excerptId,
        boards.insertCard({
          boardId: input.boardId,
          groupId,
          excerptId,
          text: null,
          x: at.x,
          y: at.y,
          orderKey: keys[i] as string,
        }),
      );
      if (group?.codeId != null) boards.applyGroupCoding(excerptId, group.codeId, coder(), group.id);
    });
    return { cardIds: input.excerptIds.map((id) => (existing.get(id) ?? created.get(id)) as CardId) };
  });
}

/** The key that puts a card at index `order` among the other cards of its new group (re-keying only when two keys are equal). */
function keyAtIndex(ctx: ProjectContext, card: CardRow, groupId: GroupId | null, order: number | undefined): string {
  const { boards } = ctx.repos;
  const siblings = boards.cardKeysIn(card.boardId, groupId).filter((c) => c.id !== card.id);
  const at = Math.min(order ?? siblings.length, siblings.length);
  const before = siblings[at - 1]?.key ?? null;
  const after = siblings[at]?.key ?? null;
  if (before === null || after === null || before < after) return keyBetween(before, after);
  // Equal neighbouring keys (two apps appended at once) leave no room: re-key the group first.
  const fresh = keysBetween(null, null, siblings.length + 1);
  siblings.forEach((s, i) => {
    boards.setCardKey(s.id, fresh[i < at ? i : i + 1] as string);
  });
  return fresh[at] as string;
}

/**
 * Moves a card to a group (or out of groups) and a position; `order` places it among its new
 * siblings. Bound groups code and uncode as boards.moveCards does.
 */
export function moveCard(
  ctx: ProjectContext,
  input: { id: CardId; groupId: GroupId | null; x: number; y: number; order?: number | undefined },
): BoardCard {
  const card = mustCard(ctx, input.id);
  const to = checkGroup(ctx, card.boardId, input.groupId);
  ctx.repos.tx(() => {
    regroupCodings(ctx, card, to, lazyCoder(ctx), false, { applied: 0, removed: 0 });
    // One card row written: its group, place and a key between its new neighbours.
    ctx.repos.boards.placeCard(
      card.id,
      to?.id ?? null,
      input.x,
      input.y,
      keyAtIndex(ctx, card, to?.id ?? null, input.order),
    );
  });
  return cardById(ctx, card.id);
}

/** Where the next card of a group goes: the slot after its last card, on a grid as wide as the group. */
function nextSlot(ctx: ProjectContext, group: GroupRow): { x: number; y: number } {
  const count = ctx.repos.boards.cardKeysIn(group.boardId, group.id).length;
  const columns = Math.max(1, Math.floor((group.w - 2 * PAD + GAP) / (CARD_W + GAP)));
  return slotInGroup(group, count, columns);
}

/** Moves many cards in one step; a card that changes group goes last in its new group. */
export function moveCards(
  ctx: ProjectContext,
  input: {
    moves: { id: CardId; groupId: GroupId | null; x?: number | undefined; y?: number | undefined }[];
    keepCodes?: boolean | undefined;
  },
): MoveCardsResult {
  const { boards } = ctx.repos;
  const ids = input.moves.map((m) => m.id);
  if (new Set(ids).size !== ids.length) throw badInput('A card can be moved only once in one call.');
  const rows = new Map(boards.cardsById(ids).map((c) => [c.id, c]));
  const missing = ids.filter((id) => !rows.has(id));
  if (missing.length > 0)
    throw notFound(`There is no card with id ${missing.slice(0, 10).join(', ')}; nothing was moved.`);
  const groups = new Map<GroupId, GroupRow>();
  const targets = input.moves.map((m) => {
    const card = rows.get(m.id) as CardRow;
    if (m.groupId === null) return null;
    const group = groups.get(m.groupId) ?? checkGroup(ctx, card.boardId, m.groupId);
    if (group && group.boardId !== card.boardId) {
      throw badInput(`Group ${group.id} is on another board (board ${group.boardId}); nothing was moved.`);
    }
    if (group) groups.set(group.id, group);
    return group;
  });
  const tally = { applied: 0, removed: 0 };
  const coder = lazyCoder(ctx);
  ctx.repos.tx(() => {
    input.moves.forEach((m, i) => {
      const card = rows.get(m.id) as CardRow;
      const to = targets[i] ?? null;
      const groupId = to?.id ?? null;
      regroupCodings(ctx, card, to, coder, input.keepCodes === true, tally);
      const stays = card.groupId === groupId;
      const at = m.x !== undefined && m.y !== undefined ? { x: m.x, y: m.y } : stays || !to ? card : nextSlot(ctx, to);
      const key = stays ? card.orderKey : keyBetween(boards.lastCardKey(card.boardId, groupId), null);
      boards.placeCard(card.id, groupId, m.x ?? at.x, m.y ?? at.y, key);
    });
  });
  return { cards: toCards(ctx, boards.cardsById(ids)), ...tally };
}

export function updateCard(ctx: ProjectContext, input: { id: CardId; text: string }): BoardCard {
  const card = mustCard(ctx, input.id);
  if (card.kind !== 'note') throw badInput('Only a sticky note has its own text; an excerpt card shows its excerpt.');
  ctx.repos.boards.setNoteText(card.id, input.text.trim());
  return cardById(ctx, card.id);
}

export function updateCards(ctx: ProjectContext, input: { ids: CardId[]; color: string | null }): { updated: number } {
  const ids = [...new Set(input.ids)];
  const found = ctx.repos.boards.cardsById(ids);
  if (found.length !== ids.length) {
    const known = new Set(found.map((c) => c.id));
    throw notFound(`There is no card with id ${ids.filter((id) => !known.has(id)).join(', ')}; nothing was changed.`);
  }
  const color = input.color?.toUpperCase() ?? null;
  let updated = 0;
  ctx.repos.tx(() => {
    for (const id of ids) updated += ctx.repos.boards.setCardColor(id, color);
  });
  return { updated };
}

export function deleteCard(ctx: ProjectContext, id: CardId): { deleted: true } {
  mustCard(ctx, id);
  ctx.repos.tx(() => ctx.repos.boards.deleteCard(id));
  return { deleted: true };
}

export function deleteCards(ctx: ProjectContext, input: { ids: CardId[] }): { deleted: number } {
  const ids = [...new Set(input.ids)];
  const found = ctx.repos.boards.cardsById(ids);
  if (found.length !== ids.length) {
    const known = new Set(found.map((c) => c.id));
    throw notFound(`There is no card with id ${ids.filter((id) => !known.has(id)).join(', ')}; nothing was deleted.`);
  }
  ctx.repos.tx(() => {
    for (const id of ids) ctx.repos.boards.deleteCard(id);
  });
  return { deleted: ids.length };
}

/**
 * Binds a group to a code and applies it to the excerpt cards already in the group; with
 * `createCode`, to a new code named like the group (under `parentCodeId`), or to the code of
 * that name already there. `codeId: null` unbinds. Codings a previous binding applied stay,
 * as ordinary codings.
 */
export function bindGroup(
  ctx: ProjectContext,
  input: {
    groupId: GroupId;
    codeId?: CodeId | null | undefined;
    createCode?: boolean | undefined;
    parentCodeId?: CodeId | undefined;
  },
): BindGroupResult {
  const { boards } = ctx.repos;
  const group = mustGroup(ctx, input.groupId);
  if (input.codeId != null && !ctx.repos.codes.get(input.codeId)) {
    throw notFound(`There is no code with id ${input.codeId}; it may have been deleted or merged.`);
  }
  if (input.parentCodeId !== undefined && !ctx.repos.codes.get(input.parentCodeId)) {
    throw notFound(`There is no code with id ${input.parentCodeId} to create the code under.`);
  }
  let applied = 0;
  ctx.repos.tx(() => {
    let codeId: CodeId | null = input.codeId ?? null;
    if (input.createCode) {
      const parentId = input.parentCodeId ?? null;
      codeId = ctx.repos.codes.findSibling(parentId, group.name) ?? addCode(ctx, { name: group.name, parentId }).id;
    }
    if (group.codeId !== null && group.codeId !== codeId) boards.keepAllGroupCodings(group.id);
    boards.bind(group.id, codeId);
    if (codeId === null) return;
    const code = ctx.repos.codes.get(codeId);
    if (code && code.name !== group.name) boards.updateGroup(group.id, { name: code.name });
    const coder = lazyCoder(ctx);
    for (const card of boards.cardsIn(group.boardId, group.id)) {
      if (card.excerptId !== null && boards.applyGroupCoding(card.excerptId, codeId, coder(), group.id)) applied++;
    }
  });
  return { group: groupById(ctx, group.id), applied };
}

/** Lays the group's cards out on a grid inside it, in their order, and resizes the group to fit them. */
export function tidyGroup(ctx: ProjectContext, id: GroupId): BoardGroup {
  const { boards } = ctx.repos;
  const group = mustGroup(ctx, id);
  const cards = boards.cardsIn(group.boardId, group.id);
  const columns = columnsFor(cards.length);
  const size = groupSize(cards.length, columns);
  ctx.repos.tx(() => {
    cards.forEach((card, i) => {
      const at = slotInGroup(group, i, columns);
      if (at.x !== card.x || at.y !== card.y) boards.placeCard(card.id, group.id, at.x, at.y, card.orderKey);
    });
    boards.updateGroup(group.id, size);
  });
  return groupById(ctx, id);
}

/** The current coder's dot vote on a card or group: +1 adds one, -1 takes one of theirs back. */
export function vote(
  ctx: ProjectContext,
  input: { target: 'card' | 'group'; id: number; delta: 1 | -1 },
): { votes: number; mine: number } {
  const { boards } = ctx.repos;
  if (input.target === 'card') mustCard(ctx, input.id as CardId);
  else mustGroup(ctx, input.id as GroupId);
  return ctx.repos.tx(() => {
    const coderId = ctx.coderId;
    const mine = boards.votesOf(input.target, input.id, coderId) + input.delta;
    if (mine < 0) throw badInput(`You have no vote on this ${input.target} to take back.`);
    boards.setVotes(input.target, input.id, coderId, mine);
    return { votes: boards.votesOn(input.target, input.id), mine };
  });
}

/**
 * A board with one group per code, bound to it, holding a card for each of the code's
 * excerpts; groups sized to their cards and laid out in rows so nothing overlaps.
 */
export function boardFromCodes(ctx: ProjectContext, input: { name: string; codeIds: CodeId[] }): { boardId: BoardId } {
  const { boards, codes, excerpts } = ctx.repos;
  const codeIds = [...new Set(input.codeIds)];
  const rows = codeIds.map((id) => {
    const code = codes.get(id);
    if (!code) throw notFound(`There is no code with id ${id}; the board was not created.`);
    return code;
  });
  return ctx.repos.tx(() => {
    const boardId = boards.insert(input.name.trim());
    const members = rows.map((code) => excerpts.idsCodedWith(code.id));
    const sizes = members.map((ids) => groupSize(ids.length));
    const rects = placeGroups(sizes, { x: 2 * GAP, y: 2 * GAP });
    const groupKeys = keysBetween(null, null, rows.length);
    rows.forEach((code, i) => {
      const rect = rects[i] as { x: number; y: number; w: number; h: number };
      const groupId = boards.insertGroup(boardId, {
        name: code.name,
        color: code.color,
        ...rect,
        orderKey: groupKeys[i] as string,
        codeId: code.id,
      });
      const ids = members[i] as ExcerptId[];
      const columns = columnsFor(ids.length);
      const keys = keysBetween(null, null, ids.length);
      ids.forEach((excerptId, j) => {
        const at = slotInGroup(rect, j, columns);
        boards.insertCard({ boardId, groupId, excerptId, text: null, x: at.x, y: at.y, orderKey: keys[j] as string });
      });
    });
    return { boardId };
  });
}
