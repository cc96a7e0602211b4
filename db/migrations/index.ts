import { migration001 } from './001-initial.js';
import { migration002 } from './002-segmented-search.js';
import type { Migration } from './types.js';

/** Every migration in order; the last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
export type { Migration };
