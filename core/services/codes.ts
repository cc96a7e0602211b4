/** The codebook: add, rename, recolour, move within the tree, delete. */
import type { CodeRow } from '../../db/repositories/codes.js';
import type { Code, CodeId } from '../contract/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import { keyBetween, keysBetween } from '../order/keys.js';
import type { ProjectContext } from './context.js';
import { randomPaletteColor } from './palette.js';

const toCode = (row: CodeRow): Code => ({ ...row });

/** Codes depth-first: each parent followed by its children, siblings in their order. */
export function listCodes({ repos }: ProjectContext): Code[] {
  const rows = repos.codes.list();
  const children = new Map<number, CodeRow[]>();
  for (const row of rows) {
    const key = row.parentId ?? 0;
    const list = children.get(key) ?? [];
    list.push(row);
    children.set(key, list);
  }
  const out: Code[] = [];
  const visit = (parent: number) => {
    for (const row of children.get(parent) ?? []) {
      out.push(toCode(row));
      visit(row.id);
    }
  };
  visit(0);
  return out;
}

function mustGet(ctx: ProjectContext, id: CodeId): CodeRow {
  const row = ctx.repos.codes.get(id);
  if (!row) throw notFound(`There is no code with id ${id}; it may have been deleted or merged.`);
  return row;
}

function where(ctx: ProjectContext, parentId: CodeId | null): string {
  return parentId === null ? 'at the top level' : `under "${mustGet(ctx, parentId).name}"`;
}

function assertNameFree(ctx: ProjectContext, parentId: CodeId | null, name: string, self?: CodeId): void {
  const clash = ctx.repos.codes.findSibling(parentId, name);
  if (clash !== undefined && clash !== self) {
    throw conflict(`A code named "${name}" already exists ${where(ctx, parentId)}. Choose another name.`);
  }
}

export function getCode(ctx: ProjectContext, id: CodeId): Code {
  return toCode(mustGet(ctx, id));
}

export function addCode(
  ctx: ProjectContext,
  input: {
    name: string;
    parentId?: CodeId | null | undefined;
    color?: string | undefined;
    description?: string | undefined;
  },
): Code {
  const parentId = input.parentId ?? null;
  if (parentId !== null) mustGet(ctx, parentId);
  const name = input.name.trim();
  assertNameFree(ctx, parentId, name);
  const id = ctx.repos.codes.insert(
    {
      name,
      parentId,
      color: (input.color ?? randomPaletteColor()).toUpperCase(),
      description: input.description ?? '',
      createdBy: ctx.coderId,
    },
    keyBetween(ctx.repos.codes.lastKey(parentId), null),
  );
  return getCode(ctx, id);
}

export function renameCode(ctx: ProjectContext, input: { id: CodeId; name: string }): Code {
  const code = mustGet(ctx, input.id);
  const name = input.name.trim();
  assertNameFree(ctx, code.parentId, name, code.id);
  ctx.repos.tx(() => {
    ctx.repos.codes.rename(code.id, name);
    // Board groups bound to the code are named like it (boards.updateGroup renames the other way).
    ctx.repos.boards.renameBoundGroups(code.id, name);
  });
  return getCode(ctx, code.id);
}

export function updateCode(
  ctx: ProjectContext,
  input: {
    id: CodeId;
    color?: string | undefined;
    description?: string | undefined;
    inclusion?: string | undefined;
    exclusion?: string | undefined;
    example?: string | undefined;
  },
): Code {
  mustGet(ctx, input.id);
  ctx.repos.tx(() => {
    if (input.color !== undefined) ctx.repos.codes.setColor(input.id, input.color.toUpperCase());
    if (input.description !== undefined) ctx.repos.codes.setDescription(input.id, input.description);
    const { inclusion, exclusion, example } = input;
    if (inclusion !== undefined || exclusion !== undefined || example !== undefined) {
      ctx.repos.codes.setNotes(input.id, { inclusion, exclusion, example });
    }
  });
  return getCode(ctx, input.id);
}

/** Re-parents a code and places it at `position` among its new siblings (the end when omitted). */
export function moveCode(
  ctx: ProjectContext,
  input: { id: CodeId; parentId: CodeId | null; position?: number | undefined },
): Code {
  const { codes } = ctx.repos;
  const code = mustGet(ctx, input.id);
  const parentId = input.parentId;
  if (parentId !== null) {
    const parent = mustGet(ctx, parentId);
    if (parentId === code.id || codes.ancestorIds(parentId).includes(code.id)) {
      throw badInput(`"${code.name}" cannot move under "${parent.name}": a code cannot sit inside itself.`);
    }
  }
  assertNameFree(ctx, parentId, code.name, code.id);
  ctx.repos.tx(() => {
    // One row written: the code's parent and a key between its new neighbours.
    const siblings = codes.children(parentId).filter((c) => c.id !== code.id);
    const at = Math.min(input.position ?? siblings.length, siblings.length);
    codes.place(code.id, parentId, keyAmong(ctx, parentId, siblings, at));
  });
  return getCode(ctx, code.id);
}

/**
 * The order key for index `at` among `siblings`. Equal neighbouring keys (written by two
 * apps at once) leave no room between them: the siblings are then given fresh keys first.
 */
function keyAmong(
  ctx: ProjectContext,
  parentId: CodeId | null,
  siblings: { id: CodeId; key: string }[],
  at: number,
): string {
  const before = siblings[at - 1]?.key ?? null;
  const after = siblings[at]?.key ?? null;
  if (before === null || after === null || before < after) return keyBetween(before, after);
  const fresh = keysBetween(null, null, siblings.length + 1);
  siblings.forEach((s, i) => {
    ctx.repos.codes.place(s.id, parentId, fresh[i < at ? i : i + 1] as string);
  });
  return fresh[at] as string;
}

