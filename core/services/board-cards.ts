/**
 * A board's cards: excerpts added one, many or as spans (widened to their sentence or turn),
 * sticky notes, moves between groups (a bound group codes what enters it and uncodes what
 * leaves), colours, votes and deletion.
 */
import type { CardRow, GroupRow } from '../../db/repositories/boards.js';
import { CARD_H, CARD_W, columnsFor, GAP, gridSlot, groupSize, PAD, slotInGroup } from '../board/layout.js';
import type {
  AddSpansResult,
  BoardCard,
  BoardId,
  CardId,
  CodeExtent,
  DocumentId,
  ExcerptId,
  GroupId,
  MoveCardsResult,
} from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { keyBetween, keysBetween } from '../order/keys.js';
import { extentOf, type Range, sentenceLocale } from '../text/extent.js';
import {
  cardById,
  checkGroup,
  lazyCoder,
  mustBoard,
  mustCard,
  mustGroup,
  regroupCodings,
  toCards,
} from './board-common.js';
import type { ProjectContext } from './context.js';
import { checkSpan, excerptAt } from './excerpts.js';

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

/**
 * Adds many excerpts in one transaction. An excerpt already on the board keeps its card (whose
 * id is returned in its place). New cards go on a grid: inside the group (which grows to hold
 * them), at (x, y) when given, else below everything on the board.
 */
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
