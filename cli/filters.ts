/** The analysis filters every analysis command takes: --round, --coder, --where ATTR=VALUE[,…]. */
import { type OptionValues, str } from './args.js';
import { UsageError } from './errors.js';

export const FILTER_OPTIONS = {
  round: { type: 'string' },
  coder: { type: 'string' },
  where: { type: 'string' },
} as const;

export const FILTER_DETAILS = [
  "--round NAME: only documents of that round; --coder NAME: only that coder's codings;",
  '--where ATTR=VALUE[,ATTR=VALUE]: only participants with those attribute values (e.g. market=JP).',
];

export function parseFilters(command: string, values: OptionValues) {
  const round = str(values, 'round');
  const coder = str(values, 'coder');
  const where = str(values, 'where');
  const attributes: Record<string, string> = {};
  for (const part of (where ?? '').split(',').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where takes ATTRIBUTE=VALUE pairs ("${part}" has no "=").`, command);
    attributes[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return {
    ...(round !== undefined ? { round } : {}),
    ...(coder !== undefined ? { coder } : {}),
    ...(where !== undefined ? { attributes } : {}),
  };
}
