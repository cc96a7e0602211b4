import type { CardId, GroupId } from '../../core/contract/types.js';
import { flag, parseId, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT, UsageError } from '../errors.js';
import { notice, plural, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawCard = ''] = positionals;
  const id = parseId<CardId>(command, 'The card id', rawCard);
  const rawGroup = str(values, 'group');
  const ungrouped = flag(values, 'ungrouped');
  if ((rawGroup !== undefined) === ungrouped) throw new UsageError('Give either --group ID or --ungrouped.', command);
  const groupId = rawGroup !== undefined ? parseId<GroupId>(command, '--group', rawGroup) : null;
  // No place given: the card takes the next slot of its new group, or stays where it is.
  const result = await withProject(project, (d) =>
    d.call('boards.moveCards', {
      moves: [{ id, groupId }],
      ...(flag(values, 'keep-codes') ? { keepCodes: true } : {}),
    }),
  );
  const card = result.cards[0];
  if (flag(values, 'json')) {
    printJson({ cardId: id, groupId: card?.groupId ?? null, applied: result.applied, removed: result.removed });
  } else {
    const coded = [
      result.applied > 0 ? `applied ${plural(result.applied, 'code')}` : '',
      result.removed > 0 ? `removed ${plural(result.removed, 'coding')}` : '',
    ].filter((s) => s !== '');
    notice(
      `Moved card ${id} ${groupId === null ? 'out of its group' : `to group ${groupId}`}${coded.length > 0 ? `; ${coded.join(', ')}` : ''}.`,
    );
  }
  return EXIT.ok;
}
