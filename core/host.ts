/**
 * Binds the contract to its handlers. Every host (Electron IPC, the HTTP host, the CLI)
 * calls `dispatch` with a method name and untrusted input; validation, the project check
 * and error flattening happen here once, so each host stays a few dozen lines.
 */

import type { z } from 'zod';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from './contract/depth.js';
import type { ChangeEvent, InputOf, MethodName, OutputOf, ParsedInputOf } from './contract/methods.js';
import { loadedSpec, loadSpec } from './contract/registry.js';
import { badInput, QuarryError } from './errors.js';

export type Handlers = {
  [K in MethodName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

/**
 * A handler whose service module loads on its first call (see `deferred`). The dispatcher
 * awaits `load` before running it, so the handler itself stays synchronous: its writes happen
 * inside its undo step and before the dispatcher takes the call's changes.
 */
export interface DeferredHandler<I, O> {
  (input: I): O;
  load: () => Promise<void>;
  /** True once the module is there, so calls after the first take no extra turn. */
  ready: () => boolean;
}

/**
 * Binds `handler` to a module imported on first use, so a process pays only for the services
 * the methods it calls need (a CLI search does not load the exporters).
 */
export function deferred<M, I, O>(
  importModule: () => Promise<M>,
  handler: (module: M, input: I) => O,
): DeferredHandler<I, O> {
  let loaded: M | undefined;
  let loading: Promise<void> | undefined;
  const run = ((input: I) => {
    if (loaded === undefined) throw new Error('A deferred handler ran before its module loaded.');
    return handler(loaded, input);
  }) as DeferredHandler<I, O>;
  run.load = () => {
    loading ??= importModule().then(
      (module) => {
        loaded = module;
      },
      (err: unknown) => {
        loading = undefined; // a failed import may succeed on a later call
        throw err;
      },
    );
    return loading;
  };
  run.ready = () => loaded !== undefined;
  return run;
}

/** The loading half of a deferred handler, if `handler` is one. */
export function loaderOf(handler: unknown): Pick<DeferredHandler<unknown, unknown>, 'load' | 'ready'> | undefined {
  const { load, ready } = handler as Partial<DeferredHandler<unknown, unknown>>;
  return typeof load === 'function' && typeof ready === 'function' ? { load, ready } : undefined;
}

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
  call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>>;
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

  /*
   * Loading a method's schemas or its service takes turns of the event loop. While any load is
   * under way every call waits behind it, so calls still run in the order they arrived; once
   * everything a call needs is there it runs without an extra turn, as before lazy loading.
   */
  let loading: Promise<void> | null = null;

  async function prepare(method: string): Promise<void> {
    const spec = await loadSpec(method);
    if (!spec) throw badInput(`Unknown method "${method}".`);
    const loader = loaderOf(handlers[method as MethodName]);
    if (!loader) return;
    try {
      await loader.load();
    } catch (err) {
      throw new QuarryError('Internal', `Quarry could not load the code for ${method}: ${(err as Error)?.message}`);
    }
  }

  async function dispatch(method: string, input: unknown, origin?: string): Promise<unknown> {
    const ready = loadedSpec(method) !== undefined && (loaderOf(handlers[method as MethodName])?.ready() ?? true);
    if (!ready || loading) {
      const step = (loading ?? Promise.resolve()).then(() => prepare(method));
      const settled = step.then(
        () => undefined,
        () => undefined,
      );
      loading = settled;
      try {
        await step;
      } finally {
        if (loading === settled) loading = null;
      }
    }
    const spec = loadedSpec(method);
    if (!spec) throw badInput(`Unknown method "${method}".`);
    if (spec.scope === 'project' && !hasProject()) {
      throw new QuarryError('NoProject', 'No project is open. Open or create a project first.');
    }
    if (nestsDeeperThan(input, MAX_INPUT_DEPTH)) {
      throw badInput(`Invalid input for ${method}: it nests deeper than ${MAX_INPUT_DEPTH} levels.`);
    }
    const parsed = (spec.input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) throw badInput(formatValidationError(method, parsed.error));
    const handler = handlers[method as MethodName] as (input: unknown) => unknown;
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
      const name = method as MethodName; // known: its spec was found
      const event: ChangeEvent = { method: name, ...(tables ? { tables } : {}), ...(origin ? { origin } : {}) };
      for (const listener of listeners) listener(name, event);
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
