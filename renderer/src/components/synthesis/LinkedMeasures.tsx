/**
 * The measures an insight or hypothesis explains, shown on it: each opens the Metrics
 * dashboard at its card; a picker links another measure (links live in the metrics store).
 */
import { useEffect, useState } from 'react';
import type { HypothesisId } from '../../../../core/contract/hypotheses-types.js';
import type { InsightId } from '../../../../core/contract/index.js';
import type { MetricId } from '../../../../core/contract/measures-types.js';
import { useMetrics } from '../../stores/metrics.js';
import { useNav } from '../../stores/nav.js';
import { Icon } from '../common/Icon.js';

export function LinkedMeasures({ kind, id }: { kind: 'insight' | 'hypothesis'; id: number }) {
  const list = useMetrics((s) => s.list);
  const loaded = useMetrics((s) => s.loaded);
  const [choice, setChoice] = useState('');
  useEffect(() => {
    if (!useMetrics.getState().loaded) void useMetrics.getState().load();
  }, []);
  if (!loaded || list.length === 0) return null;
  const linked = list.filter((m) => m.links.some((l) => l.kind === kind && l.id === id));
  const end = kind === 'insight' ? { insightId: id as InsightId } : { hypothesisId: id as HypothesisId };
  const open = (metricId: MetricId) => {
    useNav.getState().go('metrics');
    requestAnimationFrame(() =>
      document.querySelector(`[data-metric-id="${metricId}"]`)?.scrollIntoView({ block: 'start' }),
    );
  };
  return (
    <fieldset className="linked-measures" data-linked-measures={linked.length}>
      <legend className="muted small">Explains</legend>
      {linked.map((m) => (
        <span key={m.id} className="measure-chip">
          <button type="button" className="link-button" onClick={() => open(m.id)}>
            <Icon name="metrics" />
            {m.name}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Unlink ${m.name}`}
            onClick={() => void useMetrics.getState().unlink(m.id, end)}
          >
            <Icon name="close" size={12} />
          </button>
        </span>
      ))}
      <select
        aria-label="Link to a measure"
        value={choice}
        onChange={(e) => {
          const metricId = Number(e.target.value) as MetricId;
          setChoice('');
          if (metricId) void useMetrics.getState().link(metricId, end);
        }}
      >
        <option value="">{linked.length ? '+ measure' : 'Link to a measure…'}</option>
        {list
          .filter((m) => !linked.includes(m))
          .map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
      </select>
    </fieldset>
  );
}
