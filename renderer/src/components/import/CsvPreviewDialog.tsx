import { CSV_ROLES, useImporter } from '../../stores/importer.js';
import { Dialog } from '../common/Dialog.js';

const DELIMITERS: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' };

/** How an attribute made of the column is typed (text needs no tag). */
const TYPE_LABELS = { number: 'number', date: 'date', boolean: 'yes/no', text: 'text' } as const;

/** A survey CSV's columns with the guessed role of each, to confirm or change before import. */
export function CsvPreviewDialog() {
  const csv = useImporter((s) => s.csv);
  if (!csv) return null;
  const { preview, roles } = csv;
  const texts = Object.values(roles).filter((r) => r === 'text').length;
  const ids = Object.values(roles).filter((r) => r === 'id').length;
  return (
    <Dialog label="Survey columns" className="wide" onClose={() => useImporter.getState().confirmCsv(false)}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          useImporter.getState().confirmCsv(true);
        }}
      >
        <h2>Survey columns — {preview.file}</h2>
        <p className="muted">
          {preview.rows} respondent{preview.rows === 1 ? '' : 's'}, separated by{' '}
          {DELIMITERS[preview.delimiter] ?? preview.delimiter}. Each respondent becomes a participant with the
          attributes (typed as numbers, dates or yes/no where every value is one), and those who answered get a document
          with their open-text answers under the questions.
        </p>
        <div className="csv-table-wrap">
          <table className="csv-table">
            <colgroup>
              <col className="csv-col-name" />
              <col className="csv-col-role" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Use as</th>
                <th scope="col">Examples</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column) => (
                <tr key={column.name} data-column={column.name}>
                  <th scope="row">
                    <span className="csv-name">{column.name}</span>
                    {column.type !== 'text' && <span className="csv-type">{TYPE_LABELS[column.type]}</span>}
                  </th>
                  <td>
                    <select
                      aria-label={`Role of ${column.name}`}
                      value={roles[column.name]}
                      onChange={(e) =>
                        useImporter
                          .getState()
                          .setRole(column.name, e.target.value as (typeof CSV_ROLES)[number]['role'])
                      }
                    >
                      {CSV_ROLES.map((r) => (
                        <option key={r.role} value={r.role}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="csv-samples">
                    {column.samples.length === 0 ? (
                      <span className="muted">(empty)</span>
                    ) : (
                      column.samples.map((s) => (
                        <div key={s} title={s}>
                          {s}
                        </div>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {ids === 0 && <p className="muted">No id column: respondents are numbered in file order.</p>}
        {texts === 0 && (
          <p className="form-error" role="alert">
            Choose at least one open-text column.
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => useImporter.getState().confirmCsv(false)}>
            Skip this file
          </button>
          <button type="submit" className="button primary" disabled={texts === 0}>
            Import {preview.rows} respondent{preview.rows === 1 ? '' : 's'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
