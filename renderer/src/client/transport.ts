import type { Envelope, MethodName, QuarryClient } from '../../../core/contract/index.js';
import { toClientError } from './errors.js';

/** The renderer's view of a host: the contract client plus change notifications. */
export interface RendererClient extends QuarryClient {
  /** Called after every mutating call made by anyone (this window, another window, the CLI host). */
  onChange(listener: (method: MethodName) => void): () => void;
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
