/**
 * Save state, background work and messages for the status bar and toasts. Every store
 * runs its contract calls through `mutate`/`guard` so failures become readable messages
 * and "All changes saved" is true only when nothing is pending.
 */
import { create } from 'zustand';
import { errorMessage } from '../client/index.js';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastAction {
  label: string;
  run(): void;
}

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  details?: string[];
  /** One button beside the message, e.g. Undo; pressing it also dismisses the toast. */
  action?: ToastAction;
}

/** At most this many toasts show; a new one pushes the oldest out. */
export const MAX_TOASTS = 3;

/**
 * How long a toast stays (ms). Every toast leaves by itself: confirmations quickly, ones with
 * a button or details longer, errors longest; hovering or focusing one holds it.
 */
export function toastLifetime(t: Pick<Toast, 'tone' | 'details' | 'action'>): number {
  if (t.tone === 'error') return 12_000;
  if (t.details?.length) return 12_000;
  if (t.action) return 8_000;
  return 4_000;
}

interface ActivityState {
  pending: number;
  /** A long action in progress, e.g. "Importing 3 files…". */
  work: string | null;
  lastError: string | null;
  toasts: Toast[];
  toast(tone: ToastTone, title: string, details?: string[], action?: ToastAction): void;
  dismiss(id: number): void;
  /** Stops a toast's clock while the pointer or focus is on it. */
  hold(id: number): void;
  /** Restarts the clock of a held toast. */
  release(id: number): void;
  clearError(): void;
  setWork(label: string | null): void;
}

let nextToast = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function startClock(t: Toast): void {
  clearTimeout(timers.get(t.id));
  timers.set(
    t.id,
    setTimeout(() => useActivity.getState().dismiss(t.id), toastLifetime(t)),
  );
}

export const useActivity = create<ActivityState>()((set, get) => ({
  pending: 0,
  work: null,
  lastError: null,
  toasts: [],
  toast(tone, title, details, action) {
    const toast: Toast = {
      id: nextToast++,
      tone,
      title,
      ...(details?.length ? { details } : {}),
      ...(action ? { action } : {}),
    };
    // The same message again replaces the old one instead of stacking up.
    const kept = get().toasts.filter((t) => t.title !== title || t.tone !== tone);
    const next = [...kept, toast].slice(-MAX_TOASTS);
    for (const t of get().toasts) if (!next.includes(t)) clearTimeout(timers.get(t.id));
    set({ toasts: next });
    startClock(toast);
  },
  dismiss(id) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  hold(id) {
    clearTimeout(timers.get(id));
  },
  release(id) {
    const t = get().toasts.find((x) => x.id === id);
    if (t) startClock(t);
  },
  clearError() {
    set({ lastError: null });
  },
  setWork(work) {
    set({ work });
  },
}));

function fail(err: unknown): void {
  const message = errorMessage(err);
  useActivity.setState({ lastError: message });
  useActivity.getState().toast('error', message);
}

/** Runs a write: counts as unsaved while pending; an error becomes a message, and undefined is returned. */
export async function mutate<T>(fn: () => Promise<T>): Promise<T | undefined> {
  useActivity.setState((s) => ({ pending: s.pending + 1 }));
  try {
    const result = await fn();
    useActivity.setState({ lastError: null });
    return result;
  } catch (err) {
    fail(err);
    return undefined;
  } finally {
    useActivity.setState((s) => ({ pending: s.pending - 1 }));
  }
}

/** Runs a read: an error becomes a message, and undefined is returned. */
export async function guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    fail(err);
    return undefined;
  }
}

/** Drops answers that arrive after a newer request of the same kind was sent. */
export function latestOnly() {
  let seq = 0;
  return async <T>(fn: () => Promise<T>): Promise<{ value: T } | null> => {
    const mine = ++seq;
    const value = await fn();
    return mine === seq ? { value } : null;
  };
}
