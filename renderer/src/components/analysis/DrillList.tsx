import { useEffect, useRef } from 'react';
import { useAnalysis } from '../../stores/analysis.js';

/** The excerpts behind the chosen cell; each opens in its transcript at the excerpt. */
export function DrillList() {
  const drill = useAnalysis((s) => s.drill);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = drill?.title;
  // Keyboard users land on the list they asked for.
  useEffect(() => {
    if (title) heading.current?.focus();
  }, [title]);
  if (!drill) return null;
  const result = drill.result;
  return (
    <aside className="drill" aria-label={`Excerpts: ${drill.title}`} data-drill>
      <header className="drill-head">
        <h2 ref={heading} tabIndex={-1} dir="auto">
          {drill.title}
        </h2>
        <button
          type="button"
          className="button small"
          aria-label="Close the excerpt list"
          onClick={() => useAnalysis.getState().closeDrill()}
        >
          Close
        </button>
      </header>
      <p className="muted small" role="status" data-drill-count={result?.total ?? ''}>
        {result
          ? `${result.total} excerpt${result.total === 1 ? '' : 's'}${result.total > result.excerpts.length ? `, first ${result.excerpts.length} shown` : ''}`
          : 'Loading…'}
      </p>
      <ul className="drill-list">
        {result?.excerpts.map((e) => (
          <li key={`${e.excerptId}:${e.start}:${e.end}`}>
            <button
              type="button"
              className="drill-item"
              data-drill-excerpt={e.excerptId}
              onClick={() => useAnalysis.getState().openExcerpt(e)}
            >
              <span className="drill-text" dir="auto">
                {e.text}
                {e.end - e.start > e.text.length ? '…' : ''}
              </span>
              <span className="muted small" dir="auto">
                {e.document}
                {e.participant ? ` · ${e.participant}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
