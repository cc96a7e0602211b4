/**
 * A row of the codebook tree: its caret, its drag handle and drop zones (dnd-kit), its name
 * (renamed in place) and its menu; and the strips between and below the rows.
 */
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { type CSSProperties, type KeyboardEvent, useState } from 'react';
import type { Code, CodeId } from '../../../../core/contract/index.js';
import type { CodeRow } from '../../lib/codes.js';
import { useCodes } from '../../stores/codes.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { Icon } from '../common/Icon.js';
import { refused } from './codeTreeDrop.js';

export interface CodeRowActions {
  rename(code: Code): void;
  merge(code: Code): void;
  split(code: Code): void;
  remove(code: Code): void;
}

/** Stands in for the rows above or below the window. */
export function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return <li className="code-tree-space" aria-hidden="true" style={{ height }} />;
}

export function TopLevelStrip({ active }: { active: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: 'top' });
  return (
    <li
      ref={setNodeRef}
      className={`code-top-drop${active ? ' active' : ''}${isOver ? ' drop-over' : ''}`}
      data-testid="code-top-level"
      aria-hidden="true"
    >
      {active ? 'Drop here: top level' : ''}
    </li>
  );
}

export function TreeRow({
  row,
  index,
  count,
  filtered,
  selected,
  renaming,
  onRenameDone,
  actions,
  dragging,
  expanded,
  onToggle,
  onKeyDown,
}: {
  row: CodeRow;
  /** Its place among the rendered list's rows (for ↑/↓ and aria-posinset). */
  index: number;
  count: number;
  filtered: boolean;
  selected: boolean;
  renaming: boolean;
  onRenameDone(): void;
  actions: CodeRowActions;
  dragging: CodeId | null;
  /** Whether its children show; undefined for a code without children. */
  expanded: boolean | undefined;
  onToggle(): void;
  onKeyDown(e: KeyboardEvent): void;
}) {
  const { code } = row;
  const codes = useCodes((s) => s.list);
  const drag = useDraggable({ id: `code:${code.id}`, disabled: filtered || renaming });
  const onto = useDroppable({ id: `onto:${code.id}`, disabled: filtered || dragging === code.id });
  const before = useDroppable({ id: `before:${code.id}`, disabled: filtered || dragging === code.id });
  const ontoRefused = dragging !== null && refused(codes, dragging, { kind: 'onto', codeId: code.id });
  const beforeRefused = dragging !== null && refused(codes, dragging, { kind: 'before', codeId: code.id });
  const className = [
    'code-row',
    drag.isDragging ? 'dragging' : '',
    onto.isOver ? (ontoRefused ? 'drop-refused' : 'drop-onto') : '',
    before.isOver ? (beforeRefused ? 'drop-refused-before' : 'drop-before') : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={onto.setNodeRef}
      className={className}
      data-code-id={code.id}
      data-row={index}
      aria-setsize={count}
      aria-posinset={index + 1}
      style={{ '--depth': filtered ? 0 : row.depth, '--code': code.color } as CSSProperties}
    >
      {dragging !== null && <span ref={before.setNodeRef} className="code-gap" aria-hidden="true" />}
      {!filtered && !renaming && (
        <span
          ref={drag.setNodeRef}
          className="drag-handle"
          aria-hidden="true"
          data-testid={`drag-${code.name}`}
          title="Drag to move"
          {...drag.listeners}
        >
          <Icon name="grip" size={14} />
        </span>
      )}
      {renaming ? (
        <RenameInput code={code} onDone={onRenameDone} />
      ) : (
        <>
          <button
            type="button"
            className="code-select"
            aria-current={selected ? 'true' : undefined}
            aria-label={`${row.path}, ${code.excerpts} excerpt${code.excerpts === 1 ? '' : 's'}`}
            aria-expanded={expanded}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowRight Alt+ArrowLeft"
            onClick={(e) => {
              // The caret folds or unfolds; the rest of the row shows the code's excerpts.
              if (expanded !== undefined && (e.target as HTMLElement).closest('.code-caret')) onToggle();
              else void useExcerpts.getState().setFilter(code.id);
            }}
            onDoubleClick={() => actions.rename(code)}
            onKeyDown={onKeyDown}
          >
            <span
              className="code-caret"
              aria-hidden="true"
              data-testid={expanded === undefined ? undefined : `fold-${code.name}`}
              title={expanded === undefined ? undefined : expanded ? 'Fold' : 'Unfold'}
            >
              {expanded === undefined ? '' : expanded ? '▾' : '▸'}
            </span>
            <span className="chip-dot" aria-hidden="true" />
            <span className="code-name">{filtered ? row.path : code.name}</span>
            <span className="count" data-testid="code-count">
              {code.excerpts}
            </span>
          </button>
          <span className="row-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Rename code ${code.name}`}
              title="Rename"
              onClick={() => actions.rename(code)}
            >
              <Icon name="edit" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Merge code ${code.name} into another`}
              title="Merge into…"
              onClick={() => actions.merge(code)}
            >
              <Icon name="codes" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Split code ${code.name}`}
              title="Split…"
              onClick={() => actions.split(code)}
            >
              <Icon name="excerpts" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete code ${code.name}`}
              title="Delete"
              onClick={() => actions.remove(code)}
            >
              <Icon name="trash" />
            </button>
          </span>
        </>
      )}
    </li>
  );
}

function RenameInput({ code, onDone }: { code: Code; onDone(): void }) {
  const [value, setValue] = useState(code.name);
  const save = async () => {
    const next = value.trim();
    if (next && next !== code.name) await useCodes.getState().rename(code.id, next);
    onDone();
  };
  return (
    <input
      // biome-ignore lint/a11y/noAutofocus: rename starts typing at once, as in a file manager
      autoFocus
      className="rename-input"
      aria-label={`New name for ${code.name}`}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
    />
  );
}
