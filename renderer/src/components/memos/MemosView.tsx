/** Memos: every memo in the project (project, documents, codes, excerpts, participants) with an editor. */
import { useEffect, useMemo, useState } from 'react';
import type { Memo } from '../../../../core/contract/index.js';
import { fuzzyFilter } from '../../lib/fuzzy.js';
import { head } from '../../lib/graphemes.js';
import { useMemos } from '../../stores/memos.js';
import { Icon } from '../common/Icon.js';

export function MemosView() {
  const list = useMemos((s) => s.list);
  const selectedId = useMemos((s) => s.selectedId);
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => (query.trim() ? fuzzyFilter(list, query, ['title', 'targetLabel', 'body']) : list),
    [list, query],
  );
  const selected = list.find((m) => m.id === selectedId) ?? null;

  useEffect(() => {
    void useMemos.getState().reload();
  }, []);

  return (
    <div className="view split">
      <section className="memo-list-pane" aria-labelledby="memos-title">
        <header className="view-head">
          <h1 id="memos-title">Memos</h1>
          <button
            type="button"
            className="button"
            onClick={() => void useMemos.getState().add('project', null, '', 'New memo')}
          >
            <Icon name="plus" />
            Project memo
          </button>
        </header>
        <div className="filter">
          <Icon name="search" />
          <input
            type="search"
            aria-label="Filter memos"
            placeholder="Filter memos"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {list.length === 0 ? (
          <p className="muted small pad">
            No memos yet. Write one about the project here, or on a code, an excerpt or a document from its panel.
          </p>
        ) : (
          <ul className="memo-list" aria-label="Memos">
            {shown.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="memo-row"
                  aria-current={m.id === selectedId ? 'true' : undefined}
                  onClick={() => useMemos.getState().select(m.id)}
                >
                  <span className="memo-title">{m.title || head(m.body.split('\n')[0] ?? '', 60) || 'Untitled'}</span>
                  <span className="muted small">{m.targetLabel}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="memo-editor-pane" aria-label="Memo">
        {selected ? <MemoEditor key={selected.id} memo={selected} /> : <p className="muted pad">Choose a memo.</p>}
      </section>
    </div>
  );
}

function MemoEditor({ memo }: { memo: Memo }) {
  const [title, setTitle] = useState(memo.title);
  const [body, setBody] = useState(memo.body);
  const dirty = title !== memo.title || body !== memo.body;
  const save = () => {
    if (dirty) void useMemos.getState().update(memo.id, { title, body });
  };
  return (
    <div className="memo-editor">
      <p className="muted small">
        {memo.targetLabel} · {memo.author ?? 'unknown'} · {new Date(memo.updatedAt).toLocaleString()}
      </p>
      <input
        aria-label="Memo title"
        className="memo-title-input"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={save}
      />
      <textarea
        aria-label="Memo text"
        className="memo-body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onBlur={save}
        rows={14}
      />
      <div className="dialog-actions">
        <button type="button" className="button danger" onClick={() => void useMemos.getState().remove(memo.id)}>
          <Icon name="trash" />
          Delete memo
        </button>
        <button type="button" className="button primary" disabled={!dirty} onClick={save}>
          Save
        </button>
      </div>
    </div>
  );
}
