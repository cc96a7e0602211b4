/** Link every document to its participant in one step: a table filled from file names or main speakers. */
import { useLinking } from '../../stores/linking.js';
import { useParticipants } from '../../stores/participants.js';
import { Dialog } from '../common/Dialog.js';

export function BulkLinkDialog() {
  const rows = useLinking((s) => s.rows);
  const pattern = useLinking((s) => s.pattern);
  const people = useParticipants((s) => s.list);
  const { close, fill, setLabel, setPattern, save, changes } = useLinking.getState();
  const pending = changes().length;
  return (
    <Dialog label="Link documents" className="wide" onClose={close}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>Link documents to participants</h2>
        <p className="muted">
          Type a participant for each document (a new name creates the participant), or fill the table from the file
          names or the main speakers, then link them all at once.
        </p>
        <div className="link-fill">
          <label className="import-field">
            <span>Pattern in the file name</span>
            <input type="text" value={pattern} spellCheck={false} onChange={(e) => setPattern(e.target.value)} />
          </label>
          <button type="button" className="button" onClick={() => void fill('fileName')}>
            Fill from file names
          </button>
          <button type="button" className="button" onClick={() => void fill('speaker')}>
            Fill from main speakers
          </button>
        </div>
        <datalist id="participant-labels">
          {people.map((p) => (
            <option key={p.id} value={p.label} />
          ))}
        </datalist>
        <div className="csv-table-wrap">
          <table className="csv-table link-table">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">File</th>
                <th scope="col">Participant</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.documentId} data-document={r.documentId}>
                  <th scope="row">{r.title}</th>
                  <td className="muted">{r.fileName ?? '—'}</td>
                  <td>
                    <input
                      type="text"
                      list="participant-labels"
                      aria-label={`Participant of ${r.title}`}
                      value={r.label}
                      onChange={(e) => setLabel(r.documentId, e.target.value)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={pending === 0}>
            Link {pending} document{pending === 1 ? '' : 's'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
