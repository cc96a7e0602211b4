/**
 * `quarry tag <project> --batch FILE.jsonl`: one {"doc", "start", "end", "codes"} object a line,
 * all coded in one transaction. A bad line (unreadable JSON, a wrong field, a span outside its
 * document) rejects the whole file with its line number: exit 3, nothing written.
 */
import type { DocumentId } from '../../core/contract/types.js';
import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT, isContractError } from '../errors.js';
import { readBytes } from '../files.js';
import { notice, plural, printJson } from '../output.js';
import { withProject } from '../project.js';

interface Item {
  documentId: DocumentId;
  start: number;
  end: number;
  codes: string[];
}

class BadLine extends Error {}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function parseLine(raw: string): Item {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new BadLine('not a JSON object (one {"doc", "start", "end", "codes"} object a line)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadLine('not a JSON object (one {"doc", "start", "end", "codes"} object a line)');
  }
  const { doc, start, end, codes, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new BadLine(`unknown field ${extra.map((k) => `"${k}"`).join(', ')}`);
  if (!isCount(doc) || doc < 1) throw new BadLine('"doc" must be a document id (a positive whole number)');
  if (!isCount(start)) throw new BadLine('"start" must be a whole number of 0 or more');
  if (!isCount(end)) throw new BadLine('"end" must be a whole number of 0 or more');
  if (end <= start) throw new BadLine(`"end" (${end}) must be greater than "start" (${start})`);
  if (!Array.isArray(codes) || codes.length === 0)
    throw new BadLine('"codes" must be a list of one or more code names');
  for (const c of codes) {
    if (typeof c !== 'string' || c.trim() === '') throw new BadLine('every code in "codes" must be a non-empty name');
    if (c.trim().length > 200) throw new BadLine('a code name is at most 200 characters');
  }
  return { documentId: doc as DocumentId, start, end, codes: codes as string[] };
}

function reject(json: boolean, file: string, message: string): number {
  if (json) printJson({ excerptIds: [], rejected: [{ file, error: message }] });
  notice(`quarry: ${message} Nothing was coded.`);
  return EXIT.rejected;
}

export async function runBatch(
  { values }: CommandContext,
  project: string,
  file: string,
  coder: string | undefined,
): Promise<number> {
  const json = flag(values, 'json');
  const read = readBytes(file);
  if ('error' in read) throw new CliError(`Could not read ${file}: ${read.error}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return reject(json, file, `${file} is not UTF-8 text.`);
  }
  const items: Item[] = [];
  /** The file line of each item (blank lines are skipped). */
  const lineOf: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    try {
      items.push(parseLine(raw));
      lineOf.push(i + 1);
    } catch (err) {
      if (err instanceof BadLine) return reject(json, file, `Line ${i + 1}: ${err.message}.`);
      throw err;
    }
  }
  if (items.length === 0) return reject(json, file, `${file} holds no lines to code.`);
  try {
    const result = await withProject(project, (d) => d.call('excerpts.tagBatch', { items }), coder ? { coder } : {});
    if (json) printJson({ excerptIds: result.excerptIds });
    else notice(`Coded ${plural(items.length, 'span')} (${plural(new Set(result.excerptIds).size, 'excerpt')}).`);
    return EXIT.ok;
  } catch (err) {
    const index = isContractError(err) ? (err as { detail?: { index?: unknown } }).detail?.index : undefined;
    if (isContractError(err) && typeof index === 'number') {
      // The core says "Item n: …"; people count lines of their file.
      const message = err.message.replace(/^Item \d+: /, '');
      return reject(json, file, `Line ${lineOf[index] ?? index + 1}: ${message}`);
    }
    throw err;
  }
}
