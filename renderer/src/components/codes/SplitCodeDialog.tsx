/** Split a code: tick the excerpts that go to a new code, name it, and codes.split moves them (undoable). */
import { useEffect, useState } from 'react';
import type { Code, Excerpt, ExcerptId } from '../../../../core/contract/index.js';
import { getClient } from '../../client/index.js';
import { exactCode } from '../../lib/codes.js';
import { guard } from '../../stores/activity.js';
import { useCodes } from '../../stores/codes.js';
import { Dialog } from '../common/Dialog.js';

export function SplitCodeDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const codes = useCodes((s) => s.list);
  const [excerpts, setExcerpts] = useState<Excerpt[] | null>(null);
  const [chosen, setChosen] = useState<Set<ExcerptId>>(new Set());
  const [name, setName] = useState('');
  useEffect(() => {
    void guard(() => getClient().call('excerpts.list', { codeId: code.id })).then((list) => setExcerpts(list ?? []));
  }, [code.id]);
  const taken = name.trim() !== '' && exactCode(codes, name) !== undefined;
  const ready = name.trim() !== '' && !taken && chosen.size > 0;
  const toggle = (id: ExcerptId) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  return (
    <Dialog label={`Split code ${code.name}`} onClose={onClose} className="split-dialog">
      <h2>Split “{code.name}”</h2>
      <p className="muted">
        The excerpts you tick move to a new code beside “{code.name}”; the rest stay. You can undo this.
      </p>
      <label className="field">
        New code name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Delivery cost" />
      </label>
      {taken && <p className="error small">There is already a code named “{name.trim()}”.</p>}
      {excerpts === null ? (
        <p className="muted">Loading excerpts…</p>
      ) : excerpts.length === 0 ? (
        <p className="muted">“{code.name}” has no excerpts to split off.</p>
      ) : (
        <fieldset className="split-list">
          <legend>
            Excerpts to move ({chosen.size} of {excerpts.length})
          </legend>
          {excerpts.map((x) => (
            <label key={x.id} className="split-item">
              <input type="checkbox" checked={chosen.has(x.id)} onChange={() => toggle(x.id)} />
              <span>
                <span className="split-text">{x.text}</span>
                <span className="muted small">
                  {x.documentTitle}
                  {x.participant ? ` · ${x.participant}` : ''}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!ready}
          onClick={async () => {
            if (await useCodes.getState().split(code.id, name.trim(), [...chosen])) onClose();
          }}
        >
          {chosen.size > 0 ? `Move ${chosen.size} to the new code` : 'Split'}
        </button>
      </div>
    </Dialog>
  );
}
