/**
 * Order keys (fractional indexing, as tldraw and Figma order siblings): each item's place is a
 * string that sorts between its neighbours' (byte order, SQLite's BINARY collation), so moving
 * an item rewrites that item's key only, never its siblings' positions.
 *
 * Written by hand, following David Greenspan's "Implementing Fractional Indexing" and the
 * `fractional-indexing` package (CC0), because no such library is installed and dependencies
 * cannot be added here; it is the same key format, so the package can replace this file.
 * A key is an integer part (a head letter giving its length — a..z for 2..27 characters,
 * Z..A for the negative side — then base-62 digits) and an optional fraction with no trailing
 * zero. Keys are ASCII, so JavaScript's `<` and SQLite agree on their order.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = '0';
const SMALLEST_INTEGER = `A${ZERO.repeat(26)}`;

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0] as string) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0] as string) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round(0.5 * (digitA + digitB))] as string;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[digitA] as string) + midpoint(a.slice(1), null);
}

function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  throw new Error(`Invalid order key head: ${head}`);
}

function integerPart(key: string): string {
  const length = integerLength(key[0] ?? '');
  if (length > key.length) throw new Error(`Invalid order key: ${key}`);
  return key.slice(0, length);
}

/** Throws on a string that is not an order key (so a corrupt value is never extended). */
export function assertOrderKey(key: string): void {
  if (key === SMALLEST_INTEGER) throw new Error(`Invalid order key: ${key}`);
  const integer = integerPart(key);
  if (key.length > integer.length && key.endsWith(ZERO)) throw new Error(`Invalid order key: ${key}`);
  for (const c of key.slice(1)) if (!DIGITS.includes(c)) throw new Error(`Invalid order key: ${key}`);
}

function step(integer: string, up: boolean): string | null {
  const [head, ...digits] = integer.split('') as [string, ...string[]];
  const last = up ? (DIGITS.at(-1) as string) : ZERO;
  const wrap = up ? ZERO : (DIGITS.at(-1) as string);
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== last) {
      digits[i] = DIGITS[DIGITS.indexOf(digits[i] as string) + (up ? 1 : -1)] as string;
      return head + digits.join('');
    }
    digits[i] = wrap;
  }
  // Every digit carried: the integer needs one more (or one fewer) digit.
  if (up) {
    if (head === 'Z') return `a${ZERO}`;
    if (head === 'z') return null;
    const next = String.fromCharCode(head.charCodeAt(0) + 1);
    if (next > 'a') digits.push(ZERO);
    else digits.pop();
    return next + digits.join('');
  }
  if (head === 'a') return `Z${DIGITS.at(-1)}`;
  if (head === 'A') return null;
  const next = String.fromCharCode(head.charCodeAt(0) - 1);
  if (next < 'Z') digits.push(DIGITS.at(-1) as string);
  else digits.pop();
  return next + digits.join('');
}

/** A key strictly between `a` and `b` (null: open end); `a` must sort before `b`. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null) assertOrderKey(a);
  if (b !== null) assertOrderKey(b);
  if (a !== null && b !== null && a >= b) throw new Error(`Order keys out of order: ${a} >= ${b}`);
  if (a === null) {
    if (b === null) return `a${ZERO}`;
    const ib = integerPart(b);
    const fb = b.slice(ib.length);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (ib < b) return ib;
    const down = step(ib, false);
    if (down === null) throw new Error('Cannot place a key before this one.');
    return down;
  }
  const ia = integerPart(a);
  const fa = a.slice(ia.length);
  if (b === null) return step(ia, true) ?? ia + midpoint(fa, null);
  const ib = integerPart(b);
  if (ia === ib) return ia + midpoint(fa, b.slice(ib.length));
  const up = step(ia, true);
  if (up === null) throw new Error('Cannot place a key after this one.');
  return up < b ? up : ia + midpoint(fa, null);
}

/** `n` keys in order strictly between `a` and `b`. */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [keyBetween(a, b)];
  if (b === null) {
    const out: string[] = [];
    let previous = a;
    for (let i = 0; i < n; i++) {
      previous = keyBetween(previous, null);
      out.push(previous);
    }
    return out;
  }
  if (a === null) {
    const out: string[] = [];
    let next: string = b;
    for (let i = 0; i < n; i++) {
      next = keyBetween(null, next);
      out.unshift(next);
    }
    return out;
  }
  const half = Math.floor(n / 2);
  const mid = keyBetween(a, b);
  return [...keysBetween(a, mid, half), mid, ...keysBetween(mid, b, n - half - 1)];
}

/** The key for an item placed at index `at` among `siblings` (their keys, in order). */
export function keyAt(siblings: readonly string[], at: number): string {
  const i = Math.max(0, Math.min(at, siblings.length));
  return keyBetween(siblings[i - 1] ?? null, siblings[i] ?? null);
}
