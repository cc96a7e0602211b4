/** "Lay out from codes": pick codes, and a new board gets a group per code (bound to it) holding its excerpts. */
import { useState } from 'react';
import type { CodeId } from '../../../../core/contract/index.js';
import { useBoard } from '../../stores/board.js';
import { useCodes } from '../../stores/codes.js';
import { CodeChip } from '../common/CodeChip.js';
import { Dialog } from '../common/Dialog.js';

export function FromCodesDialog({ onClose }: { onClose(): void }) {
  const codes = useCodes((s) => s.list);
  const [name, setName] = useState('Board from codes');
  const [picked, setPicked] = useState<ReadonlySet<CodeId>>(new Set());
  const [busy, setBusy] = useState(false);
  return (
    <Dialog label="Lay out from codes" onClose={onClose}>
      <h2>Lay out from codes</h2>
      <p className="muted small">A new board with a group per code, bound to it, holding the code's excerpts.</p>
      <label className="field">
        Board name <input className="input" data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <ul className="codes-pick" aria-label="Codes">
        {codes.map((c) => (
          <li key={c.id}>
            <label>
              <input
                type="checkbox"
                checked={picked.has(c.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(c.id);
                  else next.delete(c.id);
                  setPicked(next);
                }}
              />
              <CodeChip code={c} />
            </label>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={picked.size === 0 || !name.trim() || busy}
          onClick={async () => {
            setBusy(true);
            const id = await useBoard.getState().fromCodes(name.trim(), [...picked]);
            setBusy(false);
            if (id !== undefined) onClose();
          }}
        >
          Lay out {picked.size} code{picked.size === 1 ? '' : 's'}
        </button>
      </div>
    </Dialog>
  );
}
