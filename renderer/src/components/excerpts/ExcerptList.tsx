import { useMemo } from 'react';
import type { Excerpt } from '../../../../core/contract/index.js';
import { useBoard } from '../../stores/board.js';
import { useCoding } from '../../stores/coding.js';
import { useDocuments } from '../../stores/documents.js';
import { useNav } from '../../stores/nav.js';
import { CodeChip } from '../common/CodeChip.js';

/** Excerpts as quotes with their source and codes; a quote opens its transcript. */
export function ExcerptList({ excerpts, label }: { excerpts: Excerpt[]; label: string }) {
  const board = useBoard((s) => s.current);
  const onBoard = useMemo(() => new Set(board?.cards.map((c) => c.excerpt?.id)), [board]);
  const focusedId = useCoding((s) => s.focusedExcerptId);
  return (
    <ul className="excerpt-list" aria-label={label}>
      {excerpts.map((x) => (
        <li key={x.id} className={`excerpt ${focusedId === x.id ? 'focused' : ''}`}>
          <button
            type="button"
            className="excerpt-open"
            aria-label={`Open in transcript: ${x.text.slice(0, 80)}`}
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
              aria-label={onBoard.has(x.id) ? 'On the board' : `Add to board: ${x.text.slice(0, 60)}`}
              onClick={() => void useBoard.getState().addExcerpt(x.id)}
            >
              {onBoard.has(x.id) ? 'On the board' : 'Add to board'}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
