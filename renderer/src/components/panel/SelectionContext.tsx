import { recentCodes, useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { CodeChip } from '../common/CodeChip.js';

/** Text selected in the reader, with the recent codes that 1–9 apply. */
export function SelectionContext({ text }: { text: string }) {
  const list = useCodes((s) => s.list);
  const recent = useCodes((s) => s.recent);
  const codes = recentCodes({ list, recent });
  return (
    <section className="panel-section" aria-labelledby="panel-selection">
      <h2 id="panel-selection">Selection</h2>
      <blockquote className="quote">{text.length > 400 ? `${text.slice(0, 400)}…` : text}</blockquote>
      <p className="muted small">
        Press <kbd>C</kbd> to code it{codes.length > 0 ? ', or a number for a recent code' : ''}.
      </p>
      {codes.length > 0 && (
        <ol className="recent-codes">
          {codes.map((code, i) => (
            <li key={code.id}>
              <button type="button" className="recent-code" onClick={() => void useCoding.getState().apply([code.id])}>
                <kbd>{i + 1}</kbd>
                <CodeChip code={code} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
