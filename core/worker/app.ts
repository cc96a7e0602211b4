/**
 * A QuarryApp whose work happens on a worker thread. Hosts that must stay responsive (the
 * Electron main process, whose event loop serves every window's IPC) use this instead of
 * createApp(): the same contract and the same errors, but SQLite, parsing and FTS indexing
 * run off the host's thread.
 */
import { Worker } from 'node:worker_threads';
import type { AppOptions, QuarryApp } from '../app.js';
import { QuarryError } from '../errors.js';
import type { ChangeListener, Dispatcher } from '../host.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

export interface WorkerApp extends QuarryApp {
  /** Closes the project and ends the worker; resolves once the file is released. */
  closeAndWait(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function createWorkerApp(options: AppOptions = {}): WorkerApp {
  const init: WorkerInit = { options };
  const worker = new Worker(new URL('./entry.js', import.meta.url), { workerData: init });
  const pending = new Map<number, Pending>();
  const listeners = new Set<ChangeListener>();
  let nextId = 1;
  let projectPath: string | null = null;
  let ended: Error | null = null;
  let closed: Promise<void> | null = null;

  const failAll = (error: Error) => {
    ended = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'changed':
        for (const listener of listeners) listener(message.event.method, message.event);
        return;
      case 'result': {
        const call = pending.get(message.id);
        if (!call) return;
        pending.delete(message.id);
        projectPath = message.projectPath;
        if (message.ok) call.resolve(message.result);
        else call.reject(new QuarryError(message.error.kind, message.error.message, message.error.detail));
        return;
      }
      case 'closed':
        return;
    }
  });
  worker.on('error', (err) =>
    failAll(new QuarryError('Internal', `Quarry's background worker stopped: ${err.message}. Restart Quarry.`)),
  );
  worker.on('exit', () => failAll(new QuarryError('Internal', "Quarry's background worker has ended.")));

  const dispatch = (method: string, input: unknown, origin?: string): Promise<unknown> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'call', id, method, input, origin } satisfies ToWorker);
    });
  };

  const dispatcher: Dispatcher = {
    dispatch,
    call: (method, input) => dispatch(method, input) as never,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const closeAndWait = (): Promise<void> => {
    closed ??= ended
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.postMessage({ type: 'close' } satisfies ToWorker);
        });
    return closed;
  };

  return {
    dispatcher,
    projectPath: () => projectPath,
    close: () => void closeAndWait(),
    closeAndWait,
  };
}
