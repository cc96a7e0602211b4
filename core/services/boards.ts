/**
 * Affinity boards: groups and cards; excerpt cards always show the live excerpt.
 *
 * Clustering is coding: a group bound to a code applies it (as the current coder's coding,
 * marked with the group: `codings.group_id`) to every excerpt card that enters it, and moving
 * the card out removes exactly the codings that group applied, never one the excerpt already
 * had. A bound group and its code keep one name (renaming either renames the other).
 */
import { columnsFor, GAP, groupSize, placeGroups, slotInGroup } from '../board/layout.js';
import type { Board, BoardDetail, BoardId, BoardViewport, CodeId, ExcerptId } from '../contract/types.js';
import { notFound } from '../errors.js';
import { keysBetween } from '../order/keys.js';
import { mustBoard, toCards, toGroup } from './board-common.js';
import type { ProjectContext } from './context.js';

export * from './board-cards.js';
export * from './board-groups.js';

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
