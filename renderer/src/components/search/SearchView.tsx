import { Fragment, useEffect, useMemo, useState } from 'react';
import type { CodeExtent, CodeId, DocumentId, MemoHit, SearchHit } from '../../../../core/contract/index.js';
import { codeTree, exactCode } from '../../lib/codes.js';
import { useBoard } from '../../stores/board.js';
import { useCodes } from '../../stores/codes.js';
import { useDocuments } from '../../stores/documents.js';
import { useMemos } from '../../stores/memos.js';
import { useNav } from '../../stores/nav.js';
import { useParticipants } from '../../stores/participants.js';
import { activeFilterCount, hitKey, MORE, MOST, useSearch } from '../../stores/search.js';
import { Icon } from '../common/Icon.js';
import { useWindowedList } from '../common/useWindowedList.js';

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
  if (review) return <ReviewHits title={title} />;

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

type HitRow = { kind: 'doc'; docId: number; index: number } | { kind: 'hit'; hit: SearchHit; index: number };

/**
 * The hits grouped by document, windowed (useWindowedList): headers and hits are one list of
 * rows, and the rows in view are grouped again into one region per document, so a long list
 * costs what its visible rows cost and each group keeps its name ("Matches in …").
 */
function HitList({
  byDoc,
  title,
  picked,
  setPicked,
}: {
  byDoc: [number, SearchHit[]][];
  title(id: number): string;
  picked: ReadonlySet<string>;
  setPicked(next: ReadonlySet<string>): void;
}) {
  const rows = useMemo(() => {
    const out: HitRow[] = [];
    for (const [docId, docHits] of byDoc) {
      out.push({ kind: 'doc', docId, index: out.length });
      for (const hit of docHits) out.push({ kind: 'hit', hit, index: out.length });
    }
    return out;
  }, [byDoc]);
  const w = useWindowedList<HTMLDivElement>({ count: rows.length, estimate: 62 });
  const groups: { docId: number; rows: HitRow[] }[] = [];
  for (const row of rows.slice(w.start, w.end)) {
    const docId = row.kind === 'doc' ? row.docId : row.hit.documentId;
    const last = groups[groups.length - 1];
    if (last && last.docId === docId) last.rows.push(row);
    else groups.push({ docId, rows: [row] });
  }
  return (
    <div ref={w.ref} className="hit-list" data-rows={rows.length} style={w.padding(0, 0)}>
      {groups.map((g) => (
        <section key={g.docId} className="hit-group" aria-label={`Matches in ${title(g.docId)}`}>
          {g.rows[0]?.kind === 'doc' && (
            <h2 ref={w.measure(g.rows[0].index)} className="hit-doc">
              {title(g.docId)}
            </h2>
          )}
          <ul className="hits">
            {g.rows.map((row) =>
              row.kind === 'hit' ? (
                <HitRowView
                  key={`${row.hit.start}-${row.hit.end}`}
                  hit={row.hit}
                  measure={w.measure(row.index)}
                  picked={picked}
                  setPicked={setPicked}
                />
              ) : null,
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}

function HitRowView({
  hit,
  measure,
  picked,
  setPicked,
}: {
  hit: SearchHit;
  measure(el: HTMLElement | null): void;
  picked: ReadonlySet<string>;
  setPicked(next: ReadonlySet<string>): void;
}) {
  return (
    <li ref={measure} className="hit-row">
      <input
        type="checkbox"
        className="hit-pick"
        aria-label={`Select hit: ${hit.snippet.replace(/[«»]/g, '').slice(0, 80)}`}
        checked={picked.has(hitKey(hit))}
        onChange={(e) => {
          const next = new Set(picked);
          if (e.currentTarget.checked) next.add(hitKey(hit));
          else next.delete(hitKey(hit));
          setPicked(next);
        }}
      />
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
      {hit.codes && hit.codes.length > 0 && (
        <span className="muted small hit-codes">{hit.codes.map((c) => c.name).join(', ')}</span>
      )}
    </li>
  );
}

/** Narrow the search to one code, one document, or participants with one attribute value. */
function SearchFilters() {
  const filters = useSearch((s) => s.filters);
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const documents = useDocuments((s) => s.list);
  const attributes = useParticipants((s) => s.attributes);
  const rounds = useSearch((s) => s.rounds);
  const { setFilters } = useSearch.getState();
  useEffect(() => void useSearch.getState().loadRounds(), []);
  const attr = filters.attribute;
  const attrDef = attr ? attributes.find((a) => a.name === attr.name) : undefined;
  return (
    <fieldset className="search-filters review-bar" aria-label="Search filters">
      <select
        aria-label="Filter by code"
        value={filters.codeId ?? ''}
        onChange={(e) => setFilters({ codeId: e.target.value ? (Number(e.target.value) as CodeId) : null })}
      >
        <option value="">Any code</option>
        {rows.map((r) => (
          <option key={r.code.id} value={r.code.id}>
            {r.path}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by document"
        value={filters.documentId ?? ''}
        onChange={(e) => setFilters({ documentId: e.target.value ? (Number(e.target.value) as DocumentId) : null })}
      >
        <option value="">Any document</option>
        {documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
      {rounds.length > 0 && (
        <select
          aria-label="Filter by round"
          value={filters.round ?? ''}
          onChange={(e) => setFilters({ round: e.target.value || null })}
        >
          <option value="">Any round</option>
          {[...new Set(rounds.map((r) => r.name))].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {attributes.length > 0 && (
        <select
          aria-label="Filter by participant attribute"
          value={attr?.name ?? ''}
          onChange={(e) => setFilters({ attribute: e.target.value ? { name: e.target.value, value: '' } : null })}
        >
          <option value="">Any participant</option>
          {attributes.map((a) => (
            <option key={a.id} value={a.name}>
              {a.name}
            </option>
          ))}
        </select>
      )}
      {attr &&
        (attrDef && attrDef.choices.length > 0 ? (
          <select
            aria-label={`${attr.name} value`}
            value={attr.value}
            onChange={(e) => setFilters({ attribute: { name: attr.name, value: e.target.value } })}
          >
            <option value="">Choose…</option>
            {attrDef.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label={`${attr.name} value`}
            placeholder={`${attr.name} is…`}
            value={attr.value}
            onChange={(e) => setFilters({ attribute: { name: attr.name, value: e.target.value } })}
          />
        ))}
      {activeFilterCount(filters) > 0 && (
        <button type="button" className="link" onClick={() => useSearch.getState().clearFilters()}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}

/** Memo bodies that match; a hit opens the memo in the Memos section. */
function MemoHits({ hits }: { hits: MemoHit[] }) {
  return (
    <section className="hit-group" aria-label="In memos">
      <h2 className="hit-doc">In memos</h2>
      <ul className="hits">
        {hits.map((hit) => (
          <li key={`${hit.memoId}-${hit.start}`}>
            <button
              type="button"
              className="hit"
              onClick={() => {
                useMemos.getState().select(hit.memoId);
                useNav.getState().go('memos');
              }}
            >
              <span className="memo-title">{hit.title || 'Untitled memo'}</span>{' '}
              <span className="muted small">on {hit.targetLabel}</span>{' '}
              <span dir="auto">
                <Snippet text={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Hits onto the wall: the picked ones or all shown. A hit is not an excerpt yet: it becomes an
 * uncoded one holding its sentence (or the match, or its turn), so the card keeps its source and
 * codes like any other excerpt later.
 */
function HitsToBoard({
  hits,
  picked,
  setPicked,
}: {
  hits: SearchHit[];
  picked: ReadonlySet<string>;
  setPicked(next: ReadonlySet<string>): void;
}) {
  const [extent, setExtent] = useState<CodeExtent>('sentence');
  const chosen = hits.filter((h) => picked.has(hitKey(h)));
  const add = (list: SearchHit[]) =>
    void useBoard.getState().addSpans(
      list.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })),
      extent,
    );
  return (
    <div className="excerpt-bulk" role="toolbar" aria-label="Hits to the board">
      <span className="muted small">{chosen.length} selected</span>
      <label className="small">
        Each card holds{' '}
        <select aria-label="Each card holds" value={extent} onChange={(e) => setExtent(e.target.value as CodeExtent)}>
          <option value="sentence">its sentence</option>
          <option value="turn">its turn</option>
          <option value="match">the match</option>
        </select>
      </label>
      <button
        type="button"
        className="button small"
        disabled={chosen.length === 0}
        onClick={() => {
          add(chosen);
          setPicked(new Set());
        }}
      >
        Add selected to board
      </button>
      <button type="button" className="button small" data-hits-to-board onClick={() => add(hits)}>
        Add all shown to board
      </button>
    </div>
  );
}

/** Review before "code all hits": every occurrence with a checkbox, then one code for the checked ones. */
function ReviewHits({ title }: { title: (id: number) => string }) {
  const review = useSearch((s) => s.review);
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const [codeId, setCodeId] = useState('');
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);
  // Up to 2,000 occurrences: windowed like the hit list.
  const w = useWindowedList<HTMLUListElement>({ count: review?.hits.length ?? 0, estimate: 58, gap: 4 });
  if (!review) return null;
  const n = review.checked.size;
  const preview = review.preview;
  const apply = async () => {
    setBusy(true);
    try {
      let id = codeId ? (Number(codeId) as CodeId) : null;
      const name = newName.trim();
      if (id === null && name) {
        const code = exactCode(useCodes.getState().list, name) ?? (await useCodes.getState().add(name));
        id = code?.id ?? null;
      }
      if (id !== null) await useSearch.getState().applyReview(id);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="view">
      <header className="view-head">
        <h1>Code all hits of “{review.query}”</h1>
      </header>
      <div className="review-bar">
        <select
          aria-label="Code to apply"
          value={codeId}
          onChange={(e) => {
            setCodeId(e.target.value);
            useSearch.getState().setReviewCode(e.target.value ? (Number(e.target.value) as CodeId) : null);
          }}
        >
          <option value="">New code…</option>
          {rows.map((r) => (
            <option key={r.code.id} value={r.code.id}>
              {r.path}
            </option>
          ))}
        </select>
        {codeId === '' && (
          <input
            aria-label="New code name"
            placeholder="New code name"
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
          />
        )}
        <ExtentChoice extent={review.extent} />
        <button type="button" className="link" onClick={() => useSearch.getState().setAll(n < review.hits.length)}>
          {n < review.hits.length ? 'Check all' : 'Uncheck all'}
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => useSearch.getState().cancelReview()}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          data-code-all-confirm
          disabled={busy || !preview || preview.excerpts === 0 || (codeId === '' && newName.trim() === '')}
          onClick={() => void apply()}
        >
          {confirmLabel(n, preview)}
        </button>
      </div>
      <div className="view-body">
        <ul
          ref={w.ref}
          className="hits review"
          aria-label="Hits to code"
          data-rows={review.hits.length}
          style={w.padding(0, 0)}
        >
          {review.hits.slice(w.start, w.end).map((hit, k) => {
            const key = hitKey(hit);
            return (
              <li key={key} ref={w.measure(w.start + k)}>
                <label className="hit review-hit">
                  <input
                    type="checkbox"
                    checked={review.checked.has(key)}
                    onChange={() => useSearch.getState().toggle(key)}
                    aria-label={`Code hit in ${title(hit.documentId)} at ${hit.start}`}
                  />
                  <span className="muted small">{title(hit.documentId)}</span>
                  <span dir="auto">
                    <Snippet text={hit.snippet} />
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

const EXTENTS: { value: CodeExtent; label: string; hint: string }[] = [
  { value: 'match', label: 'Match', hint: 'only the matched words' },
  { value: 'sentence', label: 'Sentence', hint: 'the sentence around each match' },
  { value: 'turn', label: 'Turn', hint: 'the whole turn around each match' },
];

/** How much text each excerpt holds: a segmented control of radio buttons (arrow keys move). */
function ExtentChoice({ extent }: { extent: CodeExtent }) {
  return (
    <>
      <span className="muted small" aria-hidden="true">
        Each excerpt:
      </span>
      <fieldset className="segmented" data-extent-choice>
        <legend className="sr-only">Each excerpt holds</legend>
        {EXTENTS.map((e) => (
          <label key={e.value} title={`Code ${e.hint}`} className={extent === e.value ? 'on' : undefined}>
            <input
              type="radio"
              name="code-all-extent"
              value={e.value}
              checked={extent === e.value}
              onChange={() => useSearch.getState().setExtent(e.value)}
            />
            {e.label}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** "Code 12 excerpts (3 already coded)", from the preview of what confirming does. */
function confirmLabel(checked: number, preview: { excerpts: number; alreadyCoded: number } | null): string {
  if (checked === 0) return 'Code 0 excerpts';
  if (!preview) return 'Counting…';
  const already = preview.alreadyCoded > 0 ? ` (${preview.alreadyCoded} already coded)` : '';
  return `Code ${preview.excerpts} excerpt${preview.excerpts === 1 ? '' : 's'}${already}`;
}
