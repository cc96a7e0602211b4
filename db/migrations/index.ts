import { migration001 } from './001-initial.js';
import { migration002 } from './002-segmented-search.js';
import { migration003 } from './003-segment-byte-offsets.js';
import { migration004 } from './004-search-words-folded.js';
import { migration005 } from './005-excerpt-text-and-order-keys.js';
import { migration006 } from './006-hypothesis-status-history.js';
import { migration007 } from './007-wall-codings-and-insight-order.js';
import { migration008 } from './008-metric-tasks-and-sql-views.js';
import type { Migration } from './types.js';

/** Every migration in order; the last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
export type { Migration };
