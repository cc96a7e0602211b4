/** A group's menu: rename, tidy, collapse, code binding, insight, delete. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeId } from '../../../../core/contract/index.js';
import { fuzzyFilter } from '../../lib/fuzzy.js';
import type { WallGroup } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { useCodes } from '../../stores/codes.js';
import { useInsights } from '../../stores/insights.js';
import { useWall } from '../../stores/wall.js';

export function GroupMenu({
  group,
  at,
  onClose,
}: {
  group: WallGroup;
  at: { top: number; left: number };
  onClose(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as globalThis.Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  const store = useBoard.getState();
  const [binding, setBinding] = useState(false);
  const item = (label: string, run: () => void, keepOpen = false) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      onClick={() => {
        if (!keepOpen) onClose();
        run();
      }}
    >
      {label}
    </button>
  );
  return (
    <div
      ref={ref}
      className="group-menu nodrag nowheel"
      style={{ top: at.top, left: at.left }}
      role="menu"
      aria-label={`Group ${group.name}`}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onClose();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLElement);
          items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
        }
      }}
    >
      {binding ? (
        <CodeChooser
          onPick={(codeId) => {
            onClose();
            void store.bindGroup(group.id, codeId);
          }}
        />
      ) : (
        <>
          {item('Bind to a code…', () => setBinding(true), true)}
          {!group.code && item('Create code from group', () => void store.bindGroup(group.id, 'new'))}
          {group.code && item(`Unbind from ${group.code.name}`, () => void store.bindGroup(group.id, null))}
          {item(
            'Make insight',
            () => void useInsights.getState().create({ title: group.name, statement: group.name, fromGroup: group.id }),
          )}
        </>
      )}
      {item('Vote for this group', () => void store.vote('group', [group.id]))}
      {item('Rename', () => useWall.getState().setRenaming(group.id))}
      {item('Tidy', () => void store.tidyGroup(group.id))}
      {item(group.collapsed ? 'Expand' : 'Collapse', () => void store.collapseGroup(group.id, !group.collapsed))}
      {item('Delete group', () => void store.deleteGroup(group.id))}
    </div>
  );
}

/** The codebook, filtered as you type; Enter binds the first match. */
function CodeChooser({ onPick }: { onPick(codeId: CodeId): void }) {
  const codes = useCodes((s) => s.list);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => fuzzyFilter(codes, query, ['name']).slice(0, 8), [codes, query]);
  return (
    <div className="code-chooser">
      <input
        // biome-ignore lint/a11y/noAutofocus: the chooser opens to be typed in
        autoFocus
        type="search"
        className="input"
        aria-label="Find a code"
        placeholder="Find a code"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            onPick(shown[0].id);
          }
        }}
      />
      {shown.map((c) => (
        <button key={c.id} type="button" role="menuitem" className="menu-item" onClick={() => onPick(c.id)}>
          <span className="chip-dot" style={{ background: c.color }} aria-hidden="true" /> {c.name}
        </button>
      ))}
      {shown.length === 0 && <p className="muted small">No code matches.</p>}
    </div>
  );
}
