import { recentCodes, useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { CodeChip } from '../common/CodeChip.js';

const SHOWN = 4;

/** Floats above the selected text: the recent codes and "Code…". */
export function SelectionBar({ top, left }: { top: number; left: number }) {
  const list = useCodes((s) => s.list);
  const recent = useCodes((s) => s.recent);
  const pickerOpen = useCoding((s) => s.pickerOpen);
  const busy = useCoding((s) => s.busy);
  if (pickerOpen) return null;
  const codes = recentCodes({ list, recent }).slice(0, SHOWN);
  return (
    <div
      className="selection-bar"
      role="toolbar"
      aria-label="Code the selection"
      style={{ top, left }}
      // Pressing a button must not collapse the text selection it acts on.
      onMouseDown={(e) => e.preventDefault()}
    >
      {codes.map((code, i) => (
        <button
          key={code.id}
          type="button"
          className="bar-code"
          disabled={busy}
          aria-label={`Apply code ${code.name} (key ${i + 1})`}
          onClick={() => void useCoding.getState().apply([code.id])}
        >
          <kbd>{i + 1}</kbd>
          <CodeChip code={code} />
        </button>
      ))}
      <button
        type="button"
        className="bar-main"
        aria-label="Code… (C)"
        onClick={() => useCoding.getState().openPicker()}
      >
        Code… <kbd>C</kbd>
      </button>
    </div>
  );
}
