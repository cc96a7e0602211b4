import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const boards = await withProject(project, (d) => d.call('boards.list', {}));
  if (flag(values, 'json')) {
    printJson(boards.map((b) => ({ id: b.id, name: b.name, cards: b.cards })));
    return EXIT.ok;
  }
  printTable(
    ['id', 'name', 'cards'],
    boards.map((b) => [String(b.id), b.name, String(b.cards)]),
    'No boards yet. Make one with "quarry board new" or "quarry board from-codes".',
  );
  return EXIT.ok;
}
