/** Contract methods: studies and their rounds. */
import { empty, method } from '../define.js';
import type * as T from '../types.js';

export const roundsMethods = {
  /** Every round of every study, in study then round order, with its document count. */
  'rounds.list': method<T.Round[]>()({ input: empty, mutates: false }),
} as const;
