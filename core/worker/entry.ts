/**
 * Runs inside a worker thread: owns the QuarryApp (and so the SQLite connection) and answers
 * calls posted by the host thread. Keeping SQLite and the importers here is what keeps the
 * Electron main process (and with it every window's IPC) free during a long import.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createApp } from '../app.js';
import { toWireError } from '../errors.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('core/worker/entry.js must run in a worker thread');

const { options } = workerData as WorkerInit;
const app = createApp(options);
const post = (message: FromWorker) => port.postMessage(message);
app.dispatcher.onChange((_method, event) => post({ type: 'changed', event }));

// Calls run one at a time, in order, as they would on a single connection in-process.
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    queue = queue.then(() => {
      app.close();
      post({ type: 'closed' });
      port.close();
    });
    return;
  }
  const { id, method, input, origin } = message;
  queue = queue.then(async () => {
    try {
      const result = await app.dispatcher.dispatch(method, input, origin);
      post({ type: 'result', id, ok: true, result, projectPath: app.projectPath() });
    } catch (err) {
      post({ type: 'result', id, ok: false, error: toWireError(err), projectPath: app.projectPath() });
    }
  });
});
