/** The speaker label's context menu: code this turn, or every turn of this speaker. */
import { useEffect, useRef } from 'react';
import type { DocumentDetail } from '../../../../core/contract/index.js';
import { useCoding } from '../../stores/coding.js';

export interface TurnMenuTarget {
  turn: number;
  speaker: string | null;
  top: number;
  left: number;
}

export function TurnMenu({ doc, target, onClose }: { doc: DocumentDetail; target: TurnMenuTarget; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  const run = (scope: { turn: number } | { speaker: string }) => {
    onClose();
    useCoding.getState().codeTurns(doc.id, scope);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    }
  };
  return (
    <div
      ref={ref}
      className="turn-menu"
      role="menu"
      aria-label="Code turns"
      style={{ top: target.top, left: target.left }}
      onKeyDown={onKey}
    >
      <button type="button" role="menuitem" onClick={() => run({ turn: target.turn })}>
        Code this turn…
      </button>
      {target.speaker && (
        <button type="button" role="menuitem" onClick={() => run({ speaker: target.speaker as string })}>
          Code all turns of {target.speaker}…
        </button>
      )}
    </div>
  );
}
