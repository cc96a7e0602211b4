/**
 * The hypothesis register: statements with status (open, supported, refuted), evidence for
 * and against, and the status history; each edit is one contract call (one undo step).
 */
import { create } from 'zustand';
import type { Hypothesis, HypothesisId, HypothesisStatus, Stance } from '../../../core/contract/hypotheses-types.js';
import type { ExcerptId } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

interface HypothesesState {
  list: Hypothesis[];
  loaded: boolean;
  openId: HypothesisId | null;
  load(): Promise<void>;
  open(id: HypothesisId | null): void;
  add(statement: string): Promise<void>;
  setStatus(id: HypothesisId, status: HypothesisStatus, note?: string): Promise<void>;
  link(id: HypothesisId, excerptIds: ExcerptId[], stance: Stance): Promise<void>;
  unlink(id: HypothesisId, excerptId: ExcerptId): Promise<void>;
  remove(id: HypothesisId): Promise<void>;
  reset(): void;
}

const seq = latestOnly();

export const useHypotheses = create<HypothesesState>()((set, get) => {
  /** Puts one changed hypothesis into the list (the methods answer with it). */
  const put = (h: Hypothesis | undefined) => {
    if (h) set({ list: get().list.map((x) => (x.id === h.id ? h : x)) });
  };
  return {
    list: [],
    loaded: false,
    openId: null,

    async load() {
      const answer = await guard(() => seq(() => getClient().call('hypotheses.list', {})));
      if (answer) set({ list: answer.value, loaded: true });
    },

    open(openId) {
      set({ openId });
    },

    async add(statement) {
      const answer = await mutate(() => getClient().call('hypotheses.add', { statement }));
      if (!answer) return;
      set({ openId: answer.hypothesisId });
      await changed('hypotheses.add');
      await get().load();
    },

    async setStatus(id, status, note) {
      put(await mutate(() => getClient().call('hypotheses.setStatus', { id, status, ...(note ? { note } : {}) })));
      await changed('hypotheses.setStatus');
    },

    async link(id, excerptIds, stance) {
      const h = await mutate(() => getClient().call('hypotheses.linkEvidence', { id, excerptIds, stance }));
      put(h);
      await changed('hypotheses.linkEvidence');
      if (h)
        useActivity
          .getState()
          .toast('success', `Linked as ${stance === 'supports' ? 'supporting' : 'contradicting'} evidence`);
    },

    async unlink(id, excerptId) {
      put(await mutate(() => getClient().call('hypotheses.unlinkEvidence', { id, excerptId })));
      await changed('hypotheses.unlinkEvidence');
    },

    async remove(id) {
      const ok = await mutate(() => getClient().call('hypotheses.delete', { id }));
      if (!ok) return;
      if (get().openId === id) set({ openId: null });
      await changed('hypotheses.delete');
      await get().load();
    },

    reset() {
      set({ list: [], loaded: false, openId: null });
    },
  };
});
