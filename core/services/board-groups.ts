/**
 * A board's groups: added, moved (with their cards and sub-groups), nested, resized, tidied
 * into a grid, bound to a code (a bound group and its code keep one name) and deleted.
 */

import type { GroupPatch } from '../../db/repositories/boards.js';
import { columnsFor, groupSize, slotInGroup } from '../board/layout.js';
import type { BindGroupResult, BoardGroup, BoardId, CodeId, GroupId } from '../contract/types.js';
import { badInput, notFound } from '../errors.js';
import { keyBetween } from '../order/keys.js';
import { checkGroup, groupById, lazyCoder, mustBoard, mustGroup } from './board-common.js';
import { addCode, renameCode } from './codes.js';
import type { ProjectContext } from './context.js';

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
  // The repository's patch of a group: every field it can change, each optional.
  input: { id: GroupId } & GroupPatch,
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
