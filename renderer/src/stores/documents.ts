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
  /** Excerpts of the open document, for highlights and margin stripes. */
  excerpts: Excerpt[];
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
   * updates within 100 ms of the key, not after a round of reloads).
   */
  showCoded(
    documentId: DocumentId,
    excerpt: { id: ExcerptId; start: number; end: number; text: string },
    codes: CodeRef[],
  ): void;
  consumeScroll(): void;
  importFiles(files: File[]): Promise<void>;
  /** Electron: the native file chooser, whose files arrive as bytes. */
  importWithDialog(): Promise<void>;
  reset(): void;
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
    if (get().doc?.id !== id) set({ doc: null, excerpts: [] });
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
    const [doc, excerpts] = answer.value;
    set({ doc, excerpts });
  },

  showCoded(documentId, excerpt, codes) {
    if (get().openId !== documentId) return;
    const known = get().excerpts.find((x) => x.id === excerpt.id);
    const merged = (x: Excerpt): Excerpt => ({
      ...x,
      codes: [...x.codes, ...codes.filter((c) => !x.codes.some((k) => k.id === c.id))],
    });
    const excerpts = known
      ? get().excerpts.map((x) => (x.id === excerpt.id ? merged(x) : x))
      : [
          ...get().excerpts,
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
    set({ excerpts });
  },

  async reloadExcerpts() {
    const id = get().openId;
    if (id === null || get().doc?.id !== id) return get().reloadOpen();
    const answer = await guard(() => excerptSeq(() => getClient().call('excerpts.list', { documentId: id })));
    if (answer && get().openId === id) set({ excerpts: answer.value });
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
