import type { DocumentId } from '../../core/contract/types.js';
import { flag, parseId, str } from '../args.js';
import { indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { oneLine, printJson, printTable } from '../output.js';
import { withProject } from '../project.js';
import { excerptJson } from '../shapes.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const codeName = str(values, 'code');
  const rawDoc = str(values, 'doc');
  const documentId = rawDoc !== undefined ? parseId<DocumentId>(command, '--doc', rawDoc) : undefined;
  const excerpts = await withProject(project, async (d) => {
    const codeId = codeName !== undefined ? indexCodes(await d.call('codes.list', {})).resolve(codeName).id : undefined;
    return d.call('excerpts.list', {
      ...(codeId !== undefined ? { codeId } : {}),
      ...(documentId !== undefined ? { documentId } : {}),
    });
  });
  if (flag(values, 'json')) {
    printJson(excerpts.map(excerptJson));
    return EXIT.ok;
  }
  printTable(
    ['ID', 'DOC', 'SPAN', 'CODES', 'TEXT'],
    excerpts.map((e) => [
      String(e.id),
      String(e.documentId),
      `${e.start}-${e.end}`,
      e.codes.map((c) => c.name).join(', '),
      oneLine(e.text, 60),
    ]),
    'No excerpts match.',
  );
  return EXIT.ok;
}
