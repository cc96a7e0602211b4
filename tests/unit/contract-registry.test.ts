/**
 * The lazy contract index (core/contract/registry.ts) must find every method of the contract,
 * as the very spec object the group defines, and nothing that is not a method.
 */
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../core/contract/methods.js';
import { GROUPS_BY_PREFIX, loadedSpec, loadSpec } from '../../core/contract/registry.js';

describe('the contract registry', () => {
  it('finds every method by its prefix, as the spec its group defines', async () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(90);
    for (const name of METHOD_NAMES) {
      expect(await loadSpec(name), name).toBe(contract[name]);
      expect(loadedSpec(name), name).toBe(contract[name]);
    }
  });

  it('knows no prefix without a method', () => {
    const prefixes = new Set(METHOD_NAMES.map((n) => n.slice(0, n.indexOf('.'))));
    expect(new Set(Object.keys(GROUPS_BY_PREFIX))).toEqual(prefixes);
  });

  it('finds nothing for names that are not methods', async () => {
    for (const name of ['', 'codes', 'codes.nope', 'nope.list', '__proto__', 'toString', 'constructor.name', '.list']) {
      expect(await loadSpec(name), name).toBeUndefined();
      expect(loadedSpec(name), name).toBeUndefined();
    }
  });
});
