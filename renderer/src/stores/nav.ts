/** Which section the window shows and small view-level toggles. */
import { create } from 'zustand';

export type Section =
  | 'documents'
  | 'codes'
  | 'excerpts'
  | 'retrieve'
  | 'memos'
  | 'participants'
  | 'board'
  | 'insights'
  | 'hypotheses'
  | 'metrics'
  | 'analysis'
  | 'search';

interface NavState {
  section: Section;
  exportOpen: boolean;
  shortcutsOpen: boolean;
  projectsOpen: boolean;
  /** The wall takes the whole window: the rail and the side panel are hidden. */
  wallWide: boolean;
  go(section: Section): void;
  setExportOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setProjectsOpen(open: boolean): void;
  setWallWide(wide: boolean): void;
}

export const useNav = create<NavState>()((set) => ({
  section: 'documents',
  exportOpen: false,
  shortcutsOpen: false,
  projectsOpen: false,
  wallWide: false,
  go: (section) => set({ section }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setProjectsOpen: (projectsOpen) => set({ projectsOpen }),
  setWallWide: (wallWide) => set({ wallWide }),
}));
