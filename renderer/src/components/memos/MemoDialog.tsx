/** The quick memo (M): a title and a body about the excerpt or document being read. */
import { useState } from 'react';
import { type MemoDraft, useMemos } from '../../stores/memos.js';
import { Dialog } from '../common/Dialog.js';

export function MemoDialog() {
  const draft = useMemos((s) => s.draft);
  if (!draft) return null;
  return <MemoForm draft={draft} />;
}

function MemoForm({ draft }: { draft: MemoDraft }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState(draft.body);
  const memos = useMemos.getState();
  const save = () => void memos.saveDraft(title, body);
  return (
    <Dialog label="New memo" onClose={() => memos.closeDraft()} className="memo-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter saves from either field.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
      >
        <h2>New memo</h2>
        <p className="muted small">On {draft.label}</p>
        <input
          aria-label="Memo title"
          className="memo-title-input"
          placeholder="Title (optional)"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <textarea
          aria-label="Memo text"
          className="memo-body"
          value={body}
          data-autofocus
          onFocus={(e) => e.currentTarget.setSelectionRange(body.length, body.length)}
          onChange={(e) => setBody(e.target.value)}
          rows={8}
        />
        <div className="dialog-actions">
          <span className="muted small">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves
          </span>
          <button type="button" className="button" onClick={() => memos.closeDraft()}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={body.trim() === ''}>
            Save memo
          </button>
        </div>
      </form>
    </Dialog>
  );
}
