/**
 * Strict argument parsing for one command, and the small parsers for the values commands
 * take (ids, offsets, ports). Anything malformed is a UsageError (exit 2), never a guess.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface ParsedCommandLine {
  values: OptionValues;
  positionals: string[];
}

export function parseCommandLine(command: string, argv: string[], options: OptionSpec): ParsedCommandLine {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { values: values as OptionValues, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, '.'), command);
  }
}

/** True when --help/-h appears before a `--` terminator. */
export function wantsHelp(argv: string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

export function str(values: OptionValues, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

export function flag(values: OptionValues, key: string): boolean {
  return values[key] === true;
}

const INTEGER = /^\d+$/;

/** A positive integer id; the brand is the caller's, since ids are plain integers on the wire. */
export function parseId<B extends number>(command: string, what: string, raw: string): B {
  const n = INTEGER.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${what} must be a positive whole number (got "${raw}").`, command);
  }
  return n as B;
}

/** A non-negative integer, e.g. a text offset. */
export function parseOffset(command: string, what: string, raw: string): number {
  const n = INTEGER.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new UsageError(`${what} must be a whole number of 0 or more (got "${raw}").`, command);
  }
  return n;
}

export function parseIntInRange(command: string, what: string, raw: string, min: number, max: number): number {
  const n = INTEGER.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${what} must be a whole number from ${min} to ${max} (got "${raw}").`, command);
  }
  return n;
}

export function parseChoice<C extends string>(command: string, what: string, raw: string, choices: readonly C[]): C {
  if ((choices as readonly string[]).includes(raw)) return raw as C;
  throw new UsageError(`${what} must be one of ${choices.join(', ')} (got "${raw}").`, command);
}

export function required(command: string, values: OptionValues, key: string): string {
  const v = str(values, key);
  if (v === undefined) throw new UsageError(`--${key} is required.`, command);
  return v;
}
