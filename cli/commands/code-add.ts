import { flag, str } from '../args.js';
import { indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';
import { codeJson } from '../shapes.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = '', name = ''] = positionals;
  const parentName = str(values, 'parent');
  const color = str(values, 'color');
  const description = str(values, 'description');
  const code = await withProject(project, async (d) => {
    const parentId =
      parentName !== undefined ? indexCodes(await d.call('codes.list', {})).resolve(parentName).id : null;
    return d.call('codes.add', {
      name,
      parentId,
      ...(color !== undefined ? { color } : {}),
      ...(description !== undefined ? { description } : {}),
    });
  });
  if (flag(values, 'json')) printJson(codeJson(code));
  else
    notice(`Added code "${code.name}"${code.parent ? ` under "${code.parent}"` : ''} (id ${code.id}, ${code.color})`);
  return EXIT.ok;
}
