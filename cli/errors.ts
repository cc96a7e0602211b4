/**
 * How the CLI fails. Each error carries its exit code so `main` can map anything thrown to
 * the contract's exit codes (1 failure, 2 usage, 3 rejected input) in one place.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, rejected: 3 } as const;

/** A failure the user can act on: the message says what happened and what to do. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.failure) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Wrong command line: main prints the command's usage after the message. */
export class UsageError extends CliError {
  readonly command: string | null;
  constructor(message: string, command: string | null = null) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** A QuarryError from the core, recognised by shape so main need not load the core to check. */
export function isContractError(err: unknown): err is { kind: string; message: string } {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { kind?: unknown }).kind === 'string' &&
    typeof (err as { message?: unknown }).message === 'string'
  );
}
