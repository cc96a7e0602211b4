import { agreementCsv } from '../../../../core/export/agreement-csv.js';
import { downloadFile } from '../../lib/files.js';
import { useDocuments } from '../../stores/documents.js';
import { useNav } from '../../stores/nav.js';
import { useTeamwork } from '../../stores/teamwork.js';
import { Dialog } from '../common/Dialog.js';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const fixed = (x: number) => x.toFixed(2);

/** Intercoder agreement: pick coders, read agreement per code, and open where they disagree. */
export function AgreementDialog() {
  const coders = useTeamwork((s) => s.coders);
  const chosen = useTeamwork((s) => s.chosen);
  const result = useTeamwork((s) => s.agreement);
  const busy = useTeamwork((s) => s.busy);
  const close = () => useTeamwork.getState().close();
  return (
    <Dialog label="Compare coders" onClose={close} className="wide">
      <div className="form">
        <h2>Compare coders</h2>
        <p className="muted">
          Character by character, over the documents every chosen coder coded: percent agreement, Cohen's kappa (two
          coders) and Krippendorff's alpha.
        </p>
        <fieldset className="choices">
          <legend>Coders</legend>
          {coders.map((c) => (
            <label key={c.id} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(c.name)}
                onChange={() => useTeamwork.getState().toggleCoder(c.name)}
              />
              <span>
                {c.name} <span className="muted">— {c.codings} codings</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button
            type="button"
            className="button primary"
            data-autofocus
            disabled={chosen.length < 2 || busy}
            onClick={() => void useTeamwork.getState().compare()}
          >
            {busy ? 'Comparing…' : 'Compare'}
          </button>
        </div>
        {result && (
          <section aria-label="Agreement" data-agreement>
            <p>
              {result.coders.join(' · ')}: {result.documents} document{result.documents === 1 ? '' : 's'} in common,{' '}
              {result.characters.toLocaleString()} characters.
            </p>
            <table className="csv-table team-table">
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Agreement</th>
                  <th scope="col">Kappa</th>
                  <th scope="col">Alpha</th>
                </tr>
              </thead>
              <tbody>
                {result.codes.map((c) => (
                  <tr key={c.codeId} data-agreement-code={c.code}>
                    <th scope="row">{c.code}</th>
                    <td>{percent(c.agreement)}</td>
                    <td>{fixed(c.kappa)}</td>
                    <td>{fixed(c.alpha)}</td>
                  </tr>
                ))}
                <tr data-agreement-code="(all codes)">
                  <th scope="row">All codes</th>
                  <td>{percent(result.overall.agreement)}</td>
                  <td>{fixed(result.overall.kappa)}</td>
                  <td>{fixed(result.overall.alpha)}</td>
                </tr>
              </tbody>
            </table>
            <h3>
              Where they disagree ({result.disagreementsTotal}
              {result.disagreementsTotal > result.disagreements.length ? `, first ${result.disagreements.length}` : ''})
            </h3>
            <ul className="disagreements" aria-label="Disagreements">
              {result.disagreements.map((d) => (
                <li key={`${d.documentId}:${d.codeId}:${d.start}`}>
                  <button
                    type="button"
                    className="link-button"
                    data-disagreement
                    onClick={() => {
                      close();
                      useNav.getState().go('documents');
                      void useDocuments.getState().open(d.documentId, { start: d.start, end: d.end }, true);
                    }}
                  >
                    <strong>{d.code}</strong> · {d.document} · coded by {d.codedBy.join(', ')} only
                    <span className="quote">“{d.text}”</span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                onClick={() =>
                  downloadFile(`agreement-${result.coders.join('-')}.csv`, 'text/csv', agreementCsv(result), 'utf8')
                }
              >
                Save as CSV
              </button>
              <button type="button" className="button" onClick={close}>
                Close
              </button>
            </div>
          </section>
        )}
      </div>
    </Dialog>
  );
}
