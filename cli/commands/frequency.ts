import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { parseFilters } from '../filters.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const filters = parseFilters(command, values);
  const f = await withProject(project, (d) => d.call('analysis.frequency', { filters }));
  if (flag(values, 'json')) {
    printJson({
      rounds: f.rounds,
      totals: f.totals,
      rows: f.rows.map((r) => ({ code: r.code, excerpts: r.excerpts, participants: r.participants })),
    });
    return EXIT.ok;
  }
  printTable(
    ['CODE', ...f.rounds.map((round, i) => `${round} (n=${f.totals[i]})`)],
    f.rows.map((r) => [r.code, ...r.excerpts.map((n, i) => `${n} · ${r.participants[i]}p`)]),
    'The codebook is empty.',
  );
  return EXIT.ok;
}
