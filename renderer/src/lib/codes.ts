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

export function searchCodes(rows: readonly CodeRow[], query: string): CodeRow[] {
  const q = query.trim();
  if (q === '') return [...rows];
  const fuse = new Fuse(rows, { keys: ['code.name', 'path'], threshold: 0.4, ignoreLocation: true });
  return fuse.search(q).map((r) => r.item);
}

export function exactCode(codes: readonly Code[], name: string): Code | undefined {
  const n = name.trim().toLocaleLowerCase();
  return codes.find((c) => c.name.toLocaleLowerCase() === n);
}
