/** Participants and their attributes (market, segment, …), for cards and the context panel. */
import { create } from 'zustand';
import type { Participant } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly } from './activity.js';

interface ParticipantsState {
  list: Participant[];
  load(): Promise<void>;
  reset(): void;
}

const seq = latestOnly();

export const useParticipants = create<ParticipantsState>()((set) => ({
  list: [],
  async load() {
    const answer = await guard(() => seq(() => getClient().call('participants.list', {})));
    if (answer) set({ list: answer.value });
  },
  reset() {
    set({ list: [] });
  },
}));

/** The attribute a card shows beside the participant: the market when there is one. */
const KEY_ATTRIBUTES = ['market', 'country', 'segment', 'role'];

export function keyAttribute(p: Participant | undefined): string | null {
  if (!p) return null;
  const entries = Object.entries(p.attributes);
  for (const key of KEY_ATTRIBUTES) {
    const hit = entries.find(([k]) => k.toLocaleLowerCase() === key);
    if (hit?.[1]) return hit[1];
  }
  return entries[0]?.[1] ?? null;
}

export function useParticipant(label: string | null): Participant | undefined {
  return useParticipants((s) => (label === null ? undefined : s.list.find((p) => p.label === label)));
}
