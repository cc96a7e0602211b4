import { flag, required } from '../args.js';
import { codeIds, indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT, UsageError } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const name = required(command, values, 'name');
  const names = required(command, values, 'codes')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--codes needs at least one code name.', command);
  const result = await withProject(project, async (d) => {
    const ids = codeIds(indexCodes(await d.call('codes.list', {})), names);
    return d.call('boards.fromCodes', { name, codeIds: [...new Set(ids)] });
  });
  if (flag(values, 'json')) printJson({ boardId: result.boardId });
  else notice(`Created board ${result.boardId}: "${name}", one group per code (${names.join(', ')})`);
  return EXIT.ok;
}
