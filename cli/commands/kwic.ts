import type { DocumentId } from '../../core/contract/types.js';
import { flag, parseId, parseIntInRange, str } from '../args.js';
import { indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { parseFilters } from '../filters.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', word = ''] = positionals;
  const rawDoc = str(values, 'doc');
  const documentId = rawDoc !== undefined ? parseId<DocumentId>(command, '--doc', rawDoc) : undefined;
  const rawLimit = str(values, 'limit');
  const limit = rawLimit !== undefined ? parseIntInRange(command, '--limit', rawLimit, 1, 10_000) : 50;
  const rawContext = str(values, 'context');
  const context = rawContext !== undefined ? parseIntInRange(command, '--context', rawContext, 5, 500) : 40;
  const codeName = str(values, 'code');
  const filters = parseFilters(command, values);
  const kwic = await withProject(project, async (d) => {
    const codeId = codeName !== undefined ? indexCodes(await d.call('codes.list', {})).resolve(codeName).id : undefined;
    return d.call('analysis.kwic', {
      word,
      limit,
      context,
      filters,
      ...(documentId !== undefined ? { documentId } : {}),
      ...(codeId !== undefined ? { codeId } : {}),
    });
  });
  if (flag(values, 'json')) {
    printJson({
      word: kwic.word,
      total: kwic.total,
      hits: kwic.hits.map((h) => ({
        document: h.documentId,
        title: h.document,
        participant: h.participant,
        start: h.start,
        end: h.end,
        left: h.left,
        keyword: h.keyword,
        right: h.right,
      })),
    });
    return EXIT.ok;
  }
  printTable(
    ['DOCUMENT', 'LEFT', 'KEYWORD', 'RIGHT'],
    kwic.hits.map((h) => [h.document, h.left, h.keyword, h.right]),
    `"${kwic.word}" is not among the counted words.`,
  );
  if (kwic.total > kwic.hits.length) console.log(`${kwic.hits.length} of ${kwic.total} shown (--limit).`);
  return EXIT.ok;
}
