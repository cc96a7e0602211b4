import { quickCodes, useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { useDocuments } from '../../stores/documents.js';
import { useExcerpt } from '../../stores/lookup.js';
import { CodeChip } from '../common/CodeChip.js';

/** Text selected in the reader, with the quick codes that 1–9 apply. */
export function SelectionContext({ text }: { text: string }) {
  const list = useCodes((s) => s.list);
  const quick = useCodes((s) => s.quick);
  const codes = quickCodes({ list, quick });
  const focused = useExcerpt(useCoding((s) => s.focusedExcerptId));
  const selection = useCoding((s) => s.selection);
  const doc = useDocuments((s) => s.doc);
  const coding = useCoding.getState();
  const turn = selection ? coding.selectionTurn() : null;
  const speaker = turn !== null ? doc?.turns[turn]?.speaker : null;
  const sameDoc = focused && selection && focused.documentId === selection.documentId;
  return (
    <section className="panel-section" aria-labelledby="panel-selection">
      <h2 id="panel-selection">Selection</h2>
      <blockquote className="quote">{text.length > 400 ? `${text.slice(0, 400)}…` : text}</blockquote>
      <p className="muted small">
        Press <kbd>C</kbd> to code it{codes.length > 0 ? ', or the number of a quick code' : ''}.
      </p>
      {codes.length > 0 && (
        <ol className="recent-codes" aria-label="Quick codes">
          {codes.map(({ key, code }) => (
            <li key={code.id}>
              <button
                type="button"
                className="recent-code"
                aria-label={`Apply code ${code.name} (key ${key})`}
                onClick={() => void useCoding.getState().apply([code.id])}
              >
                <kbd>{key}</kbd>
                <CodeChip code={code} />
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="panel-actions">
        <button type="button" className="button" onClick={() => coding.memo()}>
          Memo… <kbd>M</kbd>
        </button>
        {turn !== null && doc && (
          <button type="button" className="button" onClick={() => coding.codeTurns(doc.id, { turn })}>
            Code this whole turn…
          </button>
        )}
        {speaker && doc && (
          <button type="button" className="button" onClick={() => coding.codeTurns(doc.id, { speaker })}>
            Code all turns of {speaker}…
          </button>
        )}
      </div>
      {sameDoc && (
        <>
          <h3>Selected excerpt</h3>
          <blockquote className="quote small">
            {focused.text.length > 160 ? `${focused.text.slice(0, 160)}…` : focused.text}
          </blockquote>
          <div className="panel-actions">
            <button type="button" className="button" onClick={() => void coding.resizeToSelection('set')}>
              Set its boundaries to this selection
            </button>
            <button type="button" className="button" onClick={() => void coding.resizeToSelection('extend')}>
              Extend it to include this selection
            </button>
          </div>
        </>
      )}
    </section>
  );
}
