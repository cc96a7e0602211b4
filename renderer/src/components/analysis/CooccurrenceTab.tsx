import { useMemo } from 'react';
import type { CodeId } from '../../../../core/contract/types.js';
import { heatmapOption, networkOption } from '../../lib/analysis-charts.js';
import { useAnalysis } from '../../stores/analysis.js';
import { useCodes } from '../../stores/codes.js';
import { useCodeColours } from './codeColours.js';
import { type ChartClick, EChart } from './EChart.js';
import { ExportBar } from './ExportBar.js';
import { gridKeys, heat } from './grid.js';

/** Pairs of codes on the same or overlapping excerpts: a network (edge width by count) or a heat map. */
export function CooccurrenceTab() {
  const pairs = useAnalysis((s) => s.pairs);
  const show = useAnalysis((s) => s.cooccurrenceShow);
  const codes = useCodes((s) => s.list);
  const colours = useCodeColours();
  const idOf = useMemo(() => new Map(codes.map((c) => [c.name, c.id])), [codes]);
  // Codes in codebook order that take part in a pair.
  const names = useMemo(() => {
    const used = new Set((pairs ?? []).flatMap((p) => [p.a, p.b]));
    return codes.map((c) => c.name).filter((n) => used.has(n));
  }, [pairs, codes]);
  const count = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of pairs ?? []) {
      m.set(`${p.a}\u0000${p.b}`, p.excerpts);
      m.set(`${p.b}\u0000${p.a}`, p.excerpts);
    }
    return m;
  }, [pairs]);
  const option = useMemo(() => networkOption(pairs ?? [], colours), [pairs, colours]);

  if (!pairs) return <p className="muted analysis-loading">Counting…</p>;
  const drillPair = (a: string, b: string) => {
    const ia = idOf.get(a);
    const ib = idOf.get(b);
    if (ia !== undefined && ib !== undefined) {
      void useAnalysis.getState().openDrill({ kind: 'pair', a: ia as CodeId, b: ib as CodeId }, `${a} + ${b}`);
    }
  };
  const values = names.map((a) => names.map((b) => (a === b ? 0 : (count.get(`${a}\u0000${b}`) ?? 0))));
  const max = Math.max(0, ...values.flat());
  const chart = () => (show === 'network' ? networkOption(pairs, colours) : heatmapOption(names, names, values));

  return (
    <>
      <div className="analysis-tools">
        <fieldset className="segmented" aria-label="Show as">
          {(
            [
              ['network', 'Network'],
              ['heatmap', 'Matrix'],
            ] as const
          ).map(([id, label]) => (
            <label key={id} className={show === id ? 'on' : ''}>
              <input
                type="radio"
                name="cooccurrence-show"
                value={id}
                checked={show === id}
                onChange={() => useAnalysis.getState().setCooccurrenceShow(id)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <span className="muted small">
          {pairs.length} pair{pairs.length === 1 ? '' : 's'} of codes
        </span>
        <span className="spacer" />
        <ExportBar
          chart={chart}
          size={
            show === 'network'
              ? [1200, 900]
              : [Math.max(900, 200 + names.length * 70), Math.max(600, 140 + names.length * 34)]
          }
        />
      </div>
      {pairs.length === 0 ? (
        <div className="empty">
          <h2>No codes overlap yet</h2>
          <p className="muted">
            Two codes co-occur when one excerpt carries both, or when excerpts coded with each overlap. Give a passage a
            second code (select it again and press <kbd>C</kbd>) and the pair shows here.
          </p>
        </div>
      ) : show === 'network' ? (
        <>
          <EChart
            option={option}
            label={`Network of ${names.length} codes and ${pairs.length} co-occurring pairs`}
            hook="network"
            onClick={(p: ChartClick) => {
              const data = p.data as { source?: string; target?: string; name?: string } | undefined;
              if (p.dataType === 'edge' && data?.source && data.target) drillPair(data.source, data.target);
              else if (p.dataType === 'node' && data?.name) {
                const id = idOf.get(data.name);
                if (id !== undefined) void useAnalysis.getState().openDrill({ kind: 'code', codeId: id }, data.name);
              }
            }}
          />
          <ul className="sr-only" aria-label="Co-occurring pairs">
            {pairs.map((p) => (
              <li key={`${p.a}|${p.b}`}>
                <button type="button" onClick={() => drillPair(p.a, p.b)}>
                  {p.a} and {p.b}: {p.excerpts}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted small analysis-note">
            Line width: excerpts the two codes share. Choose a line to list them, a code to list its excerpts; drag to
            rearrange, scroll to zoom.
          </p>
        </>
      ) : (
        <div className="analysis-table-wrap">
          <table className="analysis-table" aria-label="Code co-occurrence" onKeyDown={gridKeys}>
            <thead>
              <tr>
                <th scope="col">Code</th>
                {names.map((n) => (
                  <th key={n} scope="col">
                    <span className="col-name">{n}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {names.map((a, y) => (
                <tr key={a}>
                  <th scope="row">{a}</th>
                  {names.map((b, x) => {
                    const v = values[y]?.[x] ?? 0;
                    return (
                      <td key={b} style={heat(v, max)} className={a === b ? 'diagonal' : undefined}>
                        {a !== b && (
                          <button
                            type="button"
                            className="cell"
                            data-cell={`${a}|${b}`}
                            data-code={a}
                            data-row={y}
                            data-col={x}
                            aria-label={`${a} and ${b}: ${v} excerpts`}
                            onClick={() => drillPair(a, b)}
                          >
                            {v || ''}
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
