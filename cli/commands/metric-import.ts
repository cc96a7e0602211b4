import { basename, resolve } from 'node:path';
import { flag, required, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT, isContractError, UsageError } from '../errors.js';
import { readBytes } from '../files.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

const list = (raw: string) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', file = ''] = positionals;
  const metric = required(command, values, 'metric');
  const round = required(command, values, 'round');
  const one = str(values, 'column');
  const many = str(values, 'columns');
  if ((one === undefined) === (many === undefined)) {
    throw new UsageError(
      'Give the values column with --column COL, or SUS item columns with --columns COL,COL,…',
      command,
    );
  }
  const columns = one !== undefined ? [one] : list(many ?? '');
  const read = readBytes(resolve(file));
  if ('error' in read) throw new CliError(`Could not read ${file}: ${read.error}`);
  const study = str(values, 'study');
  const participantColumn = str(values, 'participant-column');
  const segmentColumn = str(values, 'segment-column');
  const taskColumn = str(values, 'task-column');
  const task = str(values, 'task');
  const sheet = str(values, 'sheet');
  if (taskColumn !== undefined && task !== undefined) {
    throw new UsageError('Give --task-column or --task, not both.', command);
  }
  try {
    const result = await withProject(project, (d) =>
      d.call('metrics.import', {
        metric,
        round,
        columns,
        file: { name: basename(file), dataBase64: read.bytes.toString('base64') },
        ...(study !== undefined ? { study } : {}),
        ...(participantColumn !== undefined ? { participantColumn } : {}),
        ...(segmentColumn !== undefined ? { segmentColumn } : {}),
        ...(taskColumn !== undefined ? { taskColumn } : {}),
        ...(task !== undefined ? { task } : {}),
        ...(sheet !== undefined ? { sheet } : {}),
      }),
    );
    if (flag(values, 'json'))
      printJson({ imported: result.imported, skipped: result.skipped, replaced: result.replaced });
    else
      notice(
        `Imported ${result.imported} values of ${metric} for ${round}` +
          (result.skipped > 0 ? `; ${result.skipped} rows with an empty value were skipped` : '') +
          (result.replaced > 0 ? `; replaced the ${result.replaced} values imported before` : '') +
          '.',
      );
    return EXIT.ok;
  } catch (err) {
    // A bad file is rejected input (exit 3), as with `quarry import`; the project is unchanged.
    if (isContractError(err) && err.kind === 'BadInput') {
      if (flag(values, 'json')) printJson({ imported: 0, skipped: 0, rejected: [{ file, error: err.message }] });
      notice(err.message);
      return EXIT.rejected;
    }
    throw err;
  }
}
