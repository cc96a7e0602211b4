import { useAnalysis } from '../../stores/analysis.js';

/** The filters every view shares: round, segment (a participant attribute value), coder. */
export function FilterBar() {
  const filters = useAnalysis((s) => s.filters);
  const rounds = useAnalysis((s) => s.rounds);
  const coders = useAnalysis((s) => s.coders);
  const attributes = useAnalysis((s) => s.attributes);
  const values = useAnalysis((s) => s.values);
  const { setFilters } = useAnalysis.getState();
  const segment = filters.segment;
  return (
    <fieldset className="review-bar analysis-filters" aria-label="Analysis filters" data-analysis-filters>
      <select
        aria-label="Round"
        value={filters.round ?? ''}
        disabled={rounds.length === 0}
        title={rounds.length === 0 ? 'Import documents into a round (Import… → Round) to compare rounds' : undefined}
        onChange={(e) => setFilters({ round: e.target.value || null })}
      >
        <option value="">All rounds</option>
        {rounds.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <select
        aria-label="Segment attribute"
        value={segment?.name ?? ''}
        disabled={attributes.length === 0}
        onChange={(e) => setFilters({ segment: e.target.value ? { name: e.target.value, value: '' } : null })}
      >
        <option value="">All participants</option>
        {attributes.map((a) => (
          <option key={a.id} value={a.name}>
            {a.name}
          </option>
        ))}
      </select>
      {segment && (
        <select
          aria-label={`Segment: ${segment.name}`}
          value={segment.value}
          onChange={(e) => setFilters({ segment: { name: segment.name, value: e.target.value } })}
        >
          <option value="">Any {segment.name}</option>
          {(values[segment.name] ?? []).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label="Coder"
        value={filters.coder ?? ''}
        disabled={coders.length < 2 && filters.coder === null}
        onChange={(e) => setFilters({ coder: e.target.value || null })}
      >
        <option value="">All coders</option>
        {coders.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {(filters.round !== null || segment !== null || filters.coder !== null) && (
        <button
          type="button"
          className="button small"
          onClick={() => setFilters({ round: null, segment: null, coder: null })}
        >
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
