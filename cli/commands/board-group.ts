import type { BoardId } from '../../core/contract/types.js';
import { flag, parseId, required, str } from '../args.js';
import { indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawBoard = ''] = positionals;
  const boardId = parseId<BoardId>(command, 'The board id', rawBoard);
  const name = required(command, values, 'name');
  const codeName = str(values, 'code');
  const group = await withProject(project, async (d) => {
    // The code is resolved before anything is written: an unknown name adds no group.
    const codeId = codeName !== undefined ? indexCodes(await d.call('codes.list', {})).resolve(codeName).id : undefined;
    return d.call('boards.addGroup', { boardId, name, ...(codeId !== undefined ? { codeId } : {}) });
  });
  if (flag(values, 'json')) printJson({ groupId: group.id });
  else notice(`Added group ${group.id}: "${group.name}"${group.code ? ` (bound to code ${group.code.name})` : ''}`);
  return EXIT.ok;
}
