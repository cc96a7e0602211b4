/** Retrieval: a code's excerpts across documents with their context, who said them, and filters. */
import { useEffect, useMemo, useState } from 'react';
import type { CodeId, CoderId, DocumentId, RetrievedExcerpt } from '../../../../core/contract/index.js';
import { getClient } from '../../client/index.js';
import { codeTree } from '../../lib/codes.js';
import { head } from '../../lib/graphemes.js';
import { guard } from '../../stores/activity.js';
import { useBoard } from '../../stores/board.js';
import { useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { useDocuments } from '../../stores/documents.js';
import { useNav } from '../../stores/nav.js';
import { useRetrieval } from '../../stores/retrieval.js';
import { CodeChip } from '../common/CodeChip.js';
import { useWindowedList } from '../common/useWindowedList.js';
import { LinkHypothesisButton } from '../synthesis/LinkHypothesis.js';

export function RetrievalView() {
  const codes = useCodes((s) => s.list);
  const rows = useMemo(() => codeTree(codes), [codes]);
  const docs = useDocuments((s) => s.list);
  const { codeId, includeChildren, filters, list, loaded } = useRetrieval();
  const [coders, setCoders] = useState<{ id: CoderId; name: string }[]>([]);
  const [attribute, setAttribute] = useState(filters.attribute);

  useEffect(() => {
    void guard(() => getClient().call('coders.list', {})).then((list) => {
      if (list) setCoders(list);
    });
    if (useRetrieval.getState().codeId === null) {
      const first = useCodes.getState().list[0];
      if (first) void useRetrieval.getState().setCode(first.id);
    }
  }, []);

  const retrieval = useRetrieval.getState();
  return (
    <div className="view">
      <header className="view-head">
        <h1>Retrieve</h1>
        <span className="muted small" role="status" aria-label="Retrieved excerpts">
          {codeId === null ? '' : `${list.length} excerpt${list.length === 1 ? '' : 's'}`}
        </span>
        {list.length > 0 && (
          <button
            type="button"
            className="button small"
            data-add-shown-to-board
            onClick={() => void useBoard.getState().addExcerpts(list.map((x) => x.id))}
          >
            Add all shown to board
          </button>
        )}
      </header>
      <form className="retrieve-filters" aria-label="Retrieval filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Code
          <select
            aria-label="Code to retrieve"
            value={codeId ?? ''}
            onChange={(e) => void retrieval.setCode(e.target.value ? (Number(e.target.value) as CodeId) : null)}
          >
            <option value="">Choose a code…</option>
            {rows.map((r) => (
              <option key={r.code.id} value={r.code.id}>
                {r.path} ({r.code.excerpts})
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={includeChildren}
            onChange={(e) => void retrieval.setIncludeChildren(e.target.checked)}
          />
          With sub-codes
        </label>
        <label>
          Document
          <select
            aria-label="Only this document"
            value={filters.documentId ?? ''}
            onChange={(e) =>
              void retrieval.setFilters({ documentId: e.target.value ? (Number(e.target.value) as DocumentId) : null })
            }
          >
            <option value="">All documents</option>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Coder
          <select
            aria-label="Only this coder"
            value={filters.coderId ?? ''}
            onChange={(e) =>
              void retrieval.setFilters({ coderId: e.target.value ? (Number(e.target.value) as CoderId) : null })
            }
          >
            <option value="">All coders</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Attribute
          <input
            aria-label="Participant attribute, e.g. market=UK"
            placeholder="market=UK"
            value={attribute}
            onChange={(e) => setAttribute(e.target.value)}
            onBlur={() => void retrieval.setFilters({ attribute })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void retrieval.setFilters({ attribute });
            }}
          />
        </label>
        <label>
          Round
          <input
            aria-label="Round"
            placeholder="Round 1"
            defaultValue={filters.round}
            onBlur={(e) => void retrieval.setFilters({ round: e.target.value })}
          />
        </label>
      </form>
      <div className="view-body">
        {codeId === null ? (
          <p className="muted pad">Choose a code to see every excerpt coded with it, in context.</p>
        ) : loaded && list.length === 0 ? (
          <p className="muted pad">No excerpt matches.</p>
        ) : (
          <RetrievedList list={list} />
        )}
      </div>
    </div>
  );
}

/** Thousands of retrieved excerpts render only the rows in view (the list: 8px padding, rows 10px apart). */
function RetrievedList({ list }: { list: RetrievedExcerpt[] }) {
  const w = useWindowedList<HTMLUListElement>({ count: list.length, estimate: 160, gap: 10 });
  return (
    <ul
      ref={w.ref}
      className="retrieved"
      aria-label="Retrieved excerpts"
      data-rows={list.length}
      style={w.padding(8, 8)}
    >
      {list.slice(w.start, w.end).map((x, k) => (
        <Retrieved key={x.id} excerpt={x} measure={w.measure(w.start + k)} />
      ))}
    </ul>
  );
}

function Retrieved({ excerpt: x, measure }: { excerpt: RetrievedExcerpt; measure?: (el: HTMLElement | null) => void }) {
  const attrs = Object.entries(x.attributes)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
  return (
    <li ref={measure} className="retrieved-item">
      <button
        type="button"
        className="retrieved-open"
        aria-label={`Open in transcript: ${head(x.text, 80)}`}
        onClick={() => {
          useCoding.getState().focusExcerpt(x.id);
          useNav.getState().go('documents');
          void useDocuments.getState().open(x.documentId, { start: x.start, end: x.end });
        }}
      >
        <span className="context" dir="auto">
          {x.before && <span className="muted">…{x.before}</span>}
          <mark className="retrieved-text">{x.text}</mark>
          {x.after && <span className="muted">{x.after}…</span>}
        </span>
      </button>
      <div className="excerpt-meta">
        <span className="excerpt-source">
          {x.documentTitle}
          {x.speaker ? ` · ${x.speaker}` : ''}
          {x.participant ? ` · ${x.participant}` : ''}
          {attrs ? ` (${attrs})` : ''}
          {x.round ? ` · ${x.round}` : ''}
          {x.coders.length > 0 ? ` · coded by ${x.coders.join(', ')}` : ''}
        </span>
        <span className="chips">
          {x.codes.map((c) => (
            <CodeChip key={c.id} code={c} />
          ))}
        </span>
        <LinkHypothesisButton excerptId={x.id} text={x.text} small />
      </div>
    </li>
  );
}
