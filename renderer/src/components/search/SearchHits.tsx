/**
 * The hits of a search, windowed (a document's header, then its hits; "Show more" pages on),
 * each picked with its checkbox or opened in its transcript, and the hits in memos.
 */
import { useMemo } from 'react';
import type { MemoHit, SearchHit } from '../../../../core/contract/index.js';
import { head } from '../../lib/graphemes.js';
import { useDocuments } from '../../stores/documents.js';
import { useMemos } from '../../stores/memos.js';
import { useNav } from '../../stores/nav.js';
import { hitKey } from '../../stores/search.js';
import { useWindowedList } from '../common/useWindowedList.js';
import { Snippet } from './Snippet.js';

type HitRow = { kind: 'doc'; docId: number; index: number } | { kind: 'hit'; hit: SearchHit; index: number };

/**
 * The hits grouped by document, windowed (useWindowedList): headers and hits are one list of
 * rows, and the rows in view are grouped again into one region per document, so a long list
 * costs what its visible rows cost and each group keeps its name ("Matches in …").
 */
export function HitList({
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

export function HitRowView({
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
        aria-label={`Select hit: ${head(hit.snippet.replace(/[«»]/g, ''), 80)}`}
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

/** Memo bodies that match; a hit opens the memo in the Memos section. */
export function MemoHits({ hits }: { hits: MemoHit[] }) {
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
