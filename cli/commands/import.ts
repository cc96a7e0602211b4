/**
 * `quarry import`: hands each file's path to documents.import (the core reads it, once, with no
 * base64 copy: issue 8) one file at a time, so each file is accepted or rejected on its own (a rejected file leaves nothing
 * behind) and progress can be shown. Exit 3 when anything was rejected.
 */
import { resolve } from 'node:path';
import type { ImportResult, InputOf } from '../../core/contract/index.js';
import { DEFAULT_MAX_IMPORT_BYTES } from '../../core/services/context.js';
import { flag, parseChoice, parseIntInRange, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT, isContractError, UsageError } from '../errors.js';
import { collectFiles, importRefusal } from '../files.js';
import { notice, plural, printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';
import { withProject } from '../project.js';

type ImportInput = InputOf<'documents.import'>;

const list = (raw: string | undefined) =>
  raw === undefined
    ? []
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function optionsOf(command: string, values: CommandContext['values']): Omit<ImportInput, 'files'> {
  const options: Omit<ImportInput, 'files'> = {};
  const participant = str(values, 'participant');
  const pattern = str(values, 'participant-pattern');
  const fromSpeaker = flag(values, 'participant-from-speaker');
  if ([participant !== undefined, pattern !== undefined, fromSpeaker].filter(Boolean).length > 1) {
    throw new UsageError('Choose one of --participant, --participant-pattern and --participant-from-speaker.', command);
  }
  if (participant !== undefined) options.participant = participant;
  if (pattern !== undefined) options.participantPattern = pattern;
  if (fromSpeaker) options.participantFromSpeaker = true;
  const study = str(values, 'study');
  if (study !== undefined) options.study = study;
  const round = str(values, 'round');
  if (round !== undefined) options.round = round;
  const duplicates = str(values, 'duplicates');
  if (duplicates !== undefined)
    options.duplicates = parseChoice(command, '--duplicates', duplicates, ['skip', 'keep'] as const);
  const textColumns = list(str(values, 'csv-text'));
  const idColumn = str(values, 'csv-id');
  const attributeColumns = list(str(values, 'csv-attributes'));
  if (textColumns.length > 0) {
    options.csv = { idColumn: idColumn ?? null, attributeColumns, textColumns };
  } else if (idColumn !== undefined || attributeColumns.length > 0) {
    throw new UsageError('--csv-id and --csv-attributes need --csv-text (the open-text columns).', command);
  }
  return options;
}

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', ...inputs] = positionals;
  const options = optionsOf(command, values);
  const maxSize = str(values, 'max-size');
  const limits: { maxImportBytes?: number } =
    maxSize === undefined
      ? {}
      : { maxImportBytes: parseIntInRange(command, '--max-size', maxSize, 1, 2048) * 1024 * 1024 };
  const { files, rejected } = collectFiles(inputs);
  const result: ImportResult = { imported: [], rejected: [...rejected], duplicates: [] };

  await withProject(
    project,
    async (d) => {
      const progress = progressBar(files.length, 'Importing');
      for (const file of files) {
        progress.tick(file.path);
        const refusal = importRefusal(file.path, limits.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES);
        if (refusal) {
          result.rejected.push({ file: file.path, error: refusal });
          continue;
        }
        try {
          const one = await d.call('documents.import', {
            files: [{ path: resolve(file.path) }],
            ...options,
          });
          for (const ok of one.imported) result.imported.push({ ...ok, file: file.path });
          for (const bad of one.rejected) result.rejected.push({ file: file.path, error: bad.error });
          for (const dup of one.duplicates) result.duplicates.push({ ...dup, file: file.path });
        } catch (err) {
          // A closed project or a bad option is not about this file: stop, as nothing else would import either.
          if (!isContractError(err) || err.kind === 'NoProject' || err.kind === 'BadInput') throw err;
          result.rejected.push({ file: file.path, error: err.message });
        }
      }
      progress.done();
    },
    limits,
  );

  for (const bad of result.rejected) notice(`Rejected ${bad.file}: ${bad.error}`);
  for (const ok of result.imported) for (const warning of ok.warnings ?? []) notice(`Warning (${ok.file}): ${warning}`);
  for (const dup of result.duplicates) {
    notice(
      `${dup.action === 'skipped' ? 'Skipped' : 'Kept'} ${dup.file}: the same file as ${dup.duplicateOf} (already imported)`,
    );
  }
  if (flag(values, 'json')) {
    printJson(result);
  } else {
    for (const ok of result.imported) {
      const ids = ok.documentIds.join(', ');
      printLine(`${ok.file}  ->  ${ok.documentIds.length === 1 ? 'document' : 'documents'} ${ids} (${ok.format})`);
    }
    const docCount = result.imported.reduce((n, r) => n + r.documentIds.length, 0);
    const skipped = result.duplicates.filter((x) => x.action === 'skipped').length;
    notice(
      `Imported ${plural(result.imported.length, 'file')} (${plural(docCount, 'document')})` +
        (skipped > 0 ? `; skipped ${plural(skipped, 'duplicate')}` : '') +
        (result.rejected.length > 0 ? `; rejected ${plural(result.rejected.length, 'file')}.` : '.'),
    );
  }
  return result.rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}
