/**
 * Binds the contract to IPC: one channel for every method, checked sender, validated input
 * (the dispatcher validates against the contract), answers as Envelopes. Change events go
 * back to the window on their own channel. Returns a function that unbinds everything.
 */
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { QuarryApp } from '../core/app.js';
import type { ChangeEvent, MethodName } from '../core/contract/methods.js';
import { QuarryError } from '../core/errors.js';
import { CHANNELS } from './bridge.js';
import { toEnvelope } from './envelope.js';
import { exportPdf } from './pdf.js';
import type { PickedPaths } from './pickedPaths.js';
import { isTrustedSender } from './policy.js';

export function assertTrustedSender(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  const trusted = isTrustedSender(frame ? { url: frame.url, isTop: frame.parent === null } : null);
  if (!trusted) throw new QuarryError('BadInput', 'This request did not come from the Quarry window and was refused.');
}

export interface ContractBindingHooks {
  /** Runs after project.open / project.create succeed, so the menu and title follow. */
  onProjectChanged(): void;
}

export function bindContract(
  quarry: QuarryApp,
  getWindow: () => BrowserWindow | null,
  hooks: ContractBindingHooks,
  picked: PickedPaths,
): () => void {
  ipcMain.handle(CHANNELS.call, (event, method: unknown, input: unknown) =>
    toEnvelope(async () => {
      assertTrustedSender(event);
      if (typeof method !== 'string') throw new QuarryError('BadInput', 'A method name must be a string.');
      // A file by path only when this process's import dialog returned it (./pickedPaths.ts).
      const refusal = picked.refusal(method, input);
      if (refusal) throw new QuarryError('BadInput', refusal);
      // PDF prints here, with Electron's Chromium: the worker that runs the core has no printer.
      const isPdf =
        method === 'export.report' &&
        typeof input === 'object' &&
        input !== null &&
        (input as { format?: unknown }).format === 'pdf';
      const result = isPdf
        ? await exportPdf(quarry, input as Record<string, unknown>, originOf(event.sender.id))
        : await quarry.dispatcher.dispatch(method, input, originOf(event.sender.id));
      if (method === 'project.open' || method === 'project.create') hooks.onProjectChanged();
      return result;
    }),
  );
  const unsubscribe = quarry.dispatcher.onChange((_method, event) => notifyChanged(getWindow(), event));
  return () => {
    ipcMain.removeHandler(CHANNELS.call);
    unsubscribe();
  };
}

/** The change-event origin of a window's calls. */
const originOf = (webContentsId: number) => `window:${webContentsId}`;

/** Tells the window what changed, unless the window made the change itself (it has the result). */
export function notifyChanged(win: BrowserWindow | null, change: MethodName | ChangeEvent): void {
  if (!win || win.isDestroyed()) return;
  const event: ChangeEvent = typeof change === 'string' ? { method: change } : change;
  if (event.origin === originOf(win.webContents.id)) return;
  const { origin: _origin, ...payload } = event;
  win.webContents.send(CHANNELS.changed, payload);
}
