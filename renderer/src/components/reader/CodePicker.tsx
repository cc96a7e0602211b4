/**
 * The quick picker for the text being coded. Enter applies exactly what was typed: the code
 * of that name (any case) or a new code by that name. Fuzzy suggestions (with their paths)
 * are picked only with ↑/↓, then Enter. Shift+Enter gathers several. Esc closes. Codes on a
 * quick key show its number.
 */
import { type CSSProperties, useEffect, useId, useMemo, useState } from 'react';
import type { CodeId } from '../../../../core/contract/index.js';
import { codeSearch, codeTree, type PickerOption, pickerOptions } from '../../lib/codes.js';
import { clip } from '../../lib/graphemes.js';
import { useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { Dialog } from '../common/Dialog.js';

type Option =
  | { kind: 'code'; id: CodeId; name: string; path: string; color: string; count: number; typed: boolean }
  | { kind: 'create'; name: string; typed: true };

function toOption(o: PickerOption): Option {
  if (o.kind === 'create') return o;
  const { code, path } = o.row;
  return { kind: 'code', id: code.id, name: code.name, path, color: code.color, count: code.excerpts, typed: o.typed };
}

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
  const quick = useCodes((s) => s.quick);
  const [query, setQuery] = useState('');
  /** The highlighted option; -1 is none (nothing typed and no arrow pressed yet). */
  const [active, setActive] = useState(-1);
  /** Codes gathered with Shift+Enter, applied together with Enter. */
  const [chosen, setChosen] = useState<Option[]>([]);
  const rows = useMemo(() => codeTree(codes), [codes]);
  // The fuzzy index is built when the codebook changes, not on every keystroke.
  const search = useMemo(() => codeSearch(rows), [rows]);
  const options: Option[] = useMemo(() => pickerOptions(rows, search, query).map(toOption), [rows, search, query]);

  useEffect(() => {
    setActive((a) => Math.min(a, options.length - 1));
  }, [options.length]);

  useEffect(() => {
    document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const close = () => useCoding.getState().closePicker();

  const key = (o: Option) => (o.kind === 'create' ? `new:${o.name.toLocaleLowerCase()}` : `code:${o.id}`);

  async function choose(options: Option[]) {
    const unique = [...new Map(options.map((o) => [key(o), o])).values()];
    if (unique.length === 0 || busy) return;
    const ids = unique.flatMap((o) => (o.kind === 'code' ? [o.id] : []));
    const names = unique.flatMap((o) => (o.kind === 'create' ? [o.name] : []));
    await useCoding.getState().applyMany(ids, names);
  }

  function gather(option: Option | undefined) {
    if (!option) return;
    setChosen((c) => (c.some((o) => key(o) === key(option)) ? c : [...c, option]));
    setQuery('');
    setActive(-1);
  }

  const quote = target?.text ?? '';
  return (
    <Dialog label="Apply a code" onClose={close} className="picker">
      <p className="picker-quote" title={quote}>
        “{clip(quote, 160)}”
      </p>
      {chosen.length > 0 && (
        <fieldset className="picker-chosen" aria-label="Codes to apply">
          {chosen.map((o) => (
            <span
              key={key(o)}
              className="chip"
              style={{ '--code': o.kind === 'code' ? o.color : 'var(--accent)' } as CSSProperties}
            >
              <span className="chip-dot" aria-hidden="true" />
              <span className="chip-name">{o.kind === 'code' ? o.name : `${o.name} (new)`}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Do not apply ${o.name}`}
                onClick={() => setChosen((c) => c.filter((x) => key(x) !== key(o)))}
              >
                ×
              </button>
            </span>
          ))}
        </fieldset>
      )}
      <input
        autoFocus
        className="picker-input"
        role="combobox"
        aria-label="Code name"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-autocomplete="list"
        placeholder={codes.length ? 'Type to find a code, or a new name' : 'Name a new code'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          // What was typed is highlighted (and is what Enter applies); nothing, when empty.
          setActive(e.target.value.trim() === '' ? -1 : 0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => (options.length ? (a + 1) % options.length : -1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (options.length ? (Math.max(a, 0) - 1 + options.length) % options.length : -1));
          } else if (e.key === 'Enter' && e.shiftKey) {
            e.preventDefault();
            gather(options[active]);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            // The highlighted option is the typed text unless an arrow moved to a suggestion;
            // with nothing typed or highlighted, Enter applies just the gathered codes.
            const current = options[active];
            void choose(current ? [...chosen, current] : chosen);
          } else if (e.key === 'Backspace' && query === '' && chosen.length > 0) {
            setChosen((c) => c.slice(0, -1));
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
            onClick={(e) => (e.shiftKey ? gather(o) : void choose([...chosen, o]))}
          >
            {o.kind === 'create' ? (
              <span className="picker-create">
                Create code <strong>“{o.name}”</strong>
              </span>
            ) : (
              <>
                <span className="chip-dot" style={{ '--code': o.color } as CSSProperties} aria-hidden="true" />
                <span className="picker-name">{o.path}</span>
                {quick.includes(o.id) && (
                  <kbd className="picker-key" title={`Quick key ${quick.indexOf(o.id) + 1}`}>
                    {quick.indexOf(o.id) + 1}
                  </kbd>
                )}
                <span className="count">{o.count}</span>
              </>
            )}
          </div>
        ))}
        {options.length === 0 && <div className="picker-empty">Type a name to create your first code.</div>}
      </div>
      <p className="picker-hint muted small">
        <kbd>Enter</kbd> applies what you typed · <kbd>↑</kbd> <kbd>↓</kbd> pick a suggestion · <kbd>Shift</kbd>+
        <kbd>Enter</kbd> add another · <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}
