/**
 * How deep a contract input may nest. Checked before validation (which recurses) and before a
 * host hands the value to a worker (structured clone recurses too), so a hostile body cannot
 * overflow the stack and come back as an internal error.
 */
/** No contract input nests deeper than this; a deeper value is refused before validation walks it. */
export const MAX_INPUT_DEPTH = 32;

/** Whether a value nests arrays or objects deeper than `limit` (iterative: no stack to overflow). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
