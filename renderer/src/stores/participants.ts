/**
 * Participants and their typed attributes (market, segment, …): for cards and the context
 * panel (`list`), and for the Participants table (attributes, a filter by one attribute
 * value, inline edits, new participants and attributes, linked documents).
 */
import { create } from 'zustand';
import type {
  Attribute,
  AttributeId,
  AttributeType,
  DocumentId,
  Participant,
  ParticipantId,
} from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, latestOnly, mutate } from './activity.js';
import { changed } from './changes.js';

export interface AttributeFilter {
  name: string;
  value: string;
}

interface ParticipantsState {
  /** Every participant. */
  list: Participant[];
  attributes: Attribute[];
  /** The table's filter (one attribute = one value), or null for everyone. */
  filter: AttributeFilter | null;
  /** The participants the filter lets through (all of them without a filter). */
  rows: Participant[];
  load(): Promise<void>;
  setFilter(filter: AttributeFilter | null): Promise<void>;
  add(label: string): Promise<Participant | undefined>;
  rename(id: ParticipantId, label: string): Promise<boolean>;
  /** Sets one attribute value; an empty value clears it. */
  setAttribute(id: ParticipantId, name: string, value: string): Promise<boolean>;
  addAttribute(name: string, type: AttributeType, choices: string[]): Promise<Attribute | undefined>;
  /** Renames an attribute, changes its type or its choices; the core refuses values that would no longer fit. */
  updateAttribute(
    id: AttributeId,
    patch: { name: string; type: AttributeType; choices: string[]; identifying?: boolean },
  ): Promise<boolean>;
  /** The real name and the pseudonym of a redacted report; "" clears either. */
  setNames(id: ParticipantId, names: { displayName?: string; pseudonym?: string }): Promise<boolean>;
  /** Makes `documentIds` exactly the documents linked to the participant (others are unlinked). */
  linkDocuments(id: ParticipantId, documentIds: DocumentId[]): Promise<boolean>;
  reset(): void;
}

const seq = latestOnly();

async function fetchAll(filter: AttributeFilter | null) {
  const client = getClient();
  const [list, attributes, rows] = await Promise.all([
    client.call('participants.list', {}),
    client.call('attributes.list', {}),
    filter ? client.call('participants.list', { attributes: { [filter.name]: filter.value } }) : null,
  ]);
  return { list, attributes, rows: rows ?? list };
}

export const useParticipants = create<ParticipantsState>()((set, get) => ({
  list: [],
  attributes: [],
  filter: null,
  rows: [],

  async load() {
    const answer = await guard(() => seq(() => fetchAll(get().filter)));
    if (answer) set(answer.value);
  },

  async setFilter(filter) {
    set({ filter });
    await get().load();
  },

  async add(label) {
    const p = await mutate(() => getClient().call('participants.add', { label }));
    if (p) await changed('participants.add');
    return p;
  },

  async rename(id, label) {
    const p = await mutate(() => getClient().call('participants.update', { id, label }));
    if (p) await changed('participants.update');
    return p !== undefined;
  },

  async setNames(id, names) {
    const input = {
      id,
      ...(names.displayName !== undefined ? { displayName: names.displayName.trim() || null } : {}),
      ...(names.pseudonym !== undefined ? { pseudonym: names.pseudonym.trim() || null } : {}),
    };
    const p = await mutate(() => getClient().call('participants.update', input));
    if (p) await changed('participants.update');
    return p !== undefined;
  },

  async setAttribute(id, name, value) {
    const v = value.trim();
    const p = await mutate(() =>
      getClient().call('participants.setAttributes', { id, attributes: { [name]: v === '' ? null : v } }),
    );
    if (p) await changed('participants.setAttributes');
    return p !== undefined;
  },

  async addAttribute(name, type, choices) {
    const input = type === 'choice' ? { name, type, choices } : { name, type };
    const a = await mutate(() => getClient().call('attributes.add', input));
    if (a) await changed('attributes.add');
    return a;
  },

  async updateAttribute(id, patch) {
    const flag = patch.identifying === undefined ? {} : { identifying: patch.identifying };
    const input =
      patch.type === 'choice'
        ? { id, name: patch.name, type: patch.type, choices: patch.choices, ...flag }
        : { id, name: patch.name, type: patch.type, ...flag };
    const a = await mutate(() => getClient().call('attributes.update', input));
    if (a) await changed('attributes.update');
    return a !== undefined;
  },

  async linkDocuments(id, documentIds) {
    const p = get().list.find((x) => x.id === id);
    if (!p) return false;
    const wanted = new Set(documentIds);
    const link = documentIds.filter((d) => !p.documents.includes(d));
    const unlink = p.documents.filter((d) => !wanted.has(d));
    const ok = await mutate(async () => {
      for (const documentId of link)
        await getClient().call('documents.setParticipant', { documentId, participantId: id });
      for (const documentId of unlink)
        await getClient().call('documents.setParticipant', { documentId, participantId: null });
      return true;
    });
    if (link.length + unlink.length > 0) await changed('documents.setParticipant');
    return ok === true;
  },

  reset() {
    set({ list: [], attributes: [], filter: null, rows: [] });
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
