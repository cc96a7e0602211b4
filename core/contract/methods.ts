/**
 * The contract: every operation Quarry offers, with its validated input and typed output.
 * Electron IPC, the HTTP host and the CLI all bind this one table; adding a method here
 * makes it available everywhere (see core/host.ts for the dispatcher).
 */
import type { z } from 'zod';
import { analysisMethods } from './methods/analysis.js';
import { appMethods } from './methods/app.js';
import { attributesMethods } from './methods/attributes.js';
import { boardsMethods } from './methods/boards.js';
import { codesMethods } from './methods/codes.js';
import { documentsMethods } from './methods/documents.js';
import { excerptsMethods } from './methods/excerpts.js';
import { exportingMethods } from './methods/exporting.js';
import { historyMethods } from './methods/history.js';
import { insightsMethods } from './methods/insights.js';
import { measuresMethods } from './methods/measures.js';
import { memosMethods } from './methods/memos.js';
import { participantsMethods } from './methods/participants.js';
import { roundsMethods } from './methods/rounds.js';
import { searchMethods } from './methods/search.js';

export type { MethodSpec, Scope } from './define.js';
export { fileUpload } from './define.js';

/** Every method, by area (one module each under ./methods/). */
export const contract = {
  ...appMethods,
  ...historyMethods,
  ...documentsMethods,
  ...codesMethods,
  ...excerptsMethods,
  ...memosMethods,
  ...attributesMethods,
  ...participantsMethods,
  ...roundsMethods,
  ...searchMethods,
  ...boardsMethods,
  ...insightsMethods,
  ...exportingMethods,
  ...measuresMethods,
  ...analysisMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends MethodName> = NonNullable<Contract[K]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(contract, value);
}

/** What a host is told after a mutating call, so views can refresh. */
export interface ChangeEvent {
  method: MethodName;
}
