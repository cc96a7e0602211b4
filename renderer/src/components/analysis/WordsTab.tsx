import { useMemo } from 'react';
import type { KwicHit } from '../../../../core/contract/analysis-types.js';
import { wordsOption } from '../../lib/analysis-charts.js';
import { useAnalysis } from '../../stores/analysis.js';
import { ExportBar } from './ExportBar.js';

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Word frequency (any script) and, for a chosen word, every place it occurs, in context. */
export function WordsTab() {
  const words = useAnalysis((s) => s.words);
  const word = useAnalysis((s) => s.word);
  const kwic = useAnalysis((s) => s.kwic);
  const top = words?.[0]?.count ?? 1;
  const chart = useMemo(() => (words ? wordsOption(words) : null), [words]);
  if (!words) return <p className="muted analysis-loading">Counting words…</p>;
  if (words.length === 0) {
    return (
      <div className="empty" data-analysis-empty="words">
        <h2>No words to count</h2>
        <p className="muted">
          Import transcripts, notes or survey answers and their words are counted here, in every script: Chinese,
          Japanese and Thai are cut into words, and each language’s stop words are left out.
        </p>
      </div>
    );
  }
  return (
    <>
      <div className="analysis-tools">
        <span className="muted small">
          The {words.length} most frequent words, stop words left out. Choose a word to read it in context.
        </span>
        <span className="spacer" />
        <ExportBar chart={() => chart} size={[1000, 900]} />
      </div>
      <div className="words-layout">
        <ol className="word-list" aria-label="Most frequent words">
          {words.map((w) => (
            <li key={w.word}>
              <button
                type="button"
                className="word-row"
                data-word={w.word}
                aria-pressed={w.word === word}
                aria-label={`${w.word}: ${w.count} times in ${w.documents} document${w.documents === 1 ? '' : 's'}`}
                onClick={() => void useAnalysis.getState().showWord(w.word)}
              >
                <span className="word" dir="auto">
                  {w.word}
                </span>
                <span className="word-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(2, (w.count / top) * 100)}%` }} />
                </span>
                <span className="word-count">{w.count}</span>
              </button>
            </li>
          ))}
        </ol>
        <section className="kwic" aria-label={word ? `“${word}” in context` : 'Keywords in context'} data-kwic-panel>
          {word === null ? (
            <p className="muted kwic-hint">Choose a word on the left to see every sentence it is in.</p>
          ) : (
            <>
              <header className="kwic-head">
                <h2 dir="auto">“{word}” in context</h2>
                <span className="muted small" role="status">
                  {kwic
                    ? `${kwic.total} occurrence${kwic.total === 1 ? '' : 's'}${kwic.total > kwic.hits.length ? `, first ${kwic.hits.length} shown` : ''}`
                    : 'Finding…'}
                </span>
                <button type="button" className="button small" onClick={() => useAnalysis.getState().closeWord()}>
                  Close
                </button>
              </header>
              <ul className="kwic-lines">
                {kwic?.hits.map((h) => (
                  <KwicLine key={`${h.documentId}:${h.start}`} hit={h} />
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </>
  );
}

function KwicLine({ hit }: { hit: KwicHit }) {
  const rtl = RTL.test(hit.keyword) || RTL.test(hit.left + hit.right);
  return (
    <li>
      <button
        type="button"
        className="kwic-line"
        dir={rtl ? 'rtl' : 'ltr'}
        data-kwic={`${hit.documentId}:${hit.start}`}
        title={`Open ${hit.document} here`}
        onClick={() => useAnalysis.getState().openHit(hit)}
      >
        <span className="kwic-left">
          <span>{hit.left}</span>
        </span>
        <mark className="kwic-word">{hit.keyword}</mark>
        <span className="kwic-right">{hit.right}</span>
        <span className="kwic-source muted small" dir="auto">
          {hit.document}
          {hit.participant ? ` · ${hit.participant}` : ''}
        </span>
      </button>
    </li>
  );
}
