/** Codebook helpers: hierarchy order, paths ("Parent › Child") and fuzzy look-up. */
import Fuse from 'fuse.js';
import type { Code, CodeId } from '../../../core/contract/index.js';

export interface CodeRow {
  code: Code;
  depth: number;
  path: string;
}

/** Depth-first order by position, so the flat list reads as a tree. */
export function codeTree(codes: readonly Code[]): CodeRow[] {
  const children = new Map<CodeId | null, Code[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(code);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const rows: CodeRow[] = [];
  const walk = (parent: CodeId | null, depth: number, prefix: string) => {
    for (const code of children.get(parent) ?? []) {
      const path = prefix ? `${prefix} › ${code.name}` : code.name;
      rows.push({ code, depth, path });
      walk(code.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return rows;
}

/**
 * A fuzzy finder over these rows. The index is built once here, so callers memoise this on
 * the code list and each keystroke only searches.
 */
export function codeSearch(rows: readonly CodeRow[]): (query: string) => CodeRow[] {
  const fuse = new Fuse(rows, { keys: ['code.name', 'path'], threshold: 0.4, ignoreLocation: true });
  return (query) => {
    const q = query.trim();
    return q === '' ? [...rows] : fuse.search(q).map((r) => r.item);
  };
}

/**
 * The quick picker's options for what was typed. The first is always exactly the typed text:
 * the code with that name (case-insensitive) or a new code by that name, so Enter never
 * applies a guess. Fuzzy suggestions follow, reachable with the arrow keys. With nothing
 * typed, every code in codebook order.
 */
export type PickerOption =
  | { kind: 'code'; row: CodeRow; typed: boolean }
  | { kind: 'create'; name: string; typed: true };

export function pickerOptions(
  rows: readonly CodeRow[],
  search: (query: string) => CodeRow[],
  query: string,
): PickerOption[] {
  const name = query.trim();
  if (name === '') return rows.map((row) => ({ kind: 'code', row, typed: false }));
  const exact = exactCode(
    rows.map((r) => r.code),
    name,
  );
  const typed: PickerOption = exact
    ? { kind: 'code', row: rows.find((r) => r.code.id === exact.id) as CodeRow, typed: true }
    : { kind: 'create', name, typed: true };
  const suggestions: PickerOption[] = search(name)
    .filter((r) => r.code.id !== exact?.id)
    .map((row) => ({ kind: 'code', row, typed: false }));
  return [typed, ...suggestions];
}

/** Number keys 1–9 hold quick codes. */
export const QUICK_KEYS = 9;

/** Keys 1–9 by index (slot 0 is key 1); null is a free key. */
export type QuickSlots = (CodeId | null)[];

/**
 * The quick keys after using `ids`: a code not on a key takes the first free key (or one whose
 * code no longer exists); codes already on a key stay where they are, so a number keeps its
 * meaning until the researcher changes it.
 */
export function fillQuick(slots: QuickSlots, ids: readonly CodeId[], existing: ReadonlySet<CodeId>): QuickSlots {
  const next = [...slots];
  for (const id of ids) {
    if (next.includes(id)) continue;
    const free = next.findIndex((s) => s === null || !existing.has(s));
    if (free < 0) break;
    next[free] = id;
  }
  return next;
}

export function exactCode(codes: readonly Code[], name: string): Code | undefined {
  const n = name.trim().toLocaleLowerCase();
  return codes.find((c) => c.name.toLocaleLowerCase() === n);
}

/** Where a code goes for a codebook gesture: its new parent and position among the new siblings. */
export interface CodeMove {
  parentId: CodeId | null;
  position: number;
}

function siblingsOf(codes: readonly Code[], parentId: CodeId | null): Code[] {
  return codes
    .filter((c) => (c.parentId ?? null) === parentId)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}

/** Whether `id` is `ancestor` or sits anywhere below it (moving `ancestor` under `id` would make a cycle). */
export function isWithin(codes: readonly Code[], id: CodeId, ancestor: CodeId): boolean {
  const byId = new Map(codes.map((c) => [c.id, c]));
  for (let cur: Code | undefined = byId.get(id), hops = 0; cur && hops <= codes.length; hops++) {
    if (cur.id === ancestor) return true;
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return false;
}

/**
 * The keyboard moves: Alt+↑/↓ swap with the previous/next sibling, Alt+→ indents under the
 * previous sibling (as its last child), Alt+← outdents to just after the parent. Null when
 * the move is impossible (first sibling, top level…).
 */
export function keyboardMove(
  codes: readonly Code[],
  id: CodeId,
  direction: 'up' | 'down' | 'indent' | 'outdent',
): CodeMove | null {
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const parentId = code.parentId ?? null;
  const siblings = siblingsOf(codes, parentId);
  const index = siblings.findIndex((c) => c.id === id);
  switch (direction) {
    case 'up':
      return index > 0 ? { parentId, position: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parentId, position: index + 1 } : null;
    case 'indent': {
      const previous = siblings[index - 1];
      return previous ? { parentId: previous.id, position: siblingsOf(codes, previous.id).length } : null;
    }
    case 'outdent': {
      const parent = codes.find((c) => c.id === parentId);
      if (!parent) return null;
      const grand = parent.parentId ?? null;
      const at = siblingsOf(codes, grand).findIndex((c) => c.id === parent.id);
      return { parentId: grand, position: at + 1 };
    }
  }
}

/**
 * A drop: onto a code (becomes its last child), into the gap before a code (same parent,
 * that code's place), or onto the top level (last top-level code). Positions count the
 * siblings without the moved code, as codes.move does.
 */
export function dropMove(
  codes: readonly Code[],
  id: CodeId,
  target: { kind: 'onto' | 'before'; codeId: CodeId } | { kind: 'top' },
): CodeMove {
  if (target.kind === 'top') {
    return { parentId: null, position: siblingsOf(codes, null).filter((c) => c.id !== id).length };
  }
  if (target.kind === 'onto') {
    return {
      parentId: target.codeId,
      position: siblingsOf(codes, target.codeId).filter((c) => c.id !== id).length,
    };
  }
  const before = codes.find((c) => c.id === target.codeId);
  const parentId = before?.parentId ?? null;
  const siblings = siblingsOf(codes, parentId).filter((c) => c.id !== id);
  return {
    parentId,
    position: Math.max(
      0,
      siblings.findIndex((c) => c.id === target.codeId),
    ),
  };
}
