/** Find in the document: a small bar over the reader; Enter / Shift+Enter move, Esc closes. */
import { useEffect, useRef } from 'react';
import { useFind } from '../../stores/find.js';

export function FindBar() {
  const query = useFind((s) => s.query);
  const count = useFind((s) => s.matches.length);
  const current = useFind((s) => s.current);
  const shown = useFind((s) => s.shown);
  const input = useRef<HTMLInputElement>(null);
  // On opening, and on Ctrl/Cmd+F while open: focus the field with its query selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every show()
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [shown]);
  const find = useFind.getState();
  const status = query.trim() === '' ? '' : count === 0 ? 'No matches' : `${current + 1} of ${count}`;
  return (
    <search className="find-bar" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        className="find-input"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            find.close();
          }
        }}
      />
      <output className="find-count muted small" aria-live="polite">
        {status}
      </output>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        disabled={count === 0}
        onClick={() => find.step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        disabled={count === 0}
        onClick={() => find.step(1)}
      >
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={() => find.close()}>
        ×
      </button>
    </search>
  );
}
