/**
 * Insights: the ordered list (filtered by status and priority), the open insight's detail
 * (evidence with stance, strength), and every edit, each one contract call (one undo step).
 */
import { create } from 'zustand';
import type {
  CardId,
  Coder,
  CoderId,
  EvidenceStance,
  ExcerptId,
  GroupId,
  Insight,
  InsightDetail,
  InsightId,
  InsightStatus,
  Priority,
} from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly, mutate } from './activity.js';
import { changed } from './changes.js';
import { useNav } from './nav.js';

export type InsightPatch = Partial<{
  title: string;
  statement: string;
  recommendation: string;
  priority: Priority | null;
  status: InsightStatus;
  ownerId: CoderId | null;
}>;

interface InsightsState {
  list: Insight[];
  /** Who can own an insight: the project's coders. */
  coders: Coder[];
  loaded: boolean;
  openId: InsightId | null;
  detail: InsightDetail | null;
  statusFilter: InsightStatus | null;
  priorityFilter: Priority | null;
  load(): Promise<void>;
  open(id: InsightId | null): Promise<void>;
  setFilter(status: InsightStatus | null, priority: Priority | null): void;
  /** A new insight (blank, from a group or from cards), opened in the Insights section. */
  create(input: { title: string; statement: string; fromGroup?: GroupId; fromCards?: CardId[] }): Promise<void>;
  update(patch: InsightPatch): Promise<void>;
  setStance(excerptId: ExcerptId, stance: EvidenceStance): Promise<void>;
  removeEvidence(excerptId: ExcerptId): Promise<void>;
  /** Moves an insight one place up (-1) or down (+1). */
  step(id: InsightId, by: -1 | 1): Promise<void>;
  /** Moves an insight to `to` (its index in the whole list, as it will be after the move). */
  moveTo(id: InsightId, to: number): Promise<void>;
  remove(id: InsightId): Promise<void>;
  reset(): void;
}

const seq = latestOnly();

export function shown(list: readonly Insight[], status: InsightStatus | null, priority: Priority | null): Insight[] {
  return list.filter((i) => (status === null || i.status === status) && (priority === null || i.priority === priority));
}

export const useInsights = create<InsightsState>()((set, get) => ({
  list: [],
  coders: [],
  loaded: false,
  openId: null,
  detail: null,
  statusFilter: null,
  priorityFilter: null,

  async load() {
    const client = getClient();
    const answer = await guard(() =>
      seq(async () => {
        const [list, coders] = await Promise.all([client.call('insights.list', {}), client.call('coders.list', {})]);
        const id = get().openId;
        const detail = id !== null && list.some((i) => i.id === id) ? await client.call('insights.get', { id }) : null;
        return { list, coders, detail };
      }),
    );
    if (answer) set({ ...answer.value, openId: answer.value.detail?.id ?? null, loaded: true });
  },

  async open(id) {
    set({ openId: id, detail: id === get().detail?.id ? get().detail : null });
    if (id === null) return;
    const detail = await guard(() => getClient().call('insights.get', { id }));
    if (detail && get().openId === id) set({ detail });
  },

  setFilter(statusFilter, priorityFilter) {
    set({ statusFilter, priorityFilter });
  },

  async create(input) {
    const answer = await mutate(() => getClient().call('insights.add', { ...input, evidence: [] }));
    if (!answer) return;
    set({ openId: answer.insightId });
    await changed('insights.add');
    useNav.getState().go('insights');
    await get().load();
  },

  async update(patch) {
    const id = get().openId;
    if (id === null) return;
    const detail = await mutate(() => getClient().call('insights.update', { id, ...patch }));
    if (detail) set({ detail });
    await changed('insights.update');
  },

  async setStance(excerptId, stance) {
    const id = get().openId;
    if (id === null) return;
    const detail = await mutate(() => getClient().call('insights.setEvidence', { id, excerptId, stance }));
    if (detail) set({ detail });
    await changed('insights.setEvidence');
  },

  async removeEvidence(excerptId) {
    const id = get().openId;
    if (id === null) return;
    const detail = await mutate(() => getClient().call('insights.removeEvidence', { id, excerptId }));
    if (detail) set({ detail });
    await changed('insights.removeEvidence');
  },

  async step(id, by) {
    const at = get().list.findIndex((i) => i.id === id);
    if (at >= 0) await get().moveTo(id, at + by);
  },

  async moveTo(id, to) {
    const list = get().list;
    const at = list.findIndex((i) => i.id === id);
    if (at < 0 || to < 0 || to >= list.length || to === at) return;
    const next = [...list];
    const [moved] = next.splice(at, 1);
    if (moved) next.splice(to, 0, moved);
    // reorder places it before `before`: the one that follows it in the new order (none: last).
    const before = next[to + 1]?.id ?? null;
    set({ list: next });
    const answer = await mutate(() => getClient().call('insights.reorder', { id, before }));
    if (answer) set({ list: answer });
    await changed('insights.reorder');
  },

  async remove(id) {
    const ok = await mutate(() => getClient().call('insights.delete', { id }));
    if (!ok) return;
    if (get().openId === id) set({ openId: null, detail: null });
    await changed('insights.delete');
  },

  reset() {
    set({ list: [], loaded: false, openId: null, detail: null });
  },
}));
