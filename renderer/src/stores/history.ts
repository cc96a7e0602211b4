/**
 * Undo/redo lives in core (one step per contract call); this store only shows what the next
 * undo/redo would do and asks core to do it, then refreshes every view.
 */
import { create } from 'zustand';
import type { HistoryStatus } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

interface HistoryState extends HistoryStatus {
  load(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  reset(): void;
}

const EMPTY: HistoryStatus = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
const seq = latestOnly();

export const useHistory = create<HistoryState>()((set, get) => ({
  ...EMPTY,

  async load() {
    const answer = await guard(() => seq(() => getClient().call('history.status', {})));
    if (answer) set(answer.value);
  },

  async undo() {
    if (!get().canUndo) {
      useActivity.getState().toast('info', 'Nothing to undo.');
      return;
    }
    const label = get().undoLabel;
    const status = await mutate(() => getClient().call('history.undo', {}));
    if (!status) return;
    set(status);
    if (label) useActivity.getState().toast('info', label.replace(/^Undo: /, 'Undone: '));
    await changed('history.undo');
  },

  async redo() {
    if (!get().canRedo) {
      useActivity.getState().toast('info', 'Nothing to redo.');
      return;
    }
    const label = get().redoLabel;
    const status = await mutate(() => getClient().call('history.redo', {}));
    if (!status) return;
    set(status);
    if (label) useActivity.getState().toast('info', label.replace(/^Redo: /, 'Redone: '));
    await changed('history.redo');
  },

  reset() {
    set(EMPTY);
  },
}));
