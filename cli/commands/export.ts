/**
 * `quarry export`: asks the core for the report and writes it atomically to --out.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ExportFormat, ExportTable } from '../../core/contract/types.js';
import { flag, parseChoice, required, str } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

const FORMATS: readonly ExportFormat[] = ['md', 'html', 'docx', 'pptx', 'csv', 'xlsx', 'qdpx', 'qdc'];
const TABLES: readonly ExportTable[] = ['excerpts', 'codebook', 'matrix'];

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const format = parseChoice(command, '--format', required(command, values, 'format'), FORMATS);
  const tableFlag = str(values, 'table');
  const table = tableFlag === undefined ? undefined : parseChoice(command, '--table', tableFlag, TABLES);
  if (table !== undefined && format !== 'csv') {
    throw new UsageError('--table chooses the table of a CSV export; XLSX has a sheet for each.', command);
  }
  const out = resolve(required(command, values, 'out'));
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliError(`The folder ${folder} does not exist. Create it first, or choose another --out path.`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    throw new CliError(`${out} is a folder. Give a file name with --out, e.g. ${out}/report.${format}.`);
  }
  const report = await withProject(project, (d) =>
    d.call('export.report', { format, redact: flag(values, 'redact'), ...(table ? { table } : {}) }),
  );
  const bytes = Buffer.from(report.data, report.encoding === 'base64' ? 'base64' : 'utf8');
  try {
    writeFileAtomic(out, bytes);
  } catch (err) {
    throw new CliError(`Could not write ${out}: ${(err as Error).message}. Check the folder's permissions.`);
  }
  for (const n of report.notices ?? []) notice(n);
  if (flag(values, 'json')) printJson({ file: out, format, mediaType: report.mediaType, bytes: bytes.length });
  else notice(`Wrote ${out} (${format}, ${bytes.length} bytes)`);
  return EXIT.ok;
}
