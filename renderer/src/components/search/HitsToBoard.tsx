import { useState } from 'react';
import type { CodeExtent, SearchHit } from '../../../../core/contract/index.js';
import { useBoard } from '../../stores/board.js';
import { hitKey } from '../../stores/search.js';

/**
 * Hits onto the wall: the picked ones or all shown. A hit is not an excerpt yet: it becomes an
 * uncoded one holding its sentence (or the match, or its turn), so the card keeps its source and
 * codes like any other excerpt later.
 */
export function HitsToBoard({
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
