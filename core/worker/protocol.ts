/** Messages between a host thread and the worker that owns the project (see ./app.ts). */
import type { AppOptions } from '../app.js';
import type { ChangeEvent } from '../contract/methods.js';
import type { WireError } from '../errors.js';

export interface WorkerInit {
  options: AppOptions;
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; origin?: string | undefined }
  | { type: 'close' };

export type FromWorker =
  | { type: 'result'; id: number; ok: true; result: unknown; projectPath: string | null }
  | { type: 'result'; id: number; ok: false; error: WireError; projectPath: string | null }
  | { type: 'changed'; event: ChangeEvent }
  | { type: 'closed' };
