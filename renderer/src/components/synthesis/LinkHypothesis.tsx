/**
 * "Hypothesis…" beside an excerpt (Excerpts list, Retrieve, the excerpt panel beside the
 * reader): a dialog listing the hypotheses, each with Supports and Contradicts, so evidence is
 * linked where it is read instead of from the Hypotheses view only.
 */
import { useEffect, useState } from 'react';
import type { ExcerptId } from '../../../../core/contract/index.js';
import { clip, head } from '../../lib/graphemes.js';
import { useHypotheses } from '../../stores/hypotheses.js';
import { useNav } from '../../stores/nav.js';
import { Dialog } from '../common/Dialog.js';

export function LinkHypothesisButton({
  excerptId,
  text,
  small,
}: {
  excerptId: ExcerptId;
  text: string;
  small?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`button${small ? ' small' : ''}`}
        aria-label={`Link to a hypothesis: ${head(text, 60)}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Hypothesis…
      </button>
      {open && <LinkHypothesisDialog excerptId={excerptId} text={text} onClose={() => setOpen(false)} />}
    </>
  );
}

function LinkHypothesisDialog({ excerptId, text, onClose }: { excerptId: ExcerptId; text: string; onClose(): void }) {
  const list = useHypotheses((s) => s.list);
  const loaded = useHypotheses((s) => s.loaded);
  useEffect(() => {
    void useHypotheses.getState().load();
  }, []);
  const link = (id: (typeof list)[number]['id'], stance: 'supports' | 'contradicts') => {
    void useHypotheses.getState().link(id, [excerptId], stance);
    onClose();
  };
  return (
    <Dialog label="Link to a hypothesis" onClose={onClose} className="link-hypothesis">
      <h2>Link to a hypothesis</h2>
      <blockquote className="quote small">{clip(text, 200)}</blockquote>
      {loaded && list.length === 0 ? (
        <p className="muted small">
          No hypotheses yet.{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              onClose();
              useNav.getState().go('hypotheses');
            }}
          >
            State one in Hypotheses
          </button>
          .
        </p>
      ) : (
        <ul className="link-hypothesis-list" aria-label="Hypotheses">
          {list.map((h) => {
            const stance = h.supporting.includes(excerptId)
              ? 'supports'
              : h.contradicting.includes(excerptId)
                ? 'contradicts'
                : null;
            return (
              <li key={h.id} data-hypothesis-id={h.id}>
                <span className="link-hypothesis-statement">
                  {h.statement}
                  <span className="muted small"> · {h.status}</span>
                </span>
                <span className="link-hypothesis-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-pressed={stance === 'supports'}
                    aria-label={`Supports: ${h.statement}`}
                    data-autofocus={h === list[0] ? true : undefined}
                    onClick={() => link(h.id, 'supports')}
                  >
                    Supports
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-pressed={stance === 'contradicts'}
                    aria-label={`Contradicts: ${h.statement}`}
                    onClick={() => link(h.id, 'contradicts')}
                  >
                    Contradicts
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
