import { flag, required, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const statement = required(command, values, 'statement');
  const rationale = str(values, 'rationale');
  const result = await withProject(project, (d) =>
    d.call('hypotheses.add', { statement, ...(rationale !== undefined ? { rationale } : {}) }),
  );
  if (flag(values, 'json')) printJson({ hypothesisId: result.hypothesisId });
  else notice(`Added hypothesis ${result.hypothesisId} (open): "${statement}"`);
  return EXIT.ok;
}
