import type { Excerpt } from '../../../../core/contract/index.js';
import { useBoard } from '../../stores/board.js';
import { useCoding } from '../../stores/coding.js';
import { useDocuments } from '../../stores/documents.js';
import { useNav } from '../../stores/nav.js';
import { CodeChip } from '../common/CodeChip.js';
import { LinkHypothesisButton } from '../synthesis/LinkHypothesis.js';
import { ParticipantFacts } from './ParticipantFacts.js';

/** An excerpt: its text, source, participant, codes, and what can be done with it. */
export function ExcerptContext({ excerpt }: { excerpt: Excerpt }) {
  const coding = useCoding.getState();
  const openId = useDocuments((s) => s.openId);
  const section = useNav((s) => s.section);
  const onBoard = useBoard((s) => s.current?.cards.some((c) => c.excerpt?.id === excerpt.id) ?? false);
  const inReader = section === 'documents' && openId === excerpt.documentId;
  return (
    <section className="panel-section" aria-labelledby="panel-excerpt">
      <div className="panel-head">
        <h2 id="panel-excerpt">Excerpt</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close excerpt details"
          onClick={() => coding.focusExcerpt(null)}
        >
          ×
        </button>
      </div>
      <blockquote className="quote">{excerpt.text}</blockquote>
      <p className="muted small">
        {excerpt.documentTitle}
        {excerpt.participant ? ` · ${excerpt.participant}` : ''}
      </p>
      <ParticipantFacts label={excerpt.participant} />
      <h3>Codes</h3>
      {excerpt.codes.length === 0 ? (
        <p className="muted small" data-testid="uncoded-note">
          Uncoded: the text stays selected as an excerpt. Add a code, or delete the excerpt.
        </p>
      ) : (
        <div className="chips">
          {excerpt.codes.map((code) => (
            <CodeChip key={code.id} code={code} onRemove={() => void coding.untag(excerpt.id, code.id)} />
          ))}
        </div>
      )}
      {inReader && (
        <p className="muted small">
          To change its boundaries, select the text it should cover: this panel then offers to set or extend them.
        </p>
      )}
      <div className="panel-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            coding.openPicker({
              documentId: excerpt.documentId,
              start: excerpt.start,
              end: excerpt.end,
              text: excerpt.text,
            })
          }
        >
          Add code…
        </button>
        <button type="button" className="button" onClick={() => coding.memo()}>
          Memo… <kbd>M</kbd>
        </button>
        <button
          type="button"
          className="button"
          disabled={onBoard}
          onClick={() => void useBoard.getState().addExcerpt(excerpt.id)}
        >
          {onBoard ? 'On the board' : 'Add to board'}
        </button>
        <LinkHypothesisButton excerptId={excerpt.id} text={excerpt.text} />
        {!inReader && (
          <button
            type="button"
            className="button"
            onClick={() => {
              useNav.getState().go('documents');
              void useDocuments.getState().open(excerpt.documentId, { start: excerpt.start, end: excerpt.end });
            }}
          >
            Open in transcript
          </button>
        )}
        <button type="button" className="button danger" onClick={() => void coding.deleteExcerpt(excerpt.id)}>
          Delete excerpt
        </button>
      </div>
    </section>
  );
}
