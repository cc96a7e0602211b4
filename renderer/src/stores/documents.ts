/** The document list, the open document with its excerpts, and importing files. */
import { create } from 'zustand';
import type {
  CodeRef,
  DocumentDetail,
  DocumentId,
  DocumentSummary,
  Excerpt,
  ExcerptId,
} from '../../../core/contract/index.js';
import { bridge, getClient, unwrap } from '../client/index.js';
import { readFileBase64 } from '../lib/files.js';
import { guard, latestOnly } from './activity.js';

interface DocumentsState {
  list: DocumentSummary[];
  loaded: boolean;
  query: string;
  openId: DocumentId | null;
  doc: DocumentDetail | null;
  /**
   * Excerpts of the open document, for highlights and margin stripes: the saved ones with the
   * codings still on their way to the host drawn over them (`pending`).
   */
  excerpts: Excerpt[];
  /** The open document's excerpts as the host last gave them. */
  saved: Excerpt[];
  /** Codings drawn on the key press, before `excerpts.tag` answers (provisional ids below zero). */
  pending: PendingCoding[];
  /** Where the reader should scroll once the document is shown (set by "jump to excerpt"). */
  scrollTo: { start: number; end: number } | null;
  /** A range to show marked (a search hit) until something else is selected. */
  flash: { start: number; end: number } | null;
  importing: boolean;
  load(): Promise<void>;
  setQuery(query: string): void;
  open(id: DocumentId, scrollTo?: { start: number; end: number }, flash?: boolean): Promise<void>;
  reloadOpen(): Promise<void>;
  /** Only the open document's excerpts (after coding), not its text. */
  reloadExcerpts(): Promise<void>;
  /**
   * Shows a coding just saved on the open document (its highlight and margin stripe) before the
   * refetch that follows brings the excerpt with everything it carries (issue 8: the screen
   * updates within 100 ms of the key, not after a round of reloads). `pendingId`: the
   * provisional coding this replaces, in the same update, so the stripe never blinks.
   */
  showCoded(
    documentId: DocumentId,
    excerpt: { id: ExcerptId; start: number; end: number; text: string },
    codes: CodeRef[],
    pendingId?: ExcerptId | null,
  ): void;
  /**
   * Draws a coding on the open document at once, before the host has it: a provisional excerpt
   * (id below zero), or more codes on the saved excerpt of exactly that span (the host reuses
   * it). Returns the provisional id to settle, or null when the document is not open.
   */
  showPending(
    documentId: DocumentId,
    span: { start: number; end: number; text: string },
    codes: CodeRef[],
  ): ExcerptId | null;
  /** The host refused the coding: what `showPending` drew goes. */
  dropPending(id: ExcerptId): void;
  consumeScroll(): void;
  importFiles(files: File[]): Promise<void>;
  /** Electron: the native file chooser; the picked files are imported by path (the main process granted them). */
  importWithDialog(): Promise<void>;
  reset(): void;
}

export interface PendingCoding {
  id: ExcerptId;
  documentId: DocumentId;
  start: number;
  end: number;
  text: string;
  codes: CodeRef[];
}

/** A coding drawn before the host answered: it has no excerpt to open, edit or memo yet. */
export const isProvisional = (id: ExcerptId | null): boolean => id !== null && id < 0;

let nextProvisional = -1;

const withCodes = (x: Excerpt, codes: readonly CodeRef[]): Excerpt => ({
  ...x,
  codes: [...x.codes, ...codes.filter((c) => !x.codes.some((k) => k.id === c.id))],
});

/** The saved excerpts with the pending codings drawn over them. */
function overlay(saved: Excerpt[], pending: readonly PendingCoding[], title: string): Excerpt[] {
  if (pending.length === 0) return saved;
  let excerpts = saved;
  for (const p of pending) {
    const same = excerpts.findIndex((x) => x.start === p.start && x.end === p.end && !isProvisional(x.id));
    if (same >= 0) {
      excerpts = excerpts.map((x, i) => (i === same ? withCodes(x, p.codes) : x));
      continue;
    }
    excerpts = [
      ...excerpts,
      {
        id: p.id,
        documentId: p.documentId,
        documentTitle: title,
        start: p.start,
        end: p.end,
        text: p.text,
        codes: p.codes,
        participant: null,
        memo: null,
        coders: [],
      },
    ];
  }
  return excerpts;
}

