import { useEffect, useMemo, useState } from 'react';
import type { Code, CodeId } from '../../../../core/contract/index.js';
import { codeSearch, codeTree, exactCode } from '../../lib/codes.js';
import { useActivity } from '../../stores/activity.js';
import { useBoard } from '../../stores/board.js';
import { QUICK_KEYS, useCodes } from '../../stores/codes.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { Dialog } from '../common/Dialog.js';
import { Icon } from '../common/Icon.js';
import { ExcerptList } from '../excerpts/ExcerptList.js';
import { CodeTree } from './CodeTree.js';
import { SplitCodeDialog } from './SplitCodeDialog.js';

/** The codebook (hierarchy, counts, add/rename/delete) beside the selected code's excerpts. */
export function CodesView() {
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const [query, setQuery] = useState('');
  const search = useMemo(() => codeSearch(rows), [rows]);
  const shown = useMemo(() => search(query), [search, query]);
  const selected = useExcerpts((s) => s.codeFilter);
  const excerpts = useExcerpts((s) => s.list);
  const [renaming, setRenaming] = useState<CodeId | null>(null);
  const [deleting, setDeleting] = useState<Code | null>(null);
  const [merging, setMerging] = useState<Code | null>(null);
  const [splitting, setSplitting] = useState<Code | null>(null);
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
        <CodeTree
          rows={shown}
          filtered={query.trim() !== ''}
          renaming={renaming}
          onRenameDone={() => setRenaming(null)}
          actions={{
            rename: (code) => setRenaming(code.id),
            merge: setMerging,
            split: setSplitting,
            remove: setDeleting,
          }}
        />
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
        {selectedCode && <QuickKeyField code={selectedCode} />}
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
      {splitting && <SplitCodeDialog code={splitting} onClose={() => setSplitting(null)} />}
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
            if (await useCodes.getState().remove(code.id)) onClose();
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
            // Showing the merged code's excerpts: show where they went.
            const showing = useExcerpts.getState().codeFilter === code.id;
            if (await useCodes.getState().merge(code.id, targetCode.id)) {
              if (showing) await useExcerpts.getState().setFilter(targetCode.id);
              useActivity.getState().toast('success', `Merged “${code.name}” into “${targetCode.name}”.`);
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

/** Which number key (1–9) applies this code to a selection; the researcher's to change. */
function QuickKeyField({ code }: { code: Code }) {
  const list = useCodes((s) => s.list);
  const quick = useCodes((s) => s.quick);
  const current = quick.indexOf(code.id) + 1;
  const holder = (key: number) => {
    const id = quick[key - 1];
    return id === code.id ? undefined : list.find((c) => c.id === id)?.name;
  };
  return (
    <label className="quick-key-field pad small">
      Quick key
      <select
        aria-label={`Quick key for ${code.name}`}
        value={current > 0 ? String(current) : ''}
        onChange={(e) => {
          const key = Number(e.target.value);
          if (key > 0) useCodes.getState().setQuickKey(key, code.id);
          else if (current > 0) useCodes.getState().setQuickKey(current, null);
        }}
      >
        <option value="">None</option>
        {Array.from({ length: QUICK_KEYS }, (_, i) => i + 1).map((key) => (
          <option key={key} value={key}>
            {key}
            {holder(key) ? ` (now ${holder(key)})` : ''}
          </option>
        ))}
      </select>
    </label>
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
