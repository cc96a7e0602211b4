/**
 * The command palette (Ctrl/Cmd+K): one fuzzy list of actions, codes, documents and
 * participants. Choosing an item runs it; codes open their retrieval, documents the reader.
 */
import { create } from 'zustand';
import { bridge } from '../client/index.js';
import { fuzzyFilter } from '../lib/fuzzy.js';
import { useCodes } from './codes.js';
import { useDocuments } from './documents.js';
import { useFind } from './find.js';
import { useHistory } from './history.js';
import { type Section, useNav } from './nav.js';
import { useParticipants } from './participants.js';
import { useRetrieval } from './retrieval.js';
import { useTeamwork } from './teamwork.js';

export type PaletteKind = 'action' | 'code' | 'document' | 'participant';

export interface PaletteItem {
  id: string;
  kind: PaletteKind;
  label: string;
  /** Secondary text: a code's path, a document's participant, a shortcut. */
  detail: string;
  run(): unknown;
}

interface PaletteState {
  open: boolean;
  query: string;
  show(): void;
  close(): void;
  setQuery(query: string): void;
  /** The items matching the query, best first (at most 50). */
  items(): PaletteItem[];
  choose(item: PaletteItem): void;
}

const SECTIONS: [Section, string][] = [
  ['documents', 'Documents'],
  ['codes', 'Codebook'],
  ['excerpts', 'Excerpts'],
  ['retrieve', 'Retrieve'],
  ['memos', 'Memos'],
  ['board', 'Board'],
  ['search', 'Search'],
];

function actions(query: string): PaletteItem[] {
  const nav = useNav.getState();
  const history = useHistory.getState();
  const doc = useDocuments.getState().doc;
  const list: PaletteItem[] = [
    {
      id: 'a:import',
      kind: 'action',
      label: 'Import files…',
      detail: 'transcripts, notes, QDPX',
      run: () => {
        if (bridge()?.openDialog) return useDocuments.getState().importWithDialog();
        // The browser only opens a file chooser from a real input; the rail has one.
        document.querySelector<HTMLInputElement>('input[type="file"][aria-label="Choose files to import"]')?.click();
      },
    },
    { id: 'a:export', kind: 'action', label: 'Export report…', detail: '', run: () => nav.setExportOpen(true) },
    {
      id: 'a:merge',
      kind: 'action',
      label: "Merge a teammate's project…",
      detail: '.quarry, .qdpx',
      run: () => void useTeamwork.getState().open('merge'),
    },
    {
      id: 'a:agreement',
      kind: 'action',
      label: 'Compare coders (agreement)…',
      detail: 'kappa, alpha',
      run: () => void useTeamwork.getState().open('agreement'),
    },
    { id: 'a:undo', kind: 'action', label: 'Undo', detail: 'Ctrl/⌘ Z', run: () => history.undo() },
    { id: 'a:redo', kind: 'action', label: 'Redo', detail: 'Shift Ctrl/⌘ Z', run: () => history.redo() },
    { id: 'a:keys', kind: 'action', label: 'Keyboard shortcuts', detail: '?', run: () => nav.setShortcutsOpen(true) },
    { id: 'a:projects', kind: 'action', label: 'Switch project…', detail: '', run: () => nav.setProjectsOpen(true) },
    ...SECTIONS.map(
      ([id, name]): PaletteItem => ({
        id: `a:go:${id}`,
        kind: 'action',
        label: `Go to ${name}`,
        detail: '',
        run: () => nav.go(id),
      }),
    ),
  ];
  if (doc) {
    list.push({
      id: 'a:find',
      kind: 'action',
      label: 'Find in document',
      detail: 'Ctrl/⌘ F',
      run: () => {
        nav.go('documents');
        useFind.getState().show();
      },
    });
  }
  const name = query.trim();
  if (name) {
    list.push({
      id: 'a:new-code',
      kind: 'action',
      label: `New code “${name}”`,
      detail: 'add to the codebook',
      run: async () => {
        const code = await useCodes.getState().add(name);
        if (code) nav.go('codes');
      },
    });
  }
  return list;
}

function everything(query: string): PaletteItem[] {
  const nav = useNav.getState();
  const codes = useCodes.getState().list;
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: number | null): string => {
    const parts: string[] = [];
    for (
      let c = id === null ? undefined : byId.get(id as never);
      c;
      c = c.parentId ? byId.get(c.parentId) : undefined
    ) {
      parts.unshift(c.name);
    }
    return parts.join(' › ');
  };
  const docs = useDocuments.getState().list;
  const openDoc = (id: (typeof docs)[number]['id']) => {
    nav.go('documents');
    return useDocuments.getState().open(id);
  };
  return [
    ...actions(query),
    ...codes.map(
      (c): PaletteItem => ({
        id: `c:${c.id}`,
        kind: 'code',
        label: c.name,
        detail: c.parentId ? path(c.parentId) : `${c.excerpts} excerpt${c.excerpts === 1 ? '' : 's'}`,
        run: () => {
          nav.go('retrieve');
          return useRetrieval.getState().setCode(c.id);
        },
      }),
    ),
    ...docs.map(
      (d): PaletteItem => ({
        id: `d:${d.id}`,
        kind: 'document',
        label: d.title,
        detail: d.participant ?? '',
        run: () => openDoc(d.id),
      }),
    ),
    ...useParticipants.getState().list.map(
      (p): PaletteItem => ({
        id: `p:${p.id}`,
        kind: 'participant',
        label: p.label,
        detail: [p.displayName, ...Object.values(p.attributes)].filter(Boolean).join(' · '),
        run: () => {
          const first = p.documents[0];
          return first === undefined ? nav.go('documents') : openDoc(first);
        },
      }),
    ),
  ];
}

export const usePalette = create<PaletteState>()((set, get) => ({
  open: false,
  query: '',
  show: () => set({ open: true, query: '' }),
  close: () => set({ open: false }),
  setQuery: (query) => set({ query }),
  items() {
    const query = get().query;
    return fuzzyFilter(everything(query), query, [{ name: 'label', weight: 3 }, 'detail']).slice(0, 50);
  },
  choose(item) {
    set({ open: false });
    void item.run();
  },
}));
