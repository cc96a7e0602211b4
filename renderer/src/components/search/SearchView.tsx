import { Fragment, useMemo } from 'react';
import type { SearchHit } from '../../../../core/contract/index.js';
import { useDocuments } from '../../stores/documents.js';
import { useNav } from '../../stores/nav.js';
import { useSearch } from '../../stores/search.js';
import { Icon } from '../common/Icon.js';

/** The snippet marks hits with «…»; show them as <mark>. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <>
      {parts.map((part, i) =>
        // Odd parts sit between « and ».
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}

/** Full-text search (words and, for Chinese/Japanese/Thai, character trigrams); a hit opens the transcript there. */
export function SearchView() {
  const query = useSearch((s) => s.query);
  const hits = useSearch((s) => s.hits);
  const searched = useSearch((s) => s.searched);
  const busy = useSearch((s) => s.busy);
  const titles = useDocuments((s) => s.list);
  const byDoc = useMemo(() => {
    const groups = new Map<number, SearchHit[]>();
    for (const hit of hits) groups.set(hit.documentId, [...(groups.get(hit.documentId) ?? []), hit]);
    return [...groups.entries()];
  }, [hits]);
  const title = (id: number) => titles.find((d) => d.id === id)?.title ?? `Document ${id}`;

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
      <div className="view-body">
        {searched === null ? (
          <div className="empty">
            <p className="muted">Search every transcript and note. Press / from anywhere to come here.</p>
          </div>
        ) : hits.length === 0 ? (
          <div className="empty">
            <p className="muted">{busy ? 'Searching…' : `Nothing found for “${searched}”.`}</p>
          </div>
        ) : (
          <>
            <p className="muted small view-count" role="status">
              {hits.length} match{hits.length === 1 ? '' : 'es'} in {byDoc.length} document
              {byDoc.length === 1 ? '' : 's'}
            </p>
            {byDoc.map(([docId, docHits]) => (
              <section key={docId} className="hit-group" aria-label={`Matches in ${title(docId)}`}>
                <h2 className="hit-doc">{title(docId)}</h2>
                <ul className="hits">
                  {docHits.map((hit) => (
                    <li key={`${hit.start}-${hit.end}`}>
                      <button
                        type="button"
                        className="hit"
                        onClick={() => {
                          useNav.getState().go('documents');
                          void useDocuments.getState().open(hit.documentId, { start: hit.start, end: hit.end }, true);
                        }}
                      >
                        <Snippet text={hit.snippet} />
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
