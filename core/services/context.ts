/** What every project-scoped service works with: the repositories and who is working. */
import type { Repositories } from '../../db/repositories/index.js';
import type { CoderId } from '../contract/types.js';

export interface ProjectContext {
  repos: Repositories;
  coderId: CoderId;
}

export interface ImportLimits {
  /** Files larger than this are refused (bytes). */
  maxFileBytes: number;
}

export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;
