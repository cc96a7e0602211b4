import { useImporter } from '../../stores/importer.js';

/**
 * Bottom-left, non-modal: a determinate progress bar with Cancel while files import, then
 * the files that were already in the project with the choice to import them anyway.
 */
export function ImportPanel() {
  const running = useImporter((s) => s.running);
  const done = useImporter((s) => s.done);
  const total = useImporter((s) => s.total);
  const current = useImporter((s) => s.current);
  const cancelling = useImporter((s) => s.cancelRequested);
  const duplicates = useImporter((s) => s.duplicates);
  if (running && total > 0) {
    return (
      <section className="import-panel" aria-label="Import progress">
        <div className="import-panel-head">
          <span>
            {cancelling ? 'Cancelling after this file…' : `Importing ${Math.min(done + 1, total)} of ${total}`}
          </span>
          <button
            type="button"
            className="button small"
            onClick={() => useImporter.getState().cancel()}
            disabled={cancelling}
          >
            Cancel
          </button>
        </div>
        <progress
          className="import-progress"
          aria-label="Files imported"
          max={total}
          value={done}
          aria-valuetext={`${done} of ${total} files`}
        />
        {current && (
          <div className="import-current muted" title={current}>
            {current}
          </div>
        )}
      </section>
    );
  }
  if (duplicates.length === 0) return null;
  const n = duplicates.length;
  return (
    <section className="import-panel" aria-label="Already imported">
      <div className="import-panel-head">
        <strong>
          {n === 1 ? '1 file was' : `${n} files were`} already in the project and {n === 1 ? 'was' : 'were'} skipped
        </strong>
      </div>
      <ul className="import-duplicates">
        {duplicates.map(({ duplicate }) => (
          <li key={duplicate.file}>
            {duplicate.file} <span className="muted">— the same file as {duplicate.duplicateOf}</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => useImporter.getState().dismissDuplicates()}>
          Keep skipped
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => void useImporter.getState().importDuplicatesAnyway()}
        >
          Import anyway
        </button>
      </div>
    </section>
  );
}
