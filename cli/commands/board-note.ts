import type { BoardId, GroupId } from '../../core/contract/types.js';
import { flag, parseId, required, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawBoard = ''] = positionals;
  const boardId = parseId<BoardId>(command, 'The board id', rawBoard);
  const text = required(command, values, 'text');
  const rawGroup = str(values, 'group');
  const groupId = rawGroup !== undefined ? parseId<GroupId>(command, '--group', rawGroup) : undefined;
  const card = await withProject(project, (d) =>
    d.call('boards.addCard', { boardId, text, ...(groupId !== undefined ? { groupId } : {}) }),
  );
  if (flag(values, 'json')) printJson({ cardId: card.id });
  else notice(`Added note ${card.id} to board ${boardId}`);
  return EXIT.ok;
}
