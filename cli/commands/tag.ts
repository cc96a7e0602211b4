import type { DocumentId } from '../../core/contract/types.js';
import { flag, parseId, parseOffset, str } from '../args.js';
import { codeIds, indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, oneLine, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawDoc = '', rawStart = '', rawEnd = '', ...names] = positionals;
  const documentId = parseId<DocumentId>(command, 'The document id', rawDoc);
  const start = parseOffset(command, 'start', rawStart);
  const end = parseOffset(command, 'end', rawEnd);
  const memo = str(values, 'memo');
  const result = await withProject(project, async (d) => {
    const ids = codeIds(indexCodes(await d.call('codes.list', {})), names);
    return d.call('excerpts.tag', {
      documentId,
      start,
      end,
      codeIds: [...new Set(ids)],
      ...(memo !== undefined ? { memo } : {}),
    });
  });
  if (flag(values, 'json')) printJson({ excerptId: result.excerptId, text: result.text });
  else notice(`Tagged excerpt ${result.excerptId} with ${names.join(', ')}: "${oneLine(result.text, 70)}"`);
  return EXIT.ok;
}
