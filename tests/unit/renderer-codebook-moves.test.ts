/** The codebook's move rules (lib/codes.ts): keyboard moves, drops, and the cycle check. */
import { describe, expect, it } from 'vitest';
import type { Code, CodeId } from '../../core/contract/index.js';
import { dropMove, isWithin, keyboardMove } from '../../renderer/src/lib/codes.js';
import { describeMove } from '../../renderer/src/stores/codes.js';

function code(id: number, name: string, parentId: number | null, position: number): Code {
  return {
    id: id as CodeId,
    name,
    parentId: parentId as CodeId | null,
    parent: null,
    color: '#123456',
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    position,
    excerpts: 0,
    documents: 0,
    participants: 0,
  };
}

// Payment(1) › [Card(4), Wallet(5)], Delivery(2), Returns(3)
const CODES = [
  code(1, 'Payment', null, 0),
  code(2, 'Delivery', null, 1),
  code(3, 'Returns', null, 2),
  code(4, 'Card', 1, 0),
  code(5, 'Wallet', 1, 1),
];
const id = (n: number) => n as CodeId;

describe('keyboardMove', () => {
  it('Alt+↑/↓ swap with a sibling, and stop at the ends', () => {
    expect(keyboardMove(CODES, id(2), 'up')).toEqual({ parentId: null, position: 0 });
    expect(keyboardMove(CODES, id(2), 'down')).toEqual({ parentId: null, position: 2 });
    expect(keyboardMove(CODES, id(1), 'up')).toBeNull();
    expect(keyboardMove(CODES, id(5), 'down')).toBeNull();
    expect(keyboardMove(CODES, id(5), 'up')).toEqual({ parentId: 1, position: 0 });
  });

  it('Alt+→ goes inside the previous sibling as its last child; Alt+← goes just after the parent', () => {
    expect(keyboardMove(CODES, id(2), 'indent')).toEqual({ parentId: 1, position: 2 });
    expect(keyboardMove(CODES, id(5), 'indent')).toEqual({ parentId: 4, position: 0 });
    expect(keyboardMove(CODES, id(1), 'indent')).toBeNull();
    expect(keyboardMove(CODES, id(4), 'outdent')).toEqual({ parentId: null, position: 1 });
    expect(keyboardMove(CODES, id(3), 'outdent')).toBeNull();
  });
});

describe('dropMove', () => {
  it('onto a code: its last child; before a code: its place among its siblings; top: last top-level code', () => {
    expect(dropMove(CODES, id(3), { kind: 'onto', codeId: id(1) })).toEqual({ parentId: 1, position: 2 });
    expect(dropMove(CODES, id(3), { kind: 'before', codeId: id(5) })).toEqual({ parentId: 1, position: 1 });
    // Positions count siblings without the moved code: Returns before Delivery is place 1 of [Payment, Delivery].
    expect(dropMove(CODES, id(3), { kind: 'before', codeId: id(2) })).toEqual({ parentId: null, position: 1 });
    expect(dropMove(CODES, id(1), { kind: 'before', codeId: id(3) })).toEqual({ parentId: null, position: 1 });
    expect(dropMove(CODES, id(4), { kind: 'top' })).toEqual({ parentId: null, position: 3 });
    expect(dropMove(CODES, id(3), { kind: 'top' })).toEqual({ parentId: null, position: 2 });
  });
});

describe('isWithin and describeMove', () => {
  it('knows a code sits inside itself and its ancestors, not its siblings', () => {
    expect(isWithin(CODES, id(4), id(1))).toBe(true);
    expect(isWithin(CODES, id(1), id(1))).toBe(true);
    expect(isWithin(CODES, id(1), id(4))).toBe(false);
    expect(isWithin(CODES, id(2), id(1))).toBe(false);
  });

  it('says where the moved code now sits', () => {
    expect(describeMove(CODES, code(5, 'Wallet', 1, 1))).toBe('Wallet moved inside Payment, position 2 of 2.');
    expect(describeMove(CODES, code(2, 'Delivery', null, 1))).toBe('Delivery moved at the top level, position 2 of 3.');
  });
});
