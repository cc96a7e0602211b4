import type { BoardId } from '../../core/contract/types.js';
import { flag, parseId } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { oneLine, printJson, printLine } from '../output.js';
import { withProject } from '../project.js';
import { boardJson } from '../shapes.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawBoard = ''] = positionals;
  const id = parseId<BoardId>(command, 'The board id', rawBoard);
  const board = await withProject(project, (d) => d.call('boards.get', { id }));
  const shape = boardJson(board);
  if (flag(values, 'json')) {
    printJson(shape);
    return EXIT.ok;
  }
  printLine(`${board.id}. ${board.name}`);
  const text = new Map(shape.cards.map((c) => [c.id, c.text]));
  const list = (ids: readonly number[]) => {
    for (const cardId of ids) printLine(`    [${cardId}] ${oneLine(text.get(cardId as never) ?? '', 70)}`);
  };
  for (const group of shape.groups) {
    printLine(`  ${group.id}. ${group.name}${group.code !== null ? ` (code: ${group.code})` : ''}`);
    list(group.cards);
  }
  const loose = shape.cards.filter((c) => c.groupId === null).map((c) => c.id);
  if (loose.length > 0) {
    printLine('  (no group)');
    list(loose);
  }
  return EXIT.ok;
}
