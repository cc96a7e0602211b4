import { useMemo, useRef, useState } from 'react';
import type { Excerpt, ExcerptId } from '../../../../core/contract/index.js';
import { head } from '../../lib/graphemes.js';
import { useBoard } from '../../stores/board.js';
import { useCoding } from '../../stores/coding.js';
import { useDocuments } from '../../stores/documents.js';
import { useNav } from '../../stores/nav.js';
import { CodeChip } from '../common/CodeChip.js';
import { useWindowedList } from '../common/useWindowedList.js';
import { LinkHypothesisButton } from '../synthesis/LinkHypothesis.js';

/**
 * Excerpts as quotes with their source and codes; a quote opens its transcript. Checkboxes
 * (Shift+click picks a range) put many on the board at once, or every one shown.
 */
export function ExcerptList({ excerpts, label }: { excerpts: Excerpt[]; label: string }) {
  const board = useBoard((s) => s.current);
  const onBoard = useMemo(() => new Set(board?.cards.map((c) => c.excerpt?.id)), [board]);
  const focusedId = useCoding((s) => s.focusedExcerptId);
  const [picked, setPicked] = useState<ReadonlySet<ExcerptId>>(new Set());
  const last = useRef<number | null>(null);
  const pick = (index: number, on: boolean, range: boolean) => {
    const next = new Set(picked);
    const from = range && last.current !== null ? Math.min(last.current, index) : index;
    const to = range && last.current !== null ? Math.max(last.current, index) : index;
    for (let i = from; i <= to; i++) {
      const id = excerpts[i]?.id;
      if (id === undefined) continue;
      if (on) next.add(id);
      else next.delete(id);
    }
    last.current = index;
    setPicked(next);
  };
  const shownIds = excerpts.map((x) => x.id);
  const chosen = shownIds.filter((id) => picked.has(id));
  return (
    <>
      {excerpts.length > 0 && (
        <div className="excerpt-bulk" role="toolbar" aria-label="Several excerpts">
          <span className="muted small">{chosen.length} selected</span>
          <button
            type="button"
            className="button small"
            disabled={chosen.length === 0}
            onClick={() => {
              void useBoard.getState().addExcerpts(chosen);
              setPicked(new Set());
            }}
          >
            Add selected to board
          </button>
          <button type="button" className="button small" onClick={() => void useBoard.getState().addExcerpts(shownIds)}>
            Add all shown to board
          </button>
        </div>
      )}
      <ExcerptItems
        excerpts={excerpts}
        label={label}
        onBoard={onBoard}
        focusedId={focusedId}
        picked={picked}
        pick={pick}
      />
    </>
  );
}

function ExcerptItems({
  excerpts,
  label,
  onBoard,
  focusedId,
  picked,
  pick,
}: {
  excerpts: Excerpt[];
  label: string;
  onBoard: ReadonlySet<ExcerptId | undefined>;
  focusedId: ExcerptId | null;
  picked: ReadonlySet<ExcerptId>;
  pick(index: number, on: boolean, range: boolean): void;
}) {
  // Thousands of excerpts render only the rows in view (the list's padding is 12px 20px 24px, rows 10px apart).
  const w = useWindowedList<HTMLUListElement>({ count: excerpts.length, estimate: 110, gap: 10 });
  return (
    <ul ref={w.ref} className="excerpt-list" aria-label={label} data-rows={excerpts.length} style={w.padding(12, 24)}>
      {excerpts.slice(w.start, w.end).map((x, k) => {
        const i = w.start + k;
        return (
          <li key={x.id} ref={w.measure(i)} className={`excerpt ${focusedId === x.id ? 'focused' : ''}`}>
            <input
              type="checkbox"
              className="excerpt-pick"
              aria-label={`Select: ${head(x.text, 60)}`}
              checked={picked.has(x.id)}
              onChange={() => undefined}
              onClick={(e) => pick(i, e.currentTarget.checked, e.shiftKey)}
            />
            <button
              type="button"
              className="excerpt-open"
              aria-label={`Open in transcript: ${head(x.text, 80)}`}
              onClick={() => {
                useCoding.getState().focusExcerpt(x.id);
                useNav.getState().go('documents');
                void useDocuments.getState().open(x.documentId, { start: x.start, end: x.end });
              }}
            >
              <span className="excerpt-text">{x.text}</span>
            </button>
            <div className="excerpt-meta">
              <span className="excerpt-source">
                {x.documentTitle}
                {x.participant ? ` · ${x.participant}` : ''}
              </span>
              <span className="chips">
                {x.codes.map((c) => (
                  <CodeChip key={c.id} code={c} />
                ))}
              </span>
              <button
                type="button"
                className="button small"
                disabled={onBoard.has(x.id)}
                aria-label={onBoard.has(x.id) ? 'On the board' : `Add to board: ${head(x.text, 60)}`}
                onClick={() => void useBoard.getState().addExcerpt(x.id)}
              >
                {onBoard.has(x.id) ? 'On the board' : 'Add to board'}
              </button>
              <LinkHypothesisButton excerptId={x.id} text={x.text} small />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
