import { useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../../../core/contract/index.js';
import { useDocuments } from '../../stores/documents.js';
import { activeFilterCount, hitKey, MORE, MOST, useSearch } from '../../stores/search.js';
import { Icon } from '../common/Icon.js';
import { CodeAllHits } from './CodeAllHits.js';
import { HitsToBoard } from './HitsToBoard.js';
import { SearchFilters } from './SearchFilters.js';
import { HitList, MemoHits } from './SearchHits.js';

/** Full-text search (words and, for Chinese/Japanese/Thai, character trigrams); a hit opens the transcript there. */
export function SearchView() {
  const query = useSearch((s) => s.query);
  const hits = useSearch((s) => s.hits);
  const searched = useSearch((s) => s.searched);
  const busy = useSearch((s) => s.busy);
  const error = useSearch((s) => s.error);
  const memoHits = useSearch((s) => s.memoHits);
  const filtered = useSearch((s) => activeFilterCount(s.filters) > 0);
  const titles = useDocuments((s) => s.list);
  const byDoc = useMemo(() => {
    const groups = new Map<number, SearchHit[]>();
    for (const hit of hits) {
      const list = groups.get(hit.documentId);
      if (list) list.push(hit);
      else groups.set(hit.documentId, [hit]);
    }
    return [...groups.entries()];
  }, [hits]);
  const limit = useSearch((s) => s.limit);
  const title = (id: number) => titles.find((d) => d.id === id)?.title ?? `Document ${id}`;
  const review = useSearch((s) => s.review);
  // Hits picked for the wall; a new search starts with none ("Show more" keeps those still shown).
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const shown = new Set(hits.map(hitKey));
    setPicked((before) => (before.size === 0 ? before : new Set([...before].filter((k) => shown.has(k)))));
  }, [hits]);
  if (review) return <CodeAllHits title={title} />;

  return (
    <div className="view">
      <header className="view-head">
        <h1>Search</h1>
        <div className="filter search-field">
          <Icon name="search" />
          <input
            id="search-input"
            type="search"
            aria-label="Search the project"
            placeholder="Words, phrases, 送料 …"
            // biome-ignore lint/a11y/noAutofocus: opening Search means typing a query
            autoFocus
            value={query}
            onChange={(e) => useSearch.getState().setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void useSearch.getState().run();
            }}
          />
        </div>
      </header>
      <SearchFilters />
      <div className="view-body">
        {error !== null ? (
          <div className="empty">
            <p className="search-error" role="alert" data-search-error>
              {error}
            </p>
          </div>
        ) : searched === null ? (
          <div className="empty">
            <p className="muted">Search every transcript and note. Press / from anywhere to come here.</p>
          </div>
        ) : (
          <>
            {hits.length === 0 ? (
              <div className="empty">
                <p className="muted">
                  {busy ? 'Searching…' : `Nothing found for “${searched}”${filtered ? ' with these filters' : ''}.`}
                </p>
              </div>
            ) : (
              <>
                <div className="view-count-row">
                  <p className="muted small view-count" role="status">
                    {hits.length} match{hits.length === 1 ? '' : 'es'} in {byDoc.length} document
                    {byDoc.length === 1 ? '' : 's'}
                  </p>
                  <button
                    type="button"
                    className="button"
                    data-code-all
                    disabled={busy}
                    onClick={() => void useSearch.getState().startReview()}
                  >
                    Code all hits…
                  </button>
                </div>
                <HitsToBoard hits={hits} picked={picked} setPicked={setPicked} />
                <HitList byDoc={byDoc} title={title} picked={picked} setPicked={setPicked} />
                {hits.length >= limit && limit < MOST && (
                  <div className="search-more">
                    <button
                      type="button"
                      className="button"
                      data-search-more
                      disabled={busy}
                      onClick={() => void useSearch.getState().showMore()}
                    >
                      Show {MORE} more matches
                    </button>
                  </div>
                )}
              </>
            )}
            {memoHits.length > 0 && <MemoHits hits={memoHits} />}
          </>
        )}
      </div>
    </div>
  );
}
