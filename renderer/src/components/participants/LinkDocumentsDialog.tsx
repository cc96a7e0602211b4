/** Choose which documents belong to a participant (a document has at most one participant). */
import { useState } from 'react';
import type { DocumentId, Participant } from '../../../../core/contract/index.js';
import { useDocuments } from '../../stores/documents.js';
import { useParticipants } from '../../stores/participants.js';
import { Dialog } from '../common/Dialog.js';

export function LinkDocumentsDialog({ participant, onClose }: { participant: Participant; onClose(): void }) {
  const docs = useDocuments((s) => s.list);
  const [chosen, setChosen] = useState<Set<DocumentId>>(new Set(participant.documents));
  const toggle = (id: DocumentId) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  return (
    <Dialog label={`Documents of ${participant.label}`} onClose={onClose} className="link-docs-dialog">
      <h2>Documents of {participant.label}</h2>
      <p className="muted">
        Tick the documents this participant speaks in. A document linked to someone else moves to {participant.label}.
      </p>
      <fieldset className="split-list">
        <legend>
          Documents ({chosen.size} of {docs.length})
        </legend>
        {docs.map((d) => (
          <label key={d.id} className="split-item">
            <input type="checkbox" checked={chosen.has(d.id)} onChange={() => toggle(d.id)} />
            <span>
              <span>{d.title}</span>
              {d.participant && d.participant !== participant.label && (
                <span className="muted small">now: {d.participant}</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          onClick={async () => {
            if (await useParticipants.getState().linkDocuments(participant.id, [...chosen])) onClose();
          }}
        >
          Save links
        </button>
      </div>
    </Dialog>
  );
}
