import { useState } from 'react';
import { useImporter } from '../../stores/importer.js';
import { Dialog } from '../common/Dialog.js';

/** Pasted text becomes a new document, read like a .txt file (speaker lines become turns). */
export function PasteDialog() {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const close = () => useImporter.getState().setPasteOpen(false);
  return (
    <Dialog label="Paste text" className="wide" onClose={close}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          close();
          void useImporter.getState().paste(title, text);
        }}
      >
        <h2>Paste text as a new document</h2>
        <label htmlFor="paste-title">Title</label>
        <input id="paste-title" value={title} placeholder="Pasted text" onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor="paste-text">Text</label>
        <textarea
          id="paste-text"
          className="paste-text"
          value={text}
          rows={12}
          placeholder={'Anna: How did you pay?\nBen: By phone.'}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={text.trim() === ''}>
            Import
          </button>
        </div>
      </form>
    </Dialog>
  );
}
