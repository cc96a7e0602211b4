import { flag, required } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const name = required(command, values, 'name');
  const board = await withProject(project, (d) => d.call('boards.create', { name }));
  if (flag(values, 'json')) printJson({ boardId: board.id });
  else notice(`Created board ${board.id}: "${board.name}"`);
  return EXIT.ok;
}
