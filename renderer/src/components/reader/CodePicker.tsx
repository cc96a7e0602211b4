/**
 * The quick picker: a fuzzy list of codes (with their paths) for the text being coded.
 * ↑/↓ move, Enter applies; when nothing matches exactly, a "Create" option makes the code
 * and applies it. Esc closes.
 */
import { type CSSProperties, useEffect, useId, useMemo, useState } from 'react';
import type { CodeId } from '../../../../core/contract/index.js';
import { codeTree, exactCode, searchCodes } from '../../lib/codes.js';
import { useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { Dialog } from '../common/Dialog.js';

type Option =
  | { kind: 'code'; id: CodeId; name: string; path: string; color: string; count: number }
  | { kind: 'create'; name: string };

export function CodePicker() {
  const open = useCoding((s) => s.pickerOpen);
  if (!open) return null;
  return <PickerDialog />;
}

function PickerDialog() {
  const id = useId();
  const target = useCoding((s) => s.pickerTarget);
  const busy = useCoding((s) => s.busy);
  const codes = useCodes((s) => s.list);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const rows = useMemo(() => codeTree(codes), [codes]);

  const options: Option[] = useMemo(() => {
    const found: Option[] = searchCodes(rows, query).map((r) => ({
      kind: 'code',
      id: r.code.id,
      name: r.code.name,
      path: r.path,
      color: r.code.color,
      count: r.code.excerpts,
    }));
    const name = query.trim();
    if (name && !exactCode(codes, name)) found.push({ kind: 'create', name });
    return found;
  }, [rows, codes, query]);

  useEffect(() => {
    setActive((a) => Math.min(a, Math.max(0, options.length - 1)));
  }, [options.length]);

  useEffect(() => {
    document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const close = () => useCoding.getState().closePicker();

  async function choose(option: Option | undefined) {
    if (!option || busy) return;
    const coding = useCoding.getState();
    if (option.kind === 'create') await coding.createAndApply(option.name);
    else await coding.apply([option.id]);
  }

  const quote = target?.text ?? '';
  return (
    <Dialog label="Apply a code" onClose={close} className="picker">
      <p className="picker-quote" title={quote}>
        “{quote.length > 160 ? `${quote.slice(0, 160)}…` : quote}”
      </p>
      <input
        autoFocus
        className="picker-input"
        role="combobox"
        aria-label="Code name"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={options.length ? `${id}-opt-${active}` : undefined}
        aria-autocomplete="list"
        placeholder={codes.length ? 'Type to find a code, or a new name' : 'Name a new code'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => (options.length ? (a + 1) % options.length : 0));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (options.length ? (a - 1 + options.length) % options.length : 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void choose(options[active]);
          }
        }}
      />
      <div id={`${id}-list`} className="picker-list" role="listbox" aria-label="Codes">
        {options.map((o, i) => (
          // Options are chosen from the combobox input by keyboard (aria-activedescendant); clicks are a shortcut.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handling lives on the combobox input
          <div
            key={o.kind === 'create' ? 'create' : o.id}
            tabIndex={-1}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`picker-option ${i === active ? 'active' : ''}`}
            onMouseMove={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void choose(o)}
          >
            {o.kind === 'create' ? (
              <span className="picker-create">
                Create code <strong>“{o.name}”</strong>
              </span>
            ) : (
              <>
                <span className="chip-dot" style={{ '--code': o.color } as CSSProperties} aria-hidden="true" />
                <span className="picker-name">{o.path}</span>
                <span className="count">{o.count}</span>
              </>
            )}
          </div>
        ))}
        {options.length === 0 && <div className="picker-empty">Type a name to create your first code.</div>}
      </div>
      <p className="picker-hint muted small">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> apply · <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}
