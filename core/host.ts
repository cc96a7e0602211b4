/**
 * Binds the contract to its handlers. Every host (Electron IPC, the HTTP host, the CLI)
 * calls `dispatch` with a method name and untrusted input; validation, the project check
 * and error flattening happen here once, so each host stays a few dozen lines.
 */

import type { z } from 'zod';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from './contract/depth.js';
import {
  type ChangeEvent,
  contract,
  isMethodName,
  type MethodName,
  type OutputOf,
  type ParsedInputOf,
} from './contract/methods.js';
import { badInput, QuarryError } from './errors.js';

export type Handlers = {
  [K in MethodName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

export type ChangeListener = (method: MethodName, event: ChangeEvent) => void;

/** The rows the last call changed, by table (see ChangeEvent.tables); undefined when not recorded. */
export type TakeChanges = () => ChangeEvent['tables'];

export interface Dispatcher {
  /**
   * Validates `input` against the contract and runs the method; throws QuarryError only.
   * `origin` names the caller's connection; the change event carries it so the host can skip it.
   */
  dispatch(method: string, input: unknown, origin?: string): Promise<unknown>;
  /** Typed entry for in-process callers (CLI, tests). */
  call<K extends MethodName>(method: K, input: z.input<(typeof contract)[K]['input']>): Promise<OutputOf<K>>;
  /** Called after every successful mutating method; returns an unsubscribe. */
  onChange(listener: ChangeListener): () => void;
}

export function formatValidationError(method: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `Invalid input for ${method}: ${parts.join('; ')}`;
}

export function createDispatcher(
  handlers: Handlers,
  hasProject: () => boolean,
  takeChanges: TakeChanges = () => undefined,
): Dispatcher {
  const listeners = new Set<ChangeListener>();

  async function dispatch(method: string, input: unknown, origin?: string): Promise<unknown> {
    if (!isMethodName(method)) throw badInput(`Unknown method "${method}".`);
    const spec = contract[method];
    if (spec.scope === 'project' && !hasProject()) {
      throw new QuarryError('NoProject', 'No project is open. Open or create a project first.');
    }
    if (nestsDeeperThan(input, MAX_INPUT_DEPTH)) {
      throw badInput(`Invalid input for ${method}: it nests deeper than ${MAX_INPUT_DEPTH} levels.`);
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw badInput(formatValidationError(method, parsed.error));
    const handler = handlers[method] as (input: unknown) => unknown;
    let result: unknown;
    let tables: ChangeEvent['tables'];
    try {
      takeChanges(); // whatever a failed call left behind is not this call's
      result = handler(parsed.data);
      // Taken before any await: another call must not run between this one and its changes.
      tables = takeChanges();
      if (result instanceof Promise) result = await result;
    } catch (err) {
      if (err instanceof QuarryError) throw err;
      throw new QuarryError(
        'Internal',
        `Something went wrong inside Quarry: ${(err as Error)?.message ?? String(err)}`,
      );
    }
    if (spec.mutates) {
      const event: ChangeEvent = { method, ...(tables ? { tables } : {}), ...(origin ? { origin } : {}) };
      for (const listener of listeners) listener(method, event);
    }
    return result;
  }

  return {
    dispatch,
    call: (method, input) => dispatch(method, input) as never,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
