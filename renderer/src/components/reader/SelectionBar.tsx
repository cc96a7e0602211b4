import { quickCodes, useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { CodeChip } from '../common/CodeChip.js';

/** Floats above the selected text: the quick codes with their keys (1–9), and "Code…". */
export function SelectionBar({ top, left }: { top: number; left: number }) {
  const list = useCodes((s) => s.list);
  const quick = useCodes((s) => s.quick);
  const pickerOpen = useCoding((s) => s.pickerOpen);
  const busy = useCoding((s) => s.busy);
  if (pickerOpen) return null;
  const codes = quickCodes({ list, quick });
  return (
    <div
      className="selection-bar"
      role="toolbar"
      aria-label="Code the selection"
      style={{ top, left }}
      // Pressing a button must not collapse the text selection it acts on.
      onMouseDown={(e) => e.preventDefault()}
    >
      {codes.map(({ key, code }) => (
        <button
          key={code.id}
          type="button"
          className="bar-code"
          disabled={busy}
          data-quick-key={key}
          aria-label={`Apply code ${code.name} (key ${key})`}
          onClick={() => void useCoding.getState().apply([code.id])}
        >
          <kbd>{key}</kbd>
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
