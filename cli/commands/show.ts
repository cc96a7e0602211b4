import type { DocumentId } from '../../core/contract/types.js';
import { flag, parseId } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { printJson, printLine } from '../output.js';
import { withProject } from '../project.js';
import { showJson } from '../shapes.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawId = ''] = positionals;
  const id = parseId<DocumentId>(command, 'The document id', rawId);
  const doc = await withProject(project, (d) => d.call('documents.get', { id }));
  if (flag(values, 'json')) {
    printJson(showJson(doc));
    return EXIT.ok;
  }
  printLine(`# ${doc.title}  (document ${doc.id}, ${doc.text.length} chars${doc.language ? `, ${doc.language}` : ''})`);
  printLine();
  if (doc.turns.length === 0) {
    printLine(doc.text);
    return EXIT.ok;
  }
  // Offsets are printed so a span can be passed straight to `quarry tag`.
  for (const turn of doc.turns) {
    const who = turn.speaker ? `${turn.speaker}: ` : '';
    printLine(`[${turn.start}-${turn.end}] ${who}${doc.text.slice(turn.start, turn.end)}`);
  }
  return EXIT.ok;
}
