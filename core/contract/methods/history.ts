/** Contract methods: undo / redo (one step per contract call, for as long as the project is open). */

import { empty, method } from '../define.js';
import type * as T from '../types.js';

export const historyMethods = {
  'history.undo': method<T.HistoryStatus>()({ input: empty, mutates: true }),
  'history.redo': method<T.HistoryStatus>()({ input: empty, mutates: true }),
  'history.status': method<T.HistoryStatus>()({ input: empty, mutates: false }),
} as const;
