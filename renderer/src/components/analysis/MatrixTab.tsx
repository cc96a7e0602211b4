import { useMemo } from 'react';
import type { CodeId } from '../../../../core/contract/types.js';
import { heatmapOption } from '../../lib/analysis-charts.js';
import { useAnalysis } from '../../stores/analysis.js';
import { useNav } from '../../stores/nav.js';
import { ExportBar } from './ExportBar.js';
import { gridKeys, heat, percent } from './grid.js';
import { MeasureToggle } from './MeasureToggle.js';

/** Code × attribute: excerpts (or share of participants) per code and attribute value, with totals. */
export function MatrixTab() {
  const matrix = useAnalysis((s) => s.matrix);
  const attribute = useAnalysis((s) => s.attribute);
  const attributes = useAnalysis((s) => s.attributes);
  const measure = useAnalysis((s) => s.measure);
  const metaLoaded = useAnalysis((s) => s.metaLoaded);
  const rows = useMemo(() => matrix?.rows ?? [], [matrix]);
  const cell = (r: (typeof rows)[number], i: number) =>
    measure === 'share' ? (r.participants[i] ?? 0) / Math.max(1, matrix?.totals[i] ?? 0) : (r.counts[i] ?? 0);
  const max = Math.max(0, ...rows.flatMap((r) => r.counts.map((_, i) => cell(r, i))));

  if (metaLoaded && attributes.length === 0) {
    return (
      <div className="empty" data-analysis-empty="attributes">
        <h2>No participant attributes yet</h2>
        <p className="muted">
          The matrix has a column per value of an attribute such as market, segment or device. In Participants, choose{' '}
          <strong>Add attribute</strong>, name it, and give each participant a value; then come back here.
        </p>
        <button type="button" className="button primary" onClick={() => useNav.getState().go('participants')}>
          Go to Participants
        </button>
      </div>
    );
  }
  if (!matrix) return <p className="muted analysis-loading">Counting…</p>;

  const columnTotals = matrix.columns.map((_, i) => rows.reduce((n, r) => n + (r.counts[i] ?? 0), 0));
  const show = (r: (typeof rows)[number], i: number) =>
    measure === 'share' ? percent(r.participants[i] ?? 0, matrix.totals[i] ?? 0) : String(r.counts[i] ?? 0);
  const chart = () =>
    heatmapOption(
      rows.map((r) => r.code),
      matrix.columns,
      rows.map((r) =>
        matrix.columns.map((_, i) =>
          measure === 'share'
            ? Math.round(((r.participants[i] ?? 0) / Math.max(1, matrix.totals[i] ?? 0)) * 100)
            : (r.counts[i] ?? 0),
        ),
      ),
    );

  return (
    <>
      <div className="analysis-tools">
        <label className="analysis-field">
          Columns by
          <select
            aria-label="Columns by attribute"
            value={attribute ?? ''}
            onChange={(e) => useAnalysis.getState().setAttribute(e.target.value)}
          >
            {attributes.map((a) => (
              <option key={a.id} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <MeasureToggle />
        <span className="spacer" />
        <ExportBar
          chart={chart}
          size={[Math.max(900, 160 + matrix.columns.length * 110), Math.max(480, 90 + rows.length * 34)]}
        />
      </div>
      <div className="analysis-table-wrap">
        <table className="analysis-table" aria-label={`Codes by ${matrix.attribute}`} onKeyDown={gridKeys}>
          <thead>
            <tr>
              <th scope="col">Code</th>
              {matrix.columns.map((c, i) => (
                <th key={c} scope="col">
                  <span className="col-name">{c}</span>
                  <span className="muted small">n={matrix.totals[i]}</span>
                </th>
              ))}
              <th scope="col" className="total">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, y) => {
              const total = r.counts.reduce((a, b) => a + b, 0);
              return (
                <tr key={r.codeId}>
                  <th scope="row">{r.code}</th>
                  {matrix.columns.map((c, i) => (
                    <td key={c} style={heat(cell(r, i), max)}>
                      <button
                        type="button"
                        className="cell"
                        data-cell={`${r.code}|${c}`}
                        data-code={r.code}
                        data-row={y}
                        data-col={i}
                        aria-label={`${r.code}, ${c}: ${r.counts[i] ?? 0} excerpts, ${r.participants[i] ?? 0} of ${matrix.totals[i] ?? 0} participants`}
                        onClick={() => drill(r.codeId, matrix.attribute, c, `${r.code} × ${c}`)}
                      >
                        {show(r, i)}
                      </button>
                    </td>
                  ))}
                  <td className="total">
                    <button
                      type="button"
                      className="cell"
                      data-row={y}
                      data-col={matrix.columns.length}
                      aria-label={`${r.code}: ${total} excerpts in all`}
                      onClick={() => void useAnalysis.getState().openDrill({ kind: 'code', codeId: r.codeId }, r.code)}
                    >
                      {total}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {columnTotals.map((n, i) => (
                <td key={matrix.columns[i]} className="total">
                  {n}
                </td>
              ))}
              <td className="total">{columnTotals.reduce((a, b) => a + b, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted small analysis-note">
        {measure === 'share'
          ? 'Share: participants with the code out of all participants with that value (n).'
          : 'Excerpts coded with each code, by the participant’s value. Choose a cell to list its excerpts.'}
      </p>
    </>
  );
}

function drill(codeId: CodeId, attribute: string, value: string, title: string) {
  void useAnalysis.getState().openDrill({ kind: 'matrix', codeId, attribute, value }, title);
}
