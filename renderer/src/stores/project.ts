/**
 * The app-level state: whether a project is open, recent projects, and opening or creating
 * one. Switching projects resets every data store and loads the new project's data.
 */
import { create } from 'zustand';
import type { AppStatus, DocumentId } from '../../../core/contract/index.js';
import { errorMessage, getClient } from '../client/index.js';
import { guard, mutate, useActivity } from './activity.js';
import { useBoard } from './board.js';
import { useCodes } from './codes.js';
import { useCoding } from './coding.js';
import { useDocuments } from './documents.js';
import { useExcerpts } from './excerpts.js';
import { useHistory } from './history.js';
import { useMemos } from './memos.js';
import { useMetrics } from './metrics.js';
import { useNav } from './nav.js';
import { useParticipants } from './participants.js';
import { useRetrieval } from './retrieval.js';
import { useSearch } from './search.js';

interface ProjectState {
  status: AppStatus | null;
  booting: boolean;
  bootError: string | null;
  boot(): Promise<void>;
  refreshStatus(): Promise<void>;
  create(path: string, name?: string): Promise<boolean>;
  open(path: string): Promise<boolean>;
  /** Sets who is coding: recorded on every new coding, kept in preferences across projects. */
  setCoder(name: string): Promise<boolean>;
}

const LAST_DOC = 'quarry.lastDocument:';

function rememberedDocument(path: string): DocumentId | null {
  const n = Number(localStorage.getItem(LAST_DOC + path));
  return Number.isInteger(n) && n > 0 ? (n as DocumentId) : null;
}

/** Keeps the open document per project so reopening lands where the researcher left off. */
useDocuments.subscribe((state, prev) => {
  const path = useProject.getState().status?.project?.path;
  if (path && state.openId !== prev.openId && state.openId !== null) {
    try {
      localStorage.setItem(LAST_DOC + path, String(state.openId));
    } catch {
      // Not remembering the last document is harmless.
    }
  }
});

async function loadProject(path: string | null) {
  useDocuments.getState().reset();
  useCodes.getState().reset();
  useExcerpts.getState().reset();
  useBoard.getState().reset();
  useCoding.getState().reset();
  useSearch.getState().reset();
  useParticipants.getState().reset();
  useHistory.getState().reset();
  useRetrieval.getState().reset();
  useMemos.getState().reset();
  useMetrics.getState().reset();
  useCodes.getState().setProject(path);
  if (!path) return;
  await Promise.all([
    // The board first and the excerpt list after it: the host answers one call at a time, and a
    // wall opened while the project loads should not wait behind 2,000 excerpts it does not show.
    useBoard
      .getState()
      .load()
      .then(() => useExcerpts.getState().load()),
    useHistory.getState().load(),
    useMemos.getState().reload(),
    useDocuments.getState().load(),
    useCodes.getState().load(),
    useParticipants.getState().load(),
  ]);
  const docs = useDocuments.getState().list;
  const remembered = rememberedDocument(path);
  const first = docs.find((d) => d.id === remembered) ?? docs[0];
  if (first) await useDocuments.getState().open(first.id);
}

export const useProject = create<ProjectState>()((set, get) => ({
  status: null,
  booting: true,
  bootError: null,

  async boot() {
    set({ booting: true, bootError: null });
    try {
      const status = await getClient().call('app.status', {});
      set({ status });
      await loadProject(status.project?.path ?? null);
    } catch (err) {
      set({ bootError: errorMessage(err) });
    } finally {
      set({ booting: false });
    }
  },

  async refreshStatus() {
    const before = get().status?.project?.path ?? null;
    const status = await guard(() => getClient().call('app.status', {}));
    if (!status) return;
    set({ status });
    const after = status.project?.path ?? null;
    if (after !== before) {
      // Messages about the previous project (or a failed attempt to open one) no longer apply.
      useActivity.setState({ lastError: null, toasts: [] });
      await loadProject(after);
    }
  },

  async create(path, name) {
    const input = name?.trim() ? { path: path.trim(), name: name.trim() } : { path: path.trim() };
    const info = await mutate(() => getClient().call('project.create', input));
    if (!info) return false;
    await get().refreshStatus();
    useNav.setState({ section: 'documents', projectsOpen: false });
    return true;
  },

  async setCoder(name) {
    const trimmed = name.trim();
    if (!trimmed) return false;
    const coder = await mutate(() => getClient().call('app.setCoder', { name: trimmed }));
    if (!coder) return false;
    await get().refreshStatus();
    useActivity.getState().toast('success', `New codings are recorded as ${coder.name}`);
    return true;
  },

  async open(path) {
    const info = await mutate(() => getClient().call('project.open', { path: path.trim() }));
    if (!info) return false;
    await get().refreshStatus();
    useNav.setState({ section: 'documents', projectsOpen: false });
    return true;
  },
}));
