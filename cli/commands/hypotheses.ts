import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson, printLine } from '../output.js';
import { withProject } from '../project.js';
import { hypothesisJson } from '../shapes.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const hypotheses = await withProject(project, (d) => d.call('hypotheses.list', {}));
  if (flag(values, 'json')) {
    printJson(hypotheses.map(hypothesisJson));
    return EXIT.ok;
  }
  if (hypotheses.length === 0) {
    notice('No hypotheses yet. State one with "quarry hypothesis add".');
    return EXIT.ok;
  }
  for (const h of hypotheses) {
    printLine(`${h.id}. [${h.status}] ${h.statement}`);
    printLine(
      `   supporting: ${h.supporting.join(', ') || 'none'}; contradicting: ${h.contradicting.join(', ') || 'none'}`,
    );
  }
  return EXIT.ok;
}
