import type { DocumentId } from '../../core/contract/types.js';
import { flag, parseId, parseIntInRange, str } from '../args.js';
import { indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { parseFilters } from '../filters.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const rawDoc = str(values, 'doc');
  const documentId = rawDoc !== undefined ? parseId<DocumentId>(command, '--doc', rawDoc) : undefined;
  const rawLimit = str(values, 'limit');
  const limit = rawLimit !== undefined ? parseIntInRange(command, '--limit', rawLimit, 1, 10_000) : 100;
  const codeName = str(values, 'code');
  const filters = parseFilters(command, values);
  const words = await withProject(project, async (d) => {
    const codeId = codeName !== undefined ? indexCodes(await d.call('codes.list', {})).resolve(codeName).id : undefined;
    return d.call('analysis.words', {
      limit,
      filters,
      ...(documentId !== undefined ? { documentId } : {}),
      ...(codeId !== undefined ? { codeId } : {}),
    });
  });
  if (flag(values, 'json')) {
    printJson(words.map((w) => ({ word: w.word, count: w.count, documents: w.documents })));
    return EXIT.ok;
  }
  printTable(
    ['WORD', 'COUNT', 'DOCUMENTS'],
    words.map((w) => [w.word, String(w.count), String(w.documents)]),
    'No words to count.',
  );
  return EXIT.ok;
}
