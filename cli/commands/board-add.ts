import type { BoardId, ExcerptId, GroupId } from '../../core/contract/types.js';
import { flag, parseId, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, plural, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawBoard = '', ...rawExcerpts] = positionals;
  const boardId = parseId<BoardId>(command, 'The board id', rawBoard);
  const excerptIds = rawExcerpts.map((raw) => parseId<ExcerptId>(command, 'Each excerpt id', raw));
  const rawGroup = str(values, 'group');
  const groupId = rawGroup !== undefined ? parseId<GroupId>(command, '--group', rawGroup) : undefined;
  const result = await withProject(project, (d) =>
    d.call('boards.addCards', { boardId, excerptIds, ...(groupId !== undefined ? { groupId } : {}) }),
  );
  if (flag(values, 'json')) printJson({ cardIds: result.cardIds });
  else notice(`Board ${boardId} holds ${plural(new Set(result.cardIds).size, 'card')} for these excerpts.`);
  return EXIT.ok;
}
