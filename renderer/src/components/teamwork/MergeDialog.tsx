import { useId } from 'react';
import { useTeamwork } from '../../stores/teamwork.js';
import { Dialog } from '../common/Dialog.js';

/** Merge a teammate's project: choose the file, read what a dry run would do, then merge. */
export function MergeDialog() {
  const id = useId();
  const preview = useTeamwork((s) => s.preview);
  const busy = useTeamwork((s) => s.busy);
  const close = () => useTeamwork.getState().close();
  const rows: [string, string][] = preview
    ? [
        ['Documents', `${preview.documents.matched} already here · ${preview.documents.added} new`],
        ['Codes', `${preview.codes.matched} already here · ${preview.codes.added} new`],
        ['Participants', `${preview.participants.matched} already here · ${preview.participants.added} new`],
        ['Excerpts', `${preview.excerpts.matched} already here · ${preview.excerpts.added} new`],
        ['Codings', `${preview.codings.added} new`],
        ['Memos', `${preview.memos.added} new`],
      ]
    : [];
  return (
    <Dialog label="Merge a teammate's project" onClose={close} className="wide">
      <div className="form">
        <h2>Merge a teammate's project</h2>
        <p className="muted">
          Brings their documents, codes, codings and memos into this project. Documents with the same text are matched,
          codes by identity then name; each coder's codings stay theirs, so you can compare coders afterwards. Nothing
          is written until you press Merge.
        </p>
        <label htmlFor={`${id}-file`}>Their project (.quarry, .qdpx or .qdc)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".quarry,.qdpx,.qdc"
          data-autofocus
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void useTeamwork.getState().chooseMergeFile(file);
          }}
        />
        {busy && !preview && <p aria-live="polite">Reading the file…</p>}
        {preview && (
          <section data-merge-preview aria-label="What merging will do">
            <h3>Merging {preview.file} will bring</h3>
            <table className="csv-table team-table">
              <tbody>
                {rows.map(([what, counts]) => (
                  <tr key={what}>
                    <th scope="row">{what}</th>
                    <td>{counts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.conflicts.length > 0 && (
              <>
                <h3>Kept as this project has them ({preview.conflicts.length})</h3>
                <ul className="conflicts" data-merge-conflicts>
                  {preview.conflicts.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </>
            )}
            {preview.warnings.length > 0 && (
              <ul className="muted">
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </section>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!preview || busy}
            onClick={() => void useTeamwork.getState().merge()}
          >
            {busy && preview ? 'Merging…' : 'Merge'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
