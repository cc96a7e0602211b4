/** Memos: the list of every memo, and adding, editing and deleting them. */
import { create } from 'zustand';
import type { Memo, MemoId, MemoTargetKind } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

/** A memo being written in the quick memo dialog (M). */
export interface MemoDraft {
  targetKind: MemoTargetKind;
  targetId: number | null;
  /** What it is about, for the dialog's heading. */
  label: string;
  body: string;
}

interface MemosState {
  draft: MemoDraft | null;
  openDraft(draft: MemoDraft): void;
  closeDraft(): void;
  /** Saves the draft with this title and body; closes it when saved. */
  saveDraft(title: string, body: string): Promise<boolean>;
  list: Memo[];
  loaded: boolean;
  selectedId: MemoId | null;
  reload(): Promise<void>;
  select(id: MemoId | null): void;
  add(targetKind: MemoTargetKind, targetId: number | null, body: string, title?: string): Promise<Memo | undefined>;
  update(id: MemoId, fields: { title?: string; body?: string }): Promise<boolean>;
  remove(id: MemoId): Promise<boolean>;
  reset(): void;
}

const seq = latestOnly();

export const useMemos = create<MemosState>()((set, get) => ({
  list: [],
  loaded: false,
  selectedId: null,
  draft: null,

  openDraft(draft) {
    set({ draft });
  },

  closeDraft() {
    set({ draft: null });
  },

  async saveDraft(title, body) {
    const draft = get().draft;
    if (!draft || body.trim() === '') return false;
    const memo = await get().add(draft.targetKind, draft.targetId, body, title.trim() || undefined);
    if (!memo) return false;
    set({ draft: null });
    useActivity.getState().toast('success', `Memo saved on ${draft.label}`);
    return true;
  },

  async reload() {
    const answer = await guard(() => seq(() => getClient().call('memos.list', {})));
    if (answer) set({ list: answer.value, loaded: true });
  },

  select(selectedId) {
    set({ selectedId });
  },

  async add(targetKind, targetId, body, title) {
    const input = {
      targetKind,
      ...(targetId !== null ? { targetId } : {}),
      body,
      ...(title ? { title } : {}),
    };
    const memo = await mutate(() => getClient().call('memos.add', input));
    if (memo) {
      set({ selectedId: memo.id });
      await changed('memos.add');
    }
    return memo;
  },

  async update(id, fields) {
    const memo = await mutate(() => getClient().call('memos.update', { id, ...fields }));
    if (memo) await changed('memos.update');
    return memo !== undefined;
  },

  async remove(id) {
    const done = await mutate(() => getClient().call('memos.delete', { id }));
    if (!done) return false;
    if (get().selectedId === id) set({ selectedId: null });
    await changed('memos.delete');
    return true;
  },

  reset() {
    set({ list: [], loaded: false, selectedId: null, draft: null });
  },
}));
