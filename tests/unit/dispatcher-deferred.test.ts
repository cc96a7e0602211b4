/**
 * Deferred handlers (core/host.ts): a service module loads on the method's first call, the
 * handler runs only once it is there, and calls still run in the order they arrived while a
 * module is loading.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, deferred, type Handlers } from '../../core/host.js';

describe('deferred handlers', () => {
  it('load their module once, before running, and keep calls in arrival order', async () => {
    const order: string[] = [];
    let imports = 0;
    const slowModule = () =>
      new Promise<{ list: () => string }>((resolve) => {
        imports++;
        setTimeout(() => resolve({ list: () => 'listed' }), 30);
      });
    const handlers = {
      'codes.list': deferred(slowModule, (m) => {
        order.push('codes.list');
        return m.list();
      }),
      'history.status': () => {
        order.push('history.status');
        return { undo: null, redo: null };
      },
    } as unknown as Handlers;
    const dispatcher = createDispatcher(handlers, () => true);

    const first = dispatcher.dispatch('codes.list', {});
    const second = dispatcher.dispatch('history.status', {});
    expect(await Promise.all([first, second])).toEqual(['listed', { undo: null, redo: null }]);
    expect(order).toEqual(['codes.list', 'history.status']);

    expect(await dispatcher.dispatch('codes.list', {})).toBe('listed');
    expect(imports).toBe(1);
  });

  it('refuses unknown methods and reports a module that fails to load', async () => {
    const handlers = {
      'codes.list': deferred(
        () => Promise.reject(new Error('disk gone')),
        () => 'never',
      ),
    } as unknown as Handlers;
    const dispatcher = createDispatcher(handlers, () => true);
    await expect(dispatcher.dispatch('codes.nope', {})).rejects.toThrow('Unknown method "codes.nope"');
    await expect(dispatcher.dispatch('codes.list', {})).rejects.toThrow(
      /could not load the code for codes.list: disk gone/,
    );
  });
});
