import type { Envelope, MethodName, QuarryClient } from '../../../core/contract/index.js';
import { toClientError } from './errors.js';

/** The rows a change touched, by table (core ChangeEvent.tables); absent when not recorded row by row. */
export type ChangeTables = Record<string, (number | string)[]>;
export type ChangeListener = (method: MethodName, tables?: ChangeTables) => void;

/** The renderer's view of a host: the contract client plus change notifications. */
export interface RendererClient extends QuarryClient {
  /**
   * Called after every mutating call made elsewhere (another window or tab, the CLI host); a
   * window's own calls are not echoed back to it (the store that made them has the result).
   */
  onChange(listener: ChangeListener): () => void;
  readonly platform: 'electron' | 'web';
}

/** Unwraps a wire envelope: the result, or a typed QuarryClientError. */
export function unwrap<O>(envelope: Envelope<O>): O {
  if (envelope && typeof envelope === 'object' && envelope.ok === true) return envelope.result;
  if (envelope && typeof envelope === 'object' && envelope.ok === false) {
    throw toClientError(envelope.error?.kind, envelope.error?.message);
  }
  throw toClientError('Internal', 'Quarry sent an answer the window could not read.');
}
