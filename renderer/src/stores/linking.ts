/**
 * The bulk "Link documents" table: every document with the participant it should belong to,
 * filled from the file names (a pattern) or the main speakers, edited row by row, and saved
 * in one participants.linkDocuments call (one transaction, one undo step).
 */
import { create } from 'zustand';
import type { DocumentId } from '../../../core/contract/index.js';
import { getClient } from '../client/index.js';
import { guard, mutate, useActivity } from './activity.js';
import { changed } from './changes.js';

export interface LinkRow {
  documentId: DocumentId;
  title: string;
  fileName: string | null;
  /** The participant linked now. */
  current: string | null;
  /** The participant it will be linked to ('' for nobody). */
  label: string;
}

interface LinkingState {
  open: boolean;
  rows: LinkRow[];
  pattern: string;
  show(): Promise<void>;
  close(): void;
  setPattern(pattern: string): void;
  setLabel(documentId: DocumentId, label: string): void;
  /** Proposes a participant for every document it finds one for; the others keep theirs. */
  fill(by: 'fileName' | 'speaker'): Promise<void>;
  /** The rows whose participant would change. */
  changes(): LinkRow[];
  save(): Promise<boolean>;
}

export const useLinking = create<LinkingState>()((set, get) => ({
  open: false,
  rows: [],
  pattern: '.+',

  async show() {
    const client = getClient();
    const loaded = await guard(() =>
      Promise.all([client.call('documents.list', {}), client.call('participants.suggest', { by: 'fileName' })]),
    );
    if (!loaded) return;
    const [docs, names] = loaded;
    const fileOf = new Map(names.map((n) => [n.documentId, n.fileName]));
    set({
      open: true,
      rows: docs.map((d) => ({
        documentId: d.id,
        title: d.title,
        fileName: fileOf.get(d.id) ?? null,
        current: d.participant,
        label: d.participant ?? '',
      })),
    });
  },

  close() {
    set({ open: false, rows: [] });
  },

  setPattern(pattern) {
    set({ pattern });
  },

  setLabel(documentId, label) {
    set({ rows: get().rows.map((r) => (r.documentId === documentId ? { ...r, label } : r)) });
  },

  async fill(by) {
    const pattern = get().pattern.trim() || '.+';
    const found = await guard(() =>
      getClient().call('participants.suggest', by === 'fileName' ? { by, pattern } : { by }),
    );
    if (!found) return;
    const labels = new Map(found.map((f) => [f.documentId, f.label]));
    set({ rows: get().rows.map((r) => ({ ...r, label: labels.get(r.documentId) ?? r.label })) });
  },

  changes() {
    return get().rows.filter((r) => (r.label.trim() || null) !== r.current);
  },

  async save() {
    const changes = get().changes();
    if (changes.length === 0) {
      get().close();
      return true;
    }
    const result = await mutate(() =>
      getClient().call('participants.linkDocuments', {
        links: changes.map((r) => ({ documentId: r.documentId, participant: r.label.trim() || null })),
      }),
    );
    if (!result) return false;
    await changed('participants.linkDocuments');
    const made = result.created > 0 ? `, ${result.created} new participant${result.created === 1 ? '' : 's'}` : '';
    useActivity.getState().toast('success', `Linked ${result.linked} document${result.linked === 1 ? '' : 's'}${made}`);
    get().close();
    return true;
  },
}));
