import { useNav } from '../../stores/nav.js';
import { Dialog } from '../common/Dialog.js';

const SHORTCUTS: [string, string][] = [
  ['C', 'Code the selected text (quick picker)'],
  ['1 – 9', 'Apply the quick code on that key to the selection (shown beside the selection; set keys in the codebook)'],
  ['↑ ↓ Enter', 'Move and apply in the quick picker; Enter on no match creates the code'],
  ['J / K', 'Next / previous excerpt in the transcript'],
  ['B', 'Add the selected excerpt to the board'],
  ['M', 'Memo on the selected excerpt, or on the document quoting the selection'],
  ['Ctrl/⌘ F', 'Find in the document (Enter / Shift Enter: next / previous)'],
  ['Ctrl/⌘ K', 'Command palette: actions, codes, documents, participants'],
  ['Esc', 'Close the picker or dialog, clear the selection'],
  ['Space / Shift Space', 'On a wall card: pick it (add it to the selection)'],
  ['M', 'On the wall: move the selected cards to a group (a picker)'],
  ['Arrows (Shift: ×5)', 'On the wall: nudge the selected cards'],
  ['N / G / V / Delete', 'On the wall: new note, group the selection, vote, remove from the board'],
  ['+ − 0', 'On the wall: zoom in, out, fit to content'],
  ['Tab', 'On the wall: the next card or group heading (the view follows it)'],
  ['↑ ↓ Home End', 'In the codebook: go to the next, previous, first or last code'],
  ['→ ←', 'In the codebook: unfold a code or go to its first child; fold it or go to its parent'],
  ['Alt ↑ ↓ → ←', 'In the codebook: move a code up, down, inside the one above, out of its parent'],
  ['Ctrl/⌘ Z', 'Undo the last coding, codebook, memo or board action'],
  ['Shift Ctrl/⌘ Z', 'Redo (also Ctrl Y)'],
  ['/', 'Search the project'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog() {
  const close = () => useNav.getState().setShortcutsOpen(false);
  return (
    <Dialog label="Keyboard shortcuts" onClose={close}>
      <h2>Keyboard shortcuts</h2>
      <p className="muted">Single keys never fire while you type in a field.</p>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
