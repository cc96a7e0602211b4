import { useMemo } from 'react';
import { frequencyOption } from '../../lib/analysis-charts.js';
import { useAnalysis } from '../../stores/analysis.js';
import { useCodeColours } from './codeColours.js';
import { type ChartClick, EChart } from './EChart.js';
import { ExportBar } from './ExportBar.js';
import { gridKeys, heat, percent } from './grid.js';
import { MeasureToggle } from './MeasureToggle.js';

/** Code frequency across rounds: a line per code over the rounds, and the table beneath. */
export function FrequencyTab() {
  const f = useAnalysis((s) => s.frequency);
  const measure = useAnalysis((s) => s.measure);
  const colours = useCodeColours();
  const option = useMemo(() => (f ? frequencyOption(f, measure, colours) : null), [f, measure, colours]);
  if (!f || !option) return <p className="muted analysis-loading">Counting…</p>;
  if (f.rounds.length === 0) {
    return (
      <div className="empty" data-analysis-empty="rounds">
        <h2>No rounds yet</h2>
        <p className="muted">
          Frequency across rounds compares waves of a study. Import each wave’s documents into its round (in the import
          options, or <code>quarry import … --round "Round 2"</code>) and the codes are counted per round.
        </p>
      </div>
    );
  }
  const drill = (codeIndex: number, roundIndex: number) => {
    const row = f.rows[codeIndex];
    const round = f.rounds[roundIndex];
    if (!row || round === undefined) return;
    void useAnalysis.getState().openDrill({ kind: 'round', codeId: row.codeId, round }, `${row.code} · ${round}`);
  };
  const value = (r: (typeof f.rows)[number], i: number) =>
    measure === 'share' ? (r.participants[i] ?? 0) / Math.max(1, f.totals[i] ?? 0) : (r.excerpts[i] ?? 0);
  const max = Math.max(0, ...f.rows.flatMap((r) => f.rounds.map((_, i) => value(r, i))));

  return (
    <>
      <div className="analysis-tools">
        <MeasureToggle />
        <span className="spacer" />
        <ExportBar chart={() => option} size={[1200, 640]} />
      </div>
      <EChart
        option={option}
        label={`Code frequency across ${f.rounds.length} rounds`}
        hook="frequency"
        onClick={(p: ChartClick) => {
          const codeIndex = f.rows.findIndex((r) => r.code === p.seriesName);
          if (codeIndex >= 0) drill(codeIndex, p.dataIndex);
        }}
      />
      <div className="analysis-table-wrap">
        <table className="analysis-table" aria-label="Codes by round" onKeyDown={gridKeys}>
          <thead>
            <tr>
              <th scope="col">Code</th>
              {f.rounds.map((r, i) => (
                <th key={r} scope="col" data-round={r}>
                  <span className="col-name">{r}</span>
                  <span className="muted small">n={f.totals[i]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {f.rows.map((r, y) => (
              <tr key={r.codeId}>
                <th scope="row">{r.code}</th>
                {f.rounds.map((round, i) => (
                  <td key={round} style={heat(value(r, i), max)}>
                    <button
                      type="button"
                      className="cell"
                      data-cell={`${r.code}|${round}`}
                      data-code={r.code}
                      data-row={y}
                      data-col={i}
                      aria-label={`${r.code}, ${round}: ${r.excerpts[i] ?? 0} excerpts, ${r.participants[i] ?? 0} of ${f.totals[i] ?? 0} participants`}
                      onClick={() => drill(y, i)}
                    >
                      {measure === 'share' ? percent(r.participants[i] ?? 0, f.totals[i] ?? 0) : (r.excerpts[i] ?? 0)}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
