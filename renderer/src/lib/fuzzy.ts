/** Fuzzy filtering of small in-memory lists (fuse.js); full-text search is the contract's job. */
import Fuse, { type FuseOptionKey } from 'fuse.js';

export function fuzzyFilter<T>(items: readonly T[], query: string, keys: FuseOptionKey<T>[]): T[] {
  const q = query.trim();
  if (q === '') return [...items];
  return new Fuse(items, { keys, threshold: 0.4, ignoreLocation: true }).search(q).map((r) => r.item);
}
