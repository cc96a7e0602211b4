import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';
import { docJson } from '../shapes.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const docs = await withProject(project, (d) => d.call('documents.list', {}));
  if (flag(values, 'json')) {
    printJson(docs.map(docJson));
    return EXIT.ok;
  }
  printTable(
    ['ID', 'FORMAT', 'CHARS', 'TURNS', 'PARTICIPANT', 'TITLE'],
    docs.map((doc) => [
      String(doc.id),
      doc.format,
      String(doc.chars),
      String(doc.turns),
      doc.participant ?? '-',
      doc.title,
    ]),
    'No documents yet. Add some with "quarry import <project> <file>".',
  );
  return EXIT.ok;
}
