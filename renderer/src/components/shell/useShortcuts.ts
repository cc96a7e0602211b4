/**
 * Single-key shortcuts for the whole window. They never fire while typing in a field or
 * while a dialog is open, and never with Ctrl/Cmd/Alt (those belong to the browser/OS).
 */
import { useEffect } from 'react';
import { hasCommandModifier, isTypingTarget } from '../../lib/keys.js';
import { useBoard } from '../../stores/board.js';
import { useCoding } from '../../stores/coding.js';
import { useHistory } from '../../stores/history.js';
import { useNav } from '../../stores/nav.js';
import { usePalette } from '../../stores/palette.js';

function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl/Cmd+K: the command palette, from anywhere but another dialog (fields included).
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k' && !dialogOpen()) {
        e.preventDefault();
        usePalette.getState().show();
        return;
      }
      if (e.defaultPrevented || isTypingTarget(e.target) || dialogOpen()) return;
      // Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y): the project's undo, outside fields (fields keep their own).
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
        e.preventDefault();
        const redo = e.key.toLowerCase() === 'y' || e.shiftKey;
        void (redo ? useHistory.getState().redo() : useHistory.getState().undo());
        return;
      }
      if (hasCommandModifier(e)) return;
      const coding = useCoding.getState();
      if (e.key === 'c' || e.key === 'C') {
        if (coding.openPicker()) e.preventDefault();
        return;
      }
      if (/^[1-9]$/.test(e.key) && coding.selection) {
        e.preventDefault();
        void coding.applyQuick(Number(e.key));
        return;
      }
      if ((e.key === 'j' || e.key === 'k') && useNav.getState().section === 'documents') {
        e.preventDefault();
        coding.stepExcerpt(e.key === 'j' ? 1 : -1);
        return;
      }
      if ((e.key === 'm' || e.key === 'M') && useNav.getState().section === 'documents') {
        if (coding.memo()) e.preventDefault();
        return;
      }
      if (e.key === 'b' && coding.focusedExcerptId !== null) {
        e.preventDefault();
        void useBoard.getState().addExcerpt(coding.focusedExcerptId);
        return;
      }
      if (e.key === '/') {
        e.preventDefault();
        useNav.getState().go('search');
        // The search field mounts with the view; focus it once it is there.
        requestAnimationFrame(() => document.getElementById('search-input')?.focus());
        return;
      }
      if (e.key === '?') {
        e.preventDefault();
        useNav.getState().setShortcutsOpen(true);
        return;
      }
      if (e.key === 'Escape') {
        if (coding.selection) {
          window.getSelection()?.removeAllRanges();
          coding.setSelection(null);
        } else if (coding.focusedExcerptId !== null) {
          coding.focusExcerpt(null);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
