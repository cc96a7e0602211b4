import { useEffect, useRef } from 'react';
import { ANALYSIS_TABS, type AnalysisTab, useAnalysis } from '../../stores/analysis.js';
import { useCodes } from '../../stores/codes.js';
import { useNav } from '../../stores/nav.js';
import { CooccurrenceTab } from './CooccurrenceTab.js';
import { DrillList } from './DrillList.js';
import { FilterBar } from './FilterBar.js';
import { FrequencyTab } from './FrequencyTab.js';
import { MatrixTab } from './MatrixTab.js';
import { WordsTab } from './WordsTab.js';

/** Analysis: matrix, co-occurrence, frequency across rounds and words, one filter bar, drill-down beside. */
export function AnalysisView() {
  const tab = useAnalysis((s) => s.tab);
  const drill = useAnalysis((s) => s.drill !== null);
  const metaLoaded = useAnalysis((s) => s.metaLoaded);
  const codeCount = useAnalysis((s) => s.codeCount);
  useEffect(() => void useAnalysis.getState().load(), []);
  // The codebook is refetched after every coding, here or in another window (sync.ts), so a new
  // list means the counts may have moved.
  const codebook = useCodes((s) => s.list);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (codebook && useAnalysis.getState().metaLoaded) void useAnalysis.getState().load();
  }, [codebook]);

  return (
    <div className="view analysis">
      <header className="view-head">
        <h1>Analysis</h1>
        <Tabs tab={tab} />
      </header>
      <FilterBar />
      <div className={`analysis-body ${drill ? 'with-drill' : ''}`}>
        <div
          className="analysis-main"
          role="tabpanel"
          id={`analysis-panel-${tab}`}
          aria-labelledby={`analysis-tab-${tab}`}
          data-analysis-view={tab}
        >
          {metaLoaded && codeCount === 0 && tab !== 'words' ? (
            <NoCodes />
          ) : (
            <>
              {tab === 'matrix' && <MatrixTab />}
              {tab === 'cooccurrence' && <CooccurrenceTab />}
              {tab === 'frequency' && <FrequencyTab />}
              {tab === 'words' && <WordsTab />}
            </>
          )}
        </div>
        {drill && <DrillList />}
      </div>
    </div>
  );
}

/** Tabs in the ARIA pattern: one tab stop, arrow keys (and Home/End) move and select. */
function Tabs({ tab }: { tab: AnalysisTab }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (to: number) => {
    const next = ANALYSIS_TABS[(to + ANALYSIS_TABS.length) % ANALYSIS_TABS.length];
    if (!next) return;
    useAnalysis.getState().setTab(next.id);
    list.current?.querySelector<HTMLButtonElement>(`#analysis-tab-${next.id}`)?.focus();
  };
  const at = ANALYSIS_TABS.findIndex((t) => t.id === tab);
  return (
    <div
      ref={list}
      className="analysis-tabs"
      role="tablist"
      aria-label="Analysis views"
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight') move(at + 1);
        else if (e.key === 'ArrowLeft') move(at - 1);
        else if (e.key === 'Home') move(0);
        else if (e.key === 'End') move(ANALYSIS_TABS.length - 1);
        else return;
        e.preventDefault();
      }}
    >
      {ANALYSIS_TABS.map((t) => (
        <button
          key={t.id}
          id={`analysis-tab-${t.id}`}
          type="button"
          role="tab"
          className="analysis-tab"
          aria-selected={t.id === tab}
          aria-controls={`analysis-panel-${t.id}`}
          tabIndex={t.id === tab ? 0 : -1}
          data-analysis-tab={t.id}
          onClick={() => useAnalysis.getState().setTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function NoCodes() {
  return (
    <div className="empty" data-analysis-empty="codes">
      <h2>No codes yet</h2>
      <p className="muted">
        The matrix, co-occurrence and frequency views count coded excerpts. Open a transcript, select a passage and
        press <kbd>C</kbd> to give it a code; the counts appear here as you code. Word frequency works without codes.
      </p>
      <button type="button" className="button primary" onClick={() => useNav.getState().go('documents')}>
        Open the documents
      </button>
      <button type="button" className="button" onClick={() => useAnalysis.getState().setTab('words')}>
        Count words instead
      </button>
    </div>
  );
}
