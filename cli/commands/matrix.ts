import { flag, required } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { parseFilters } from '../filters.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const attribute = required(command, values, 'by');
  const filters = parseFilters(command, values);
  const matrix = await withProject(project, (d) => d.call('analysis.matrix', { attribute, filters }));
  if (flag(values, 'json')) {
    printJson({
      columns: matrix.columns,
      totals: matrix.totals,
      rows: matrix.rows.map((r) => ({ code: r.code, counts: r.counts, participants: r.participants })),
    });
    return EXIT.ok;
  }
  printTable(
    ['CODE', ...matrix.columns.map((c, i) => `${c} (n=${matrix.totals[i]})`)],
    matrix.rows.map((r) => [r.code, ...r.counts.map((n, i) => `${n} · ${r.participants[i]}p`)]),
    'The codebook is empty.',
  );
  return EXIT.ok;
}
