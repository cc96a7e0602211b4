import { useMemo, useState } from 'react';
import type { CodeExtent, CodeId } from '../../../../core/contract/index.js';
import { codeTree, exactCode } from '../../lib/codes.js';
import { useCodes } from '../../stores/codes.js';
import { hitKey, useSearch } from '../../stores/search.js';
import { useWindowedList } from '../common/useWindowedList.js';
import { Snippet } from './Snippet.js';

/** Review before "code all hits": every occurrence with a checkbox, then one code for the checked ones. */
export function CodeAllHits({ title }: { title: (id: number) => string }) {
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
export function ExtentChoice({ extent }: { extent: CodeExtent }) {
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
export function confirmLabel(checked: number, preview: { excerpts: number; alreadyCoded: number } | null): string {
  if (checked === 0) return 'Code 0 excerpts';
  if (!preview) return 'Counting…';
  const already = preview.alreadyCoded > 0 ? ` (${preview.alreadyCoded} already coded)` : '';
  return `Code ${preview.excerpts} excerpt${preview.excerpts === 1 ? '' : 's'}${already}`;
}
