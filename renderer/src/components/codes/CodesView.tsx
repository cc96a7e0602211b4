import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import type { Code, CodeId } from '../../../../core/contract/index.js';
import { codeTree, exactCode, searchCodes } from '../../lib/codes.js';
import { useActivity } from '../../stores/activity.js';
import { useBoard } from '../../stores/board.js';
import { useCodes } from '../../stores/codes.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { Dialog } from '../common/Dialog.js';
import { Icon } from '../common/Icon.js';
import { ExcerptList } from '../excerpts/ExcerptList.js';

/** The codebook (hierarchy, counts, add/rename/delete) beside the selected code's excerpts. */
export function CodesView() {
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => searchCodes(rows, query), [rows, query]);
  const selected = useExcerpts((s) => s.codeFilter);
  const excerpts = useExcerpts((s) => s.list);
  const [renaming, setRenaming] = useState<CodeId | null>(null);
  const [deleting, setDeleting] = useState<Code | null>(null);
  const [merging, setMerging] = useState<Code | null>(null);
  const selectedCode = codes.find((c) => c.id === selected) ?? null;

  useEffect(() => {
    if (!useBoard.getState().loaded) void useBoard.getState().load();
  }, []);

  return (
    <div className="view split">
      <section className="codebook" aria-labelledby="codebook-title">
        <header className="view-head">
          <h1 id="codebook-title">Codebook</h1>
          <span className="muted small">
            {codes.length} code{codes.length === 1 ? '' : 's'}
          </span>
        </header>
        <AddCodeForm />
        {codes.length > 0 && (
          <div className="filter">
            <Icon name="search" />
            <input
              type="search"
              aria-label="Filter codes"
              placeholder="Filter codes"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        )}
        {codes.length === 0 && (
          <p className="muted small pad">
            No codes yet. Add one here, or select text in a transcript and press <kbd>C</kbd>.
          </p>
        )}
        <ul className="code-tree" aria-label="Codes">
          {codes.length > 0 && (
            <li className="code-row">
              <button
                type="button"
                className="code-select"
                aria-current={selected === null ? 'true' : undefined}
                onClick={() => void useExcerpts.getState().setFilter(null)}
              >
                <span className="code-name muted">All excerpts</span>
              </button>
            </li>
          )}
          {shown.map((row) => (
            <li
              key={row.code.id}
              className="code-row"
              style={{ '--depth': query ? 0 : row.depth, '--code': row.code.color } as CSSProperties}
            >
              {renaming === row.code.id ? (
                <RenameInput code={row.code} onDone={() => setRenaming(null)} />
              ) : (
                <>
                  <button
                    type="button"
                    className="code-select"
                    aria-current={selected === row.code.id ? 'true' : undefined}
                    aria-label={`${row.path}, ${row.code.excerpts} excerpt${row.code.excerpts === 1 ? '' : 's'}`}
                    onClick={() => void useExcerpts.getState().setFilter(row.code.id)}
                    onDoubleClick={() => setRenaming(row.code.id)}
                  >
                    <span className="chip-dot" aria-hidden="true" />
                    <span className="code-name">{query ? row.path : row.code.name}</span>
                    <span className="count" data-testid="code-count">
                      {row.code.excerpts}
                    </span>
                  </button>
                  <span className="row-actions">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Rename code ${row.code.name}`}
                      title="Rename"
                      onClick={() => setRenaming(row.code.id)}
                    >
                      <Icon name="edit" />
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Merge code ${row.code.name} into another`}
                      title="Merge into…"
                      onClick={() => setMerging(row.code)}
                    >
                      <Icon name="codes" />
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Delete code ${row.code.name}`}
                      title="Delete"
                      onClick={() => setDeleting(row.code)}
                    >
                      <Icon name="trash" />
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="code-excerpts" aria-labelledby="code-excerpts-title">
        <header className="view-head">
          <h2 id="code-excerpts-title">{selectedCode ? selectedCode.name : 'All excerpts'}</h2>
          <span className="muted small">
            {excerpts.length} excerpt{excerpts.length === 1 ? '' : 's'}
          </span>
        </header>
        {selectedCode && (
          <p className="muted small pad" data-testid="code-counts">
            {selectedCode.excerpts} excerpt{selectedCode.excerpts === 1 ? '' : 's'} · {selectedCode.documents} document
            {selectedCode.documents === 1 ? '' : 's'} · {selectedCode.participants} participant
            {selectedCode.participants === 1 ? '' : 's'}
          </p>
        )}
        {selectedCode && <CodeDefinition key={selectedCode.id} code={selectedCode} />}
        <div className="view-body">
          {excerpts.length === 0 ? (
            <p className="muted pad">Nothing coded {selectedCode ? 'with this code ' : ''}yet.</p>
          ) : (
            <ExcerptList excerpts={excerpts} label={`Excerpts: ${selectedCode?.name ?? 'all codes'}`} />
          )}
        </div>
      </section>
      {deleting && <DeleteCodeDialog code={deleting} onClose={() => setDeleting(null)} />}
      {merging && <MergeCodeDialog code={merging} onClose={() => setMerging(null)} />}
    </div>
  );
}

function AddCodeForm() {
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  return (
    <form
      className="add-code"
      onSubmit={async (e) => {
        e.preventDefault();
        const n = name.trim();
        if (!n) return;
        if (exactCode(codes, n)) {
          useActivity.getState().toast('info', `There is already a code named “${n}”.`);
          return;
        }
        const code = await useCodes.getState().add(n, parent ? (Number(parent) as CodeId) : null);
        if (code) setName('');
      }}
    >
      <input aria-label="New code name" placeholder="New code" value={name} onChange={(e) => setName(e.target.value)} />
      {codes.length > 0 && (
        <select aria-label="Parent code" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">Top level</option>
          {rows.map((r) => (
            <option key={r.code.id} value={r.code.id}>
              Inside {r.path}
            </option>
          ))}
        </select>
      )}
      <button type="submit" className="button" disabled={!name.trim()}>
        <Icon name="plus" />
        Add code
      </button>
    </form>
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

function DeleteCodeDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const children = useCodes((s) => s.list.filter((c) => c.parentId === code.id).length);
  const n = code.excerpts;
  return (
    <Dialog label={`Delete code ${code.name}`} onClose={onClose}>
      <h2>
        Delete code “{code.name}” and its {n} coding{n === 1 ? '' : 's'}?
      </h2>
      <p className="muted">
        The excerpts stay in their documents{n > 0 ? ', but lose this code' : ''}.
        {children > 0 ? ` Its ${children} sub-code${children === 1 ? '' : 's'} are affected too.` : ''}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger-solid"
          onClick={async () => {
            if (await useCodes.getState().remove(code.id)) {
              if (useExcerpts.getState().codeFilter === code.id) await useExcerpts.getState().setFilter(null);
              onClose();
            }
          }}
        >
          Delete code
        </button>
      </div>
    </Dialog>
  );
}

function MergeCodeDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes).filter((r) => r.code.id !== code.id), [codes, code.id]);
  const [target, setTarget] = useState<string>('');
  const targetCode = codes.find((c) => c.id === Number(target));
  const n = code.excerpts;
  return (
    <Dialog label={`Merge code ${code.name}`} onClose={onClose}>
      <h2>Merge “{code.name}” into…</h2>
      <p className="muted">
        Its {n} excerpt{n === 1 ? '' : 's'} move to the code you choose, with their coders; its sub-codes move too, and
        “{code.name}” is removed. You can undo this.
      </p>
      <select aria-label="Merge into code" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Choose the code to keep…</option>
        {rows.map((r) => (
          <option key={r.code.id} value={r.code.id}>
            {r.path}
          </option>
        ))}
      </select>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!targetCode}
          onClick={async () => {
            if (!targetCode) return;
            if (await useCodes.getState().merge(code.id, targetCode.id)) {
              if (useExcerpts.getState().codeFilter === code.id) await useExcerpts.getState().setFilter(targetCode.id);
              onClose();
            }
          }}
        >
          {targetCode ? `Merge into “${targetCode.name}”` : 'Merge'}
        </button>
      </div>
    </Dialog>
  );
}

/** The code's definition: description, when to use it, when not, and an example. */
function CodeDefinition({ code }: { code: Code }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({
    description: code.description,
    inclusion: code.inclusion,
    exclusion: code.exclusion,
    example: code.example,
  });
  const fields: [keyof typeof draft, string][] = [
    ['description', 'Description'],
    ['inclusion', 'Use when (inclusion)'],
    ['exclusion', 'Do not use when (exclusion)'],
    ['example', 'Example'],
  ];
  const dirty = fields.some(([k]) => draft[k] !== code[k]);
  return (
    <details
      className="code-definition pad"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{code.description ? code.description : 'Definition'}</summary>
      {fields.map(([key, label]) => (
        <label key={key} className="field">
          {label}
          <textarea rows={2} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        </label>
      ))}
      <input
        type="color"
        aria-label={`Colour of ${code.name}`}
        value={code.color.toLowerCase()}
        onChange={(e) => void useCodes.getState().update(code.id, { color: e.target.value })}
      />
      <button
        type="button"
        className="button primary"
        disabled={!dirty}
        onClick={() => void useCodes.getState().update(code.id, draft)}
      >
        Save definition
      </button>
    </details>
  );
}
