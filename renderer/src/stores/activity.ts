/**
 * Save state, background work and messages for the status bar and toasts. Every store
 * runs its contract calls through `mutate`/`guard` so failures become readable messages
 * and "All changes saved" is true only when nothing is pending.
 */
import { create } from 'zustand';
import { errorMessage } from '../client/index.js';

export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  details?: string[];
}

interface ActivityState {
  pending: number;
  /** A long action in progress, e.g. "Importing 3 files…". */
  work: string | null;
  lastError: string | null;
  toasts: Toast[];
  toast(tone: ToastTone, title: string, details?: string[]): void;
  dismiss(id: number): void;
  clearError(): void;
  setWork(label: string | null): void;
}

let nextToast = 1;

export const useActivity = create<ActivityState>()((set) => ({
  pending: 0,
  work: null,
  lastError: null,
  toasts: [],
  toast(tone, title, details) {
    const id = nextToast++;
    // The same message again replaces the old one instead of stacking up.
    set((s) => ({
      toasts: [
        ...s.toasts.filter((t) => t.title !== title || t.tone !== tone).slice(-3),
        { id, tone, title, ...(details ? { details } : {}) },
      ],
    }));
    // Errors and detailed reports stay until dismissed; confirmations fade.
    if (tone !== 'error' && !details?.length) {
      setTimeout(() => useActivity.getState().dismiss(id), 4000);
    }
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
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
