/**
 * Ctrl/Cmd+K: a fuzzy list of actions, codes, documents and participants. A combobox
 * (the input) controls a listbox; ↑/↓ move, Enter runs, Esc closes.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { type PaletteKind, usePalette } from '../../stores/palette.js';
import { Dialog } from '../common/Dialog.js';

const KIND: Record<PaletteKind, string> = {
  action: 'Action',
  code: 'Code',
  document: 'Document',
  participant: 'Participant',
};

export function CommandPalette() {
  const open = usePalette((s) => s.open);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const id = useId();
  const query = usePalette((s) => s.query);
  const palette = usePalette.getState();
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed per keystroke; the lists it reads are read then
  const items = useMemo(() => usePalette.getState().items(), [query]);
  const [active, setActive] = useState(0);
  useEffect(() => {
    document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);
  const current = items[active];
  return (
    <Dialog label="Command palette" onClose={() => palette.close()} className="picker palette">
      <input
        className="picker-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={current ? `${id}-opt-${active}` : undefined}
        aria-autocomplete="list"
        aria-label="Search actions, codes, documents and participants"
        placeholder="Type a command, code, document or participant"
        value={query}
        autoFocus
        onChange={(e) => {
          palette.setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const n = items.length;
            if (n) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
          } else if (e.key === 'Enter' && current) {
            e.preventDefault();
            palette.choose(current);
          }
        }}
      />
      <div className="picker-list" role="listbox" id={`${id}-list`} aria-label="Results">
        {items.map((item, i) => (
          <div
            key={item.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            tabIndex={-1}
            className={`picker-option ${i === active ? 'active' : ''}`}
            onMouseMove={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => palette.choose(item)}
            onKeyDown={() => undefined}
          >
            <span className={`palette-kind kind-${item.kind}`}>{KIND[item.kind]}</span>
            <span className="picker-name">{item.label}</span>
            {item.detail && <span className="palette-detail muted small">{item.detail}</span>}
          </div>
        ))}
        {items.length === 0 && <div className="picker-empty">Nothing matches “{query}”.</div>}
      </div>
      <p className="picker-hint muted small">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}
