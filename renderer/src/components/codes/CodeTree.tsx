/**
 * The codebook tree: select, rename, and reorder or re-parent codes by drag and drop (onto a
 * code = inside it; the gap above a code = before it; the strip below = top level) or by
 * keyboard (Alt+↑/↓ reorder, Alt+→ indent, Alt+← outdent). The moves are decided in
 * lib/codes.ts and made by the codes store (codes.move, undoable); this only renders.
 *
 * The rows are windowed (useWindowedList): a codebook of thousands of codes puts only the rows
 * in view in the DOM. ↑/↓, Home and End move focus from row to row, scrolling the next one in
 * first, so the keyboard reaches every code although most rows are not rendered; the drag
 * shows a DragOverlay, so a dragged row may leave the window while the list scrolls under it.
 */
import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type CSSProperties, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CodeId } from '../../../../core/contract/index.js';
import { type CodeRow, dropMove, keyboardMove } from '../../lib/codes.js';
import { useCodes } from '../../stores/codes.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { useWindowedList } from '../common/useWindowedList.js';
import { type CodeRowActions, Spacer, TopLevelStrip, TreeRow } from './CodeTreeRow.js';
import { collisions, parseTarget } from './codeTreeDrop.js';

const KEY_MOVES: Record<string, 'up' | 'down' | 'indent' | 'outdent'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'indent',
  ArrowLeft: 'outdent',
};

