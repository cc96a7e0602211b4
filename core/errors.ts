/**
 * Typed errors that cross every host boundary (IPC, HTTP, CLI) as `{kind, message}`.
 * Messages are written for the researcher: what happened and what to do next.
 */
export const ERROR_KINDS = ['BadInput', 'NotFound', 'Conflict', 'Unsupported', 'NoProject', 'Internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface WireError {
  kind: ErrorKind;
  message: string;
  /** Optional structured detail, e.g. the file a rejection refers to. */
  detail?: Record<string, unknown>;
}

export class QuarryError extends Error {
  readonly kind: ErrorKind;
  readonly detail: Record<string, unknown> | undefined;
  constructor(kind: ErrorKind, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.name = `QuarryError(${kind})`;
    this.kind = kind;
    this.detail = detail;
  }
  toWire(): WireError {
    return this.detail
      ? { kind: this.kind, message: this.message, detail: this.detail }
      : { kind: this.kind, message: this.message };
  }
}

export const badInput = (message: string, detail?: Record<string, unknown>) =>
  new QuarryError('BadInput', message, detail);
export const notFound = (message: string, detail?: Record<string, unknown>) =>
  new QuarryError('NotFound', message, detail);
export const conflict = (message: string, detail?: Record<string, unknown>) =>
  new QuarryError('Conflict', message, detail);
export const unsupported = (message: string, detail?: Record<string, unknown>) =>
  new QuarryError('Unsupported', message, detail);

/** Flattens anything thrown into a wire error; unknown errors never leak a stack. */
export function toWireError(err: unknown): WireError {
  if (err instanceof QuarryError) return err.toWire();
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'Internal', message: `Something went wrong inside Quarry: ${message}` };
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).message === 'string' &&
    ERROR_KINDS.includes((value as WireError).kind)
  );
}

/** For exhaustive switches over closed unions: fails to compile on a missing case. */
export function exhaustive(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
