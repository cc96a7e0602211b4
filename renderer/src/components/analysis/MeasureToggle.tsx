import { useAnalysis } from '../../stores/analysis.js';

/** Excerpt counts, or the share of participants. */
export function MeasureToggle() {
  const measure = useAnalysis((s) => s.measure);
  return (
    <fieldset className="segmented" aria-label="Show">
      {(
        [
          ['excerpts', 'Excerpts'],
          ['share', '% of participants'],
        ] as const
      ).map(([id, label]) => (
        <label key={id} className={measure === id ? 'on' : ''}>
          <input
            type="radio"
            name="analysis-measure"
            value={id}
            checked={measure === id}
            onChange={() => useAnalysis.getState().setMeasure(id)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
