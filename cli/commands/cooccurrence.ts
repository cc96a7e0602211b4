import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { parseFilters } from '../filters.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const filters = parseFilters(command, values);
  const pairs = await withProject(project, (d) => d.call('analysis.cooccurrence', { filters }));
  if (flag(values, 'json')) {
    printJson(pairs.map((p) => ({ a: p.a, b: p.b, excerpts: p.excerpts })));
    return EXIT.ok;
  }
  printTable(
    ['CODE', 'CODE', 'EXCERPTS'],
    pairs.map((p) => [p.a, p.b, String(p.excerpts)]),
    'No two codes overlap yet.',
  );
  return EXIT.ok;
}