const listSeq = latestOnly();
const openSeq = latestOnly();
const excerptSeq = latestOnly();

const initial = {
  list: [],
  loaded: false,
  query: '',
  openId: null,
  doc: null,
  excerpts: [],
  saved: [],
  pending: [],
  scrollTo: null,
  flash: null,
  importing: false,
};

export const useDocuments = create<DocumentsState>()((set, get) => ({
  ...initial,

  async load() {
    const answer = await guard(() => listSeq(() => getClient().call('documents.list', {})));
    if (answer) set({ list: answer.value, loaded: true });
  },

  setQuery(query) {
    set({ query });
  },

  async open(id, scrollTo, flash) {
    set({ openId: id, scrollTo: scrollTo ?? null, flash: flash && scrollTo ? scrollTo : null });
    if (get().doc?.id !== id) set({ doc: null, excerpts: [], saved: [], pending: [] });
    await get().reloadOpen();
  },

  async reloadOpen() {
    const id = get().openId;
    if (id === null) return;
    const client = getClient();
    const answer = await guard(() =>
      openSeq(() =>
        Promise.all([client.call('documents.get', { id }), client.call('excerpts.list', { documentId: id })]),
      ),
    );
    if (!answer || get().openId !== id) return;
    const [doc, saved] = answer.value;
    set({ doc, saved, excerpts: overlay(saved, get().pending, doc.title) });
  },

  showCoded(documentId, excerpt, codes, pendingId) {
    const pending = get().pending.filter((p) => p.id !== pendingId);
    if (get().openId !== documentId) {
      if (pending.length !== get().pending.length) set({ pending });
      return;
    }
    const known = get().saved.some((x) => x.id === excerpt.id);
    const saved = known
      ? get().saved.map((x) => (x.id === excerpt.id ? withCodes(x, codes) : x))
      : [
          ...get().saved,
          {
            ...excerpt,
            documentId,
            documentTitle: get().doc?.title ?? '',
            codes,
            participant: null,
            memo: null,
            coders: [],
          },
        ];
    set({ saved, pending, excerpts: overlay(saved, pending, get().doc?.title ?? '') });
  },

  showPending(documentId, span, codes) {
    if (get().openId !== documentId) return null;
    const id = nextProvisional-- as ExcerptId;
    const pending = [...get().pending, { id, documentId, start: span.start, end: span.end, text: span.text, codes }];
    set({ pending, excerpts: overlay(get().saved, pending, get().doc?.title ?? '') });
    return id;
  },

  dropPending(id) {
    if (!get().pending.some((p) => p.id === id)) return;
    const pending = get().pending.filter((p) => p.id !== id);
    set({ pending, excerpts: overlay(get().saved, pending, get().doc?.title ?? '') });
  },

  async reloadExcerpts() {
    const id = get().openId;
    if (id === null || get().doc?.id !== id) return get().reloadOpen();
    const answer = await guard(() => excerptSeq(() => getClient().call('excerpts.list', { documentId: id })));
    if (answer && get().openId === id)
      set({ saved: answer.value, excerpts: overlay(answer.value, get().pending, get().doc?.title ?? '') });
  },

  consumeScroll() {
    set({ scrollTo: null });
  },

  async importFiles(files) {
    const { useImporter } = await import('./importer.js');
    await useImporter.getState().start(files.map((f) => ({ name: f.name, read: () => readFileBase64(f) })));
  },

  async importWithDialog() {
    const open = bridge()?.openDialog;
    if (!open || get().importing) return;
    const picked = await guard(async () => unwrap(await open({ purpose: 'import' })));
    if (!picked || picked.canceled || picked.files.length === 0) return;
    const { useImporter } = await import('./importer.js');
    // By path: the core reads each file, so a large transcript never crosses IPC as base64.
    await useImporter.getState().start(picked.files.map((f) => ({ name: f.name, path: f.path })));
  },

  reset() {
    set({ ...initial });
  },
}));