/** Plain arrow keys, Home and End move focus along the rows; the result is the row to focus. */
function stepRow(key: string, at: number, count: number): number | null {
  if (key === 'ArrowDown') return Math.min(count - 1, at + 1);
  if (key === 'ArrowUp') return Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** A code row is 32 px high (.code-select). */
const ROW_HEIGHT = 32;

export function CodeTree({
  rows: allRows,
  filtered,
  renaming,
  onRenameDone,
  actions,
}: {
  rows: CodeRow[];
  /** A fuzzy filter is on: rows show paths, flat, and cannot be dragged. */
  filtered: boolean;
  renaming: CodeId | null;
  onRenameDone(): void;
  actions: CodeRowActions;
}) {
  const codes = useCodes((s) => s.list);
  const announcement = useCodes((s) => s.announcement);
  const selected = useExcerpts((s) => s.codeFilter);
  const [dragging, setDragging] = useState<CodeId | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const draggedCode = codes.find((c) => c.id === dragging);
  // Codes whose children are folded away (not while filtering: the filter shows paths, flat).
  const [collapsed, setCollapsed] = useState<ReadonlySet<CodeId>>(new Set());
  const parents = useMemo(() => {
    const ids = new Set<CodeId>();
    if (filtered) return ids;
    allRows.forEach((r, i) => {
      if ((allRows[i + 1]?.depth ?? -1) > r.depth) ids.add(r.code.id);
    });
    return ids;
  }, [allRows, filtered]);
  const rows = useMemo(() => {
    if (filtered || collapsed.size === 0) return allRows;
    const out: CodeRow[] = [];
    let hideBelow = Number.POSITIVE_INFINITY;
    for (const r of allRows) {
      if (r.depth > hideBelow) continue;
      hideBelow = collapsed.has(r.code.id) ? r.depth : Number.POSITIVE_INFINITY;
      out.push(r);
    }
    return out;
  }, [allRows, collapsed, filtered]);
  const setFolded = useCallback((ids: readonly CodeId[], fold: boolean) => {
    setCollapsed((before) => {
      if (ids.every((id) => before.has(id) === fold)) return before;
      const next = new Set(before);
      for (const id of ids) {
        if (fold) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  /** Unfolds everything above a code, so a code moved or dropped into a folded one stays in sight. */
  const reveal = useCallback(
    (id: CodeId | null) => {
      const list = useCodes.getState().list;
      const up: CodeId[] = [];
      for (let at = id; at !== null; at = list.find((c) => c.id === at)?.parentId ?? null) up.push(at);
      setFolded(up, false);
    },
    [setFolded],
  );

  const onDragStart = (e: DragStartEvent) => setDragging(Number(String(e.active.id).split(':')[1]) as CodeId);
  const onDragEnd = async (e: DragEndEvent) => {
    const id = dragging;
    setDragging(null);
    const target = e.over ? parseTarget(e.over.id) : null;
    if (id === null || !target) return;
    if (target.kind !== 'top' && target.codeId === id) return;
    const move = dropMove(codes, id, target);
    const code = codes.find((c) => c.id === id);
    if (code && (code.parentId ?? null) === move.parentId && code.position === move.position) return;
    if (await useCodes.getState().move(id, move.parentId, move.position)) reveal(move.parentId);
  };

  // Row 0 is "All excerpts" (when there are codes), then the code rows.
  const first = codes.length > 0 ? 1 : 0;
  const count = rows.length + first;
  const w = useWindowedList<HTMLUListElement>({ count, estimate: ROW_HEIGHT });
  const latest = useRef({ rows, first, w });
  latest.current = { rows, first, w };
  const wanted = useRef(0);

  /** The row a focus move is on its way to (keys pressed before it lands count from there). */
  const heading = useRef<number | null>(null);

  /**
   * Focuses the row `find` names once it is rendered, scrolling it into the window first. With
   * `from`, only while focus is still there (or lost with a re-render): a move's answer must not
   * pull focus back from a row the user has gone on to.
   */
  const focusRow = useCallback((find: () => number, from?: Element) => {
    const mine = ++wanted.current;
    let frames = 0;
    const step = () => {
      if (mine !== wanted.current) return false;
      const active = document.activeElement;
      if (from && active !== from && active !== null && active !== document.body && active.isConnected) return true;
      const at = find();
      if (at < 0) return true;
      const el = latest.current.w.ref.current?.querySelector<HTMLElement>(`[data-row="${at}"] .code-select`);
      if (el) {
        heading.current = null;
        el.focus();
        return true;
      }
      heading.current = at;
      latest.current.w.scrollToIndex(at);
      return false;
    };
    const again = () => {
      if (step()) return;
      if (++frames < 20) requestAnimationFrame(again);
      else heading.current = null;
    };
    requestAnimationFrame(again);
  }, []);
  const focusCode = useCallback(
    (id: CodeId, from?: Element) =>
      focusRow(() => {
        const { rows, first } = latest.current;
        const at = rows.findIndex((r) => r.code.id === id);
        return at < 0 ? -1 : at + first;
      }, from),
    [focusRow],
  );
  // A filter typed or cleared starts again from the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filter changes only
  useEffect(() => {
    wanted.current++;
    heading.current = null;
  }, [filtered]);

  const onNavigate = (e: KeyboardEvent, at: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
    const next = stepRow(e.key, heading.current ?? at, count);
    if (next === null) return false;
    e.preventDefault();
    // A row already rendered takes focus in this key press; another is scrolled in first.
    const el = w.ref.current?.querySelector<HTMLElement>(`[data-row="${next}"] .code-select`);
    if (el) {
      wanted.current++;
      heading.current = null;
      el.focus();
    } else focusRow(() => next);
    return true;
  };

  /** → unfolds a code, or goes to its first child; ← folds it, or goes to its parent. */
  const onFold = (e: KeyboardEvent, row: CodeRow, at: number) => {
    if (filtered || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return false;
    e.preventDefault();
    const isParent = parents.has(row.code.id);
    const folded = collapsed.has(row.code.id);
    if (e.key === 'ArrowRight') {
      if (isParent && folded) setFolded([row.code.id], false);
      else if (isParent) focusRow(() => at + 1);
      return true;
    }
    if (isParent && !folded) {
      setFolded([row.code.id], true);
      return true;
    }
    const parentId = row.code.parentId ?? null;
    if (parentId !== null) focusCode(parentId);
    return true;
  };

  const onKeyDown = async (e: KeyboardEvent, row: CodeRow, at: number) => {
    const { code } = row;
    if (onNavigate(e, at) || onFold(e, row, at)) return;
    const direction = e.altKey && !e.ctrlKey && !e.metaKey ? KEY_MOVES[e.key] : undefined;
    if (!direction) return;
    e.preventDefault();
    e.stopPropagation();
    if (filtered) {
      useCodes.getState().announce('Clear the filter to move codes.');
      return;
    }
    const origin = e.currentTarget;
    const move = keyboardMove(codes, code.id, direction);
    if (!move) {
      const why: Record<typeof direction, string> = {
        up: 'is already first',
        down: 'is already last',
        indent: 'has no code above it to go inside',
        outdent: 'is already at the top level',
      };
      useCodes.getState().announce(`${code.name} ${why[direction]}.`);
      return;
    }
    if (await useCodes.getState().move(code.id, move.parentId, move.position)) {
      reveal(move.parentId);
      focusCode(code.id, origin);
    }
  };

  const pad = w.padding(0, 0);
  const indexes = Array.from({ length: w.end - w.start }, (_, k) => w.start + k);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={onDragStart}
      onDragEnd={(e) => void onDragEnd(e)}
      onDragCancel={() => setDragging(null)}
    >
      <p className="sr-only" aria-live="polite" data-testid="codebook-announcement">
        {announcement}
      </p>
      <ul
        ref={w.ref}
        className="code-tree"
        aria-label="Codes"
        aria-describedby="code-tree-help"
        data-rows={count}
        data-windowed={w.windowed ? 'true' : undefined}
      >
        <Spacer height={Number(pad.paddingTop ?? 0)} />
        {indexes.map((at) => {
          const row = rows[at - first];
          if (!row)
            return (
              <li key="all" className="code-row" data-row={at} aria-setsize={count} aria-posinset={at + 1}>
                <button
                  type="button"
                  className="code-select"
                  aria-current={selected === null ? 'true' : undefined}
                  onClick={() => void useExcerpts.getState().setFilter(null)}
                  onKeyDown={(e) => onNavigate(e, at)}
                >
                  <span className="code-name muted">All excerpts</span>
                </button>
              </li>
            );
          return (
            <TreeRow
              key={row.code.id}
              row={row}
              index={at}
              count={count}
              filtered={filtered}
              selected={selected === row.code.id}
              renaming={renaming === row.code.id}
              onRenameDone={onRenameDone}
              actions={actions}
              dragging={dragging}
              expanded={parents.has(row.code.id) ? !collapsed.has(row.code.id) : undefined}
              onToggle={() => setFolded([row.code.id], !collapsed.has(row.code.id))}
              onKeyDown={(e) => void onKeyDown(e, row, at)}
            />
          );
        })}
        <Spacer height={Number(pad.paddingBottom ?? 0)} />
        {!filtered && codes.length > 0 && <TopLevelStrip active={dragging !== null} />}
      </ul>
      <p id="code-tree-help" className="muted small pad code-tree-help">
        Drag a code onto another to put it inside, or between codes to reorder. Keyboard: ↑/↓ go to the next code, ←/→
        fold and unfold, Alt+↑/↓ reorder, Alt+→ indent, Alt+← outdent.
      </p>
      <DragOverlay dropAnimation={null}>
        {draggedCode && (
          <div className="code-drag-overlay" style={{ '--code': draggedCode.color } as CSSProperties}>
            <span className="chip-dot" aria-hidden="true" />
            {draggedCode.name}
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
