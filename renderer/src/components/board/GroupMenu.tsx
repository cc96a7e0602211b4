/** A group's menu: rename, tidy, collapse, code binding, insight, delete. */
import { useEffect, useRef } from 'react';
import type { WallGroup } from '../../lib/wallLayout.js';
import { useBoard } from '../../stores/board.js';
import { useWall } from '../../stores/wall.js';

export function GroupMenu({ group, onClose }: { group: WallGroup; onClose(): void }) {
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
  const item = (label: string, run: () => void) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      onClick={() => {
        onClose();
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
      {item('Rename', () => useWall.getState().setRenaming(group.id))}
      {item('Tidy', () => void store.tidyGroup(group.id))}
      {item(group.collapsed ? 'Expand' : 'Collapse', () => void store.collapseGroup(group.id, !group.collapsed))}
      {item('Delete group', () => void store.deleteGroup(group.id))}
    </div>
  );
}
