import { labelFromFileName, participantPattern } from '../../../../core/contract/fileLabel.js';
import { choicesProblem, type ParticipantMode, useImporter } from '../../stores/importer.js';
import { Dialog } from '../common/Dialog.js';

const MODES: { mode: ParticipantMode; label: string; hint: string }[] = [
  { mode: 'pattern', label: 'One participant per file, named from the file name', hint: 'A pattern finds the name' },
  { mode: 'speaker', label: 'Each transcript’s main speaker', hint: 'Interviewer labels are left out' },
  { mode: 'name', label: 'All files to one participant', hint: '' },
  { mode: 'none', label: 'No participant now', hint: 'Link them later in Participants' },
];

const PREVIEW_ROWS = 6;

/** Before a batch of transcripts is imported: who each file belongs to, with a preview of the names. */
export function ImportOptionsDialog() {
  const batch = useImporter((s) => s.batch);
  const choices = useImporter((s) => s.choices);
  if (!batch) return null;
  const { setChoices, confirmBatch } = useImporter.getState();
  const problem = choicesProblem(choices);
  const compiled = choices.mode === 'pattern' ? participantPattern(choices.pattern.trim() || '(?!)') : null;
  const labels =
    compiled && !('error' in compiled)
      ? batch.map((name) => labelFromFileName(name, compiled))
      : choices.mode === 'name'
        ? batch.map(() => choices.name.trim() || null)
        : null;
  const distinct = labels ? new Set(labels.filter((l) => l !== null)).size : 0;
  const unmatched = labels ? labels.filter((l) => l === null).length : 0;
  return (
    <Dialog label="Import options" className="wide" onClose={() => confirmBatch(false)}>
      <form
        className="form import-options"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) confirmBatch(true);
        }}
      >
        <h2>Import {batch.length} files</h2>
        <fieldset className="import-modes">
          <legend>Participants</legend>
          {MODES.map((m) => (
            <label key={m.mode} className="import-mode">
              <input
                type="radio"
                name="participant-mode"
                value={m.mode}
                checked={choices.mode === m.mode}
                onChange={() => setChoices({ mode: m.mode })}
              />
              <span>
                {m.label}
                {m.hint && <span className="muted small"> — {m.hint}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        {choices.mode === 'pattern' && (
          <label className="import-field">
            <span>Pattern in the file name (its first group, or the whole match)</span>
            <input
              type="text"
              value={choices.pattern}
              spellCheck={false}
              aria-describedby="import-pattern-help"
              onChange={(e) => setChoices({ pattern: e.target.value })}
            />
            <span id="import-pattern-help" className="muted small">
              <code>.+</code> the whole name · <code>p\d+</code> finds p07 in p07-interview.docx · <code>^(\w+)</code>{' '}
              the first word
            </span>
          </label>
        )}
        {choices.mode === 'name' && (
          <label className="import-field">
            <span>Participant</span>
            <input type="text" value={choices.name} onChange={(e) => setChoices({ name: e.target.value })} />
          </label>
        )}
        {labels && (
          <div className="import-preview" data-testid="participant-preview">
            <p aria-live="polite">
              {batch.length} files → {distinct} participant{distinct === 1 ? '' : 's'}
              {unmatched > 0 && `; ${unmatched} file${unmatched === 1 ? '' : 's'} without one`}
            </p>
            <table className="csv-table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Participant</th>
                </tr>
              </thead>
              <tbody>
                {batch.slice(0, PREVIEW_ROWS).map((name, i) => (
                  <tr key={name}>
                    <td>{name}</td>
                    <td>{labels[i] ?? <span className="muted">none</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {batch.length > PREVIEW_ROWS && <p className="muted small">and {batch.length - PREVIEW_ROWS} more</p>}
          </div>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => confirmBatch(false)}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={problem !== null}>
            Import {batch.length} files
          </button>
        </div>
      </form>
    </Dialog>
  );
}
