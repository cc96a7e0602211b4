/**
 * The quick picker's decisions: Enter means exactly what was typed (never the fuzzy guess),
 * the fuzzy index is built once per code list, and quick keys keep their codes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Code, CodeId } from '../../core/contract/index.js';
import { codeSearch, codeTree, fillQuick, pickerOptions, type QuickSlots } from '../../renderer/src/lib/codes.js';

// Real Fuse, counted: each `new Fuse` is one index build.
const built = vi.hoisted(() => ({ n: 0 }));
vi.mock('fuse.js', async (importOriginal) => {
  const real = (await importOriginal<typeof import('fuse.js')>()).default;
  class CountingFuse<T> extends real<T> {
    constructor(...args: ConstructorParameters<typeof real<T>>) {
      super(...args);
      built.n++;
    }
  }
  return { default: CountingFuse };
});

function code(id: number, name: string, parentId: number | null = null): Code {
  return {
    id: id as CodeId,
    name,
    parentId: parentId as CodeId | null,
    color: '#123456',
    position: id,
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    excerpts: 0,
    documents: 0,
    participants: 0,
  } as Code;
}

const codes = [code(1, 'Live stream friction'), code(2, 'Checkout'), code(3, 'Coupons', 2)];
const rows = codeTree(codes);
const search = codeSearch(rows);
const first = (query: string) => pickerOptions(rows, search, query)[0];

describe('quick picker options', () => {
  it('puts a new name first, ahead of a fuzzy match, so Enter creates it', () => {
    const options = pickerOptions(rows, search, 'Coupon friction');
    expect(options[0]).toEqual({ kind: 'create', name: 'Coupon friction', typed: true });
    // The fuzzy matches are still offered, below, for the arrow keys.
    expect(options.slice(1).map((o) => (o.kind === 'code' ? o.row.code.name : o.name))).toContain(
      'Live stream friction',
    );
  });

  it('applies an existing code when its name is typed in any case, listed once', () => {
    const options = pickerOptions(rows, search, '  checkout ');
    expect(options[0]).toMatchObject({ kind: 'code', typed: true, row: { code: { id: 2 } } });
    expect(options.filter((o) => o.kind === 'code' && o.row.code.id === 2)).toHaveLength(1);
    expect(first('COUPONS')).toMatchObject({ kind: 'code', row: { path: 'Checkout › Coupons' } });
    // A prefix is not the code: it is a new name.
    expect(first('Check')).toEqual({ kind: 'create', name: 'Check', typed: true });
  });

  it('lists every code, none typed, when nothing is typed', () => {
    const options = pickerOptions(rows, search, ' ');
    expect(options.map((o) => o.kind === 'code' && !o.typed && o.row.code.id)).toEqual([1, 2, 3]);
  });

  it('builds the fuzzy index once per code list, not per keystroke', () => {
    const before = built.n;
    const find = codeSearch(rows);
    for (const q of ['C', 'Co', 'Cou', 'Coup', 'Coupo', 'Coupon']) pickerOptions(rows, find, q);
    expect(built.n - before).toBe(1);
    expect(find('Coupon')[0]?.code.name).toBe('Coupons');
  });
});

describe('quick keys', () => {
  const ids = (...n: (number | null)[]) => n as QuickSlots;
  const all = new Set([1, 2, 3, 4, 5].map((n) => n as CodeId));

  it('gives a newly used code the next free key and never moves the others', () => {
    let slots = ids(null, null, null);
    slots = fillQuick(slots, [1 as CodeId], all);
    slots = fillQuick(slots, [2 as CodeId], all);
    // Using code 1 again (most recent use) changes nothing: key 1 is still code 1.
    slots = fillQuick(slots, [1 as CodeId], all);
    slots = fillQuick(slots, [3 as CodeId], all);
    expect(slots).toEqual([1, 2, 3]);
  });

  it('fills a key whose code is gone, and stops when every key is taken', () => {
    const existing = new Set([1, 3, 4, 5].map((n) => n as CodeId));
    expect(fillQuick(ids(1, 2, 3), [4 as CodeId, 5 as CodeId], existing)).toEqual([1, 4, 3]);
    expect(fillQuick(ids(1, null, 3), [4 as CodeId], existing)).toEqual([1, 4, 3]);
  });
});
