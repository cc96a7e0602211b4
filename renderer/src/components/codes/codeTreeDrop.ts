/** Where a dragged code can land in the codebook tree, and which landings are refused. */
import { type CollisionDetection, pointerWithin } from '@dnd-kit/core';
import type { Code, CodeId } from '../../../../core/contract/index.js';
import { isWithin } from '../../lib/codes.js';

export type DropTarget = { kind: 'onto' | 'before'; codeId: CodeId } | { kind: 'top' };

export function parseTarget(id: string | number): DropTarget | null {
  const [kind, raw] = String(id).split(':');
  if (kind === 'top') return { kind: 'top' };
  if ((kind === 'onto' || kind === 'before') && raw) return { kind, codeId: Number(raw) as CodeId };
  return null;
}

/** The gap and top-level strips are thin and lie on rows: under the pointer, they win. */
export const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const thin = hits.filter((h) => !String(h.id).startsWith('onto:'));
  return thin.length > 0 ? thin : hits;
};

/** Whether dropping `dragged` on `target` would put a code inside itself (the core refuses it too). */
export function refused(codes: readonly Code[], dragged: CodeId | null, target: DropTarget): boolean {
  if (dragged === null || target.kind === 'top') return false;
  const parent = target.kind === 'onto' ? target.codeId : (codes.find((c) => c.id === target.codeId)?.parentId ?? null);
  return parent !== null && isWithin(codes, parent, dragged);
}