/**
 * Deletes a code. Its codings are deleted or handed to the parent; its child codes move up
 * to its parent. Excerpts left with no code and no board/insight use are removed too.
 */
export function deleteCode(
  ctx: ProjectContext,
  input: { id: CodeId; codings: 'delete' | 'moveToParent' },
): { deletedCodings: number; movedCodings: number } {
  const { codes, excerpts } = ctx.repos;
  const code = mustGet(ctx, input.id);
  if (input.codings === 'moveToParent' && code.parentId === null && codes.countCodings(code.id) > 0) {
    throw badInput(
      `"${code.name}" is a top-level code, so its codings have no parent to move to. Delete them instead, or move the code under another code first.`,
    );
  }
  for (const childId of codes.childIds(code.id)) {
    const child = mustGet(ctx, childId);
    const clash = codes.findSibling(code.parentId, child.name);
    if (clash !== undefined && clash !== code.id) {
      throw conflict(
        `"${code.name}" has a child code "${child.name}", and a code of that name already exists ${where(ctx, code.parentId)}. Rename one of them first.`,
      );
    }
  }
  return ctx.repos.tx(() => {
    const touched = excerpts.idsCodedWith(code.id);
    let deletedCodings = 0;
    let movedCodings = 0;
    if (input.codings === 'moveToParent' && code.parentId !== null) {
      const { moved, merged } = codes.moveCodings(code.id, code.parentId);
      movedCodings = moved;
      deletedCodings = merged;
    } else {
      deletedCodings = codes.deleteCodings(code.id);
    }
    // Children take the deleted code's place among its siblings.
    const siblings = codes.children(code.parentId);
    const at = siblings.findIndex((c) => c.id === code.id);
    const children = codes.childIds(code.id);
    const keys = keysBetween(siblings[at - 1]?.key ?? null, siblings[at + 1]?.key ?? null, children.length);
    children.forEach((child, i) => {
      codes.place(child, code.parentId, keys[i] as string);
    });
    ctx.repos.memos.deleteFor('code', code.id);
    codes.delete(code.id);
    excerpts.deleteOrphans(touched);
    return { deletedCodings, movedCodings };
  });
}

/**
 * Merges `sourceId` into `targetId`: codings move and keep their coders (an excerpt the target
 * already codes by the same coder keeps one coding), child codes move under the target, memos
 * and bound board groups follow, and the source code is deleted. One transaction.
 */
export function mergeCodes(ctx: ProjectContext, input: { sourceId: CodeId; targetId: CodeId }): Code {
  const { codes } = ctx.repos;
  const source = mustGet(ctx, input.sourceId);
  const target = mustGet(ctx, input.targetId);
  if (source.id === target.id) throw badInput(`"${source.name}" cannot be merged into itself. Pick another code.`);
  if (codes.ancestorIds(target.id).includes(source.id)) {
    throw badInput(
      `"${source.name}" cannot be merged into "${target.name}", which sits inside it. Merge "${target.name}" into "${source.name}" instead, or move it out first.`,
    );
  }
  const childIds = codes.childIds(source.id);
  for (const childId of childIds) {
    const child = mustGet(ctx, childId);
    const clash = codes.findSibling(target.id, child.name);
    if (clash !== undefined) {
      throw conflict(
        `"${source.name}" has a child code "${child.name}", and "${target.name}" already has a child of that name. Merge or rename those two first.`,
      );
    }
  }
  ctx.repos.tx(() => {
    codes.moveCodings(source.id, target.id);
    codes.handOver(source.id, target.id);
    const keys = keysBetween(codes.lastKey(target.id), null, childIds.length);
    childIds.forEach((childId, i) => {
      codes.place(childId, target.id, keys[i] as string);
    });
    codes.delete(source.id);
  });
  return getCode(ctx, target.id);
}

/** Splits a code: a new code takes the codings the given excerpts have with the original. */
export function splitCode(
  ctx: ProjectContext,
  input: {
    id: CodeId;
    name: string;
    excerptIds: readonly number[];
    parentId?: CodeId | null | undefined;
    color?: string | undefined;
  },
): Code {
  const original = mustGet(ctx, input.id);
  const coded = new Set<number>(ctx.repos.excerpts.idsCodedWith(original.id));
  const missing = input.excerptIds.filter((id) => !coded.has(id));
  if (missing.length > 0) {
    throw badInput(
      `Excerpt ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not coded with "${original.name}", so ${missing.length === 1 ? 'it' : 'they'} cannot move to the new code.`,
    );
  }
  const parentId = input.parentId === undefined ? original.parentId : input.parentId;
  return ctx.repos.tx(() => {
    const created = addCode(ctx, { name: input.name, parentId, color: input.color });
    ctx.repos.codes.moveCodingsOf(original.id, created.id, input.excerptIds);
    return getCode(ctx, created.id);
  });
}

/** Codes by exact id list, refusing unknown ones with their ids. */
export function requireCodes(ctx: ProjectContext, ids: readonly CodeId[]): CodeRow[] {
  const rows = ids.map((id) => ctx.repos.codes.get(id));
  const missing = ids.filter((_, i) => rows[i] === undefined);
  if (missing.length > 0) {
    throw notFound(`There is no code with id ${missing.join(', ')}; it may have been deleted or merged.`);
  }
  return rows as CodeRow[];
}
