/**
 * The side panel of the Metrics dashboard: the codes whose share of participants moved most
 * between two rounds of the study (the last two, or two the user picks), each with its share in
 * both rounds, so a movement in a measure can be read beside what changed in the interviews.
 */
import { useMetrics } from '../../stores/metrics.js';

const pct = (share: number) => `${Math.round(share * 100)}%`;

export function MetricsContext() {
  const trends = useMetrics((s) => s.trends);
  if (!trends)
    return (
      <section className="panel-section">
        <p className="muted small">Codes that moved between rounds show here.</p>
      </section>
    );
  const { from, to } = trends;
  return (
    <section className="panel-section metrics-context" aria-label="Codes that moved">
      <h2>{from && to ? `Codes that moved, ${from} → ${to}` : 'Most frequent codes'}</h2>
      <p className="muted small">
        Share of {trends.study}'s participants whose interviews carry each code
        {from && to ? ', by how far it moved.' : ' (one round so far).'}
      </p>
      {from && to && trends.rounds.length > 2 && <RoundPicker rounds={trends.rounds} from={from} to={to} />}
      {trends.codes.length === 0 && <p className="muted small">No coded interviews in this study's rounds yet.</p>}
      <ol className="code-trends">
        {trends.codes.map((c) => {
          const before = c.rounds.find((r) => r.round === from);
          const after = c.rounds.find((r) => r.round === (to ?? c.rounds.at(-1)?.round));
          const points = Math.round(c.change * 100);
          return (
            <li key={c.codeId} data-code-trend={c.code}>
              <div className="code-trend-head">
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                <span className="code-trend-name">{c.code}</span>
                {from && to && (
                  <span className={`code-trend-change ${points > 0 ? 'up' : points < 0 ? 'down' : ''}`}>
                    {points > 0 ? '+' : points < 0 ? '−' : '±'}
                    {Math.abs(points)} pts
                  </span>
                )}
              </div>
              {before && (
                <div className="share-row" data-round={before.round}>
                  <span className="share-label">{before.round}</span>
                  <span className="share-bar">
                    <span className="share-fill before" style={{ width: pct(before.share) }} />
                  </span>
                  <span className="share-value">
                    {before.participants}/{before.total}
                  </span>
                </div>
              )}
              {after && (
                <div className="share-row" data-round={after.round}>
                  <span className="share-label">{after.round}</span>
                  <span className="share-bar">
                    <span className="share-fill after" style={{ width: pct(after.share), background: c.color }} />
                  </span>
                  <span className="share-value">
                    {after.participants}/{after.total}
                  </span>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Which two rounds to compare; picking the other round's value swaps them. */
function RoundPicker({ rounds, from, to }: { rounds: string[]; from: string; to: string }) {
  const setCompare = useMetrics((s) => s.setCompare);
  const pick = (side: 'from' | 'to', value: string) => {
    const other = side === 'from' ? to : from;
    const [a, b] = value === other ? [to, from] : side === 'from' ? [value, to] : [from, value];
    void setCompare(a, b);
  };
  return (
    <div className="round-picker">
      <label>
        <span>From</span>
        <select value={from} onChange={(e) => pick('from', e.target.value)}>
          {rounds.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        <span>to</span>
        <select value={to} onChange={(e) => pick('to', e.target.value)}>
          {rounds.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
