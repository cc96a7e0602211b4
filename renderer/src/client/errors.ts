/**
 * The one error type the renderer sees from the contract, whatever the transport.
 * Kinds mirror core/errors.ts (BadInput, NotFound, …); transports add Transport when the
 * host cannot be reached at all.
 */
export type ClientErrorKind =
  | 'BadInput'
  | 'NotFound'
  | 'Conflict'
  | 'Unsupported'
  | 'NoProject'
  | 'Internal'
  | 'Transport'
  | 'Unauthorized';

export class QuarryClientError extends Error {
  readonly kind: ClientErrorKind;
  constructor(kind: ClientErrorKind, message: string) {
    super(message);
    this.name = 'QuarryClientError';
    this.kind = kind;
  }
}

const KNOWN_KINDS: readonly string[] = [
  'BadInput',
  'NotFound',
  'Conflict',
  'Unsupported',
  'NoProject',
  'Internal',
  'Transport',
  'Unauthorized',
];

export function toClientError(kind: unknown, message: unknown): QuarryClientError {
  const k = typeof kind === 'string' && KNOWN_KINDS.includes(kind) ? (kind as ClientErrorKind) : 'Internal';
  const m = typeof message === 'string' && message.trim() !== '' ? message : 'Something went wrong inside Quarry.';
  return new QuarryClientError(k, m);
}

/** A sentence a researcher can read, for anything caught in the UI. Never a stack. */
export function errorMessage(err: unknown): string {
  if (err instanceof QuarryClientError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong inside Quarry.';
}
