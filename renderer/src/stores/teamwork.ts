/**
 * Teamwork: merging a teammate's project (a dry run shown first, then the merge) and comparing
 * coders (intercoder agreement). Which dialog is open lives here too.
 */
import { create } from 'zustand';
import type { IntercoderAgreement } from '../../../core/contract/measures-types.js';
import type { Coder, MergeResult } from '../../../core/contract/types.js';
import { getClient } from '../client/index.js';
import { readFileBase64 } from '../lib/files.js';
import { guard, mutate, useActivity } from './activity.js';

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export type TeamDialog = 'merge' | 'agreement' | null;

interface TeamworkState {
  dialog: TeamDialog;
  /** The teammate's file chosen for merging, and what merging it would do. */
  mergeFile: { name: string; dataBase64: string } | null;
  preview: MergeResult | null;
  busy: boolean;
  coders: Coder[];
  chosen: string[];
  agreement: IntercoderAgreement | null;
  open(dialog: Exclude<TeamDialog, null>): Promise<void>;
  close(): void;
  chooseMergeFile(file: File): Promise<void>;
  merge(): Promise<MergeResult | undefined>;
  toggleCoder(name: string): void;
  compare(): Promise<void>;
}

export const useTeamwork = create<TeamworkState>()((set, get) => ({
  dialog: null,
  mergeFile: null,
  preview: null,
  busy: false,
  coders: [],
  chosen: [],
  agreement: null,

  async open(dialog) {
    set({ dialog, mergeFile: null, preview: null, agreement: null });
    if (dialog === 'agreement') {
      // Only coders who coded something can be compared.
      const coders = ((await guard(() => getClient().call('coders.list', {}))) ?? []).filter((c) => c.codings > 0);
      // Start with the two coders who coded most: the usual comparison.
      const chosen = [...coders]
        .sort((a, b) => b.codings - a.codings)
        .slice(0, 2)
        .map((c) => c.name);
      set({ coders, chosen });
    }
  },
  close: () => set({ dialog: null, mergeFile: null, preview: null, agreement: null }),

  async chooseMergeFile(file) {
    set({ busy: true, preview: null, mergeFile: null });
    try {
      const dataBase64 = await guard(() => readFileBase64(file));
      if (dataBase64 === undefined) return;
      const mergeFile = { name: file.name, dataBase64 };
      const preview = await guard(() => getClient().call('project.merge', { source: mergeFile, dryRun: true }));
      if (preview) set({ mergeFile, preview });
    } finally {
      set({ busy: false });
    }
  },

  async merge() {
    const { mergeFile, busy } = get();
    if (!mergeFile || busy) return undefined;
    set({ busy: true });
    try {
      const result = await mutate(() => getClient().call('project.merge', { source: mergeFile, dryRun: false }));
      if (result) {
        useActivity
          .getState()
          .toast(
            'success',
            `Merged ${result.file}: ${count(result.documents.added, 'document')}, ${count(result.codes.added, 'code')}, ${count(result.codings.added, 'coding')} added`,
          );
        set({ dialog: null, mergeFile: null, preview: null });
      }
      return result;
    } finally {
      set({ busy: false });
    }
  },

  toggleCoder(name) {
    const chosen = get().chosen;
    set({ chosen: chosen.includes(name) ? chosen.filter((c) => c !== name) : [...chosen, name], agreement: null });
  },

  async compare() {
    const { chosen } = get();
    if (chosen.length < 2) return;
    set({ busy: true });
    try {
      const agreement = await guard(() => getClient().call('analysis.agreement', { coders: chosen }));
      set({ agreement: agreement ?? null });
    } finally {
      set({ busy: false });
    }
  },
}));
