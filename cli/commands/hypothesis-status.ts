import { HYPOTHESIS_STATUSES, type HypothesisId, type HypothesisStatus } from '../../core/contract/hypotheses-types.js';
import { flag, parseChoice, parseId, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';
import { hypothesisJson } from '../shapes.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawHypothesis = '', rawStatus = ''] = positionals;
  const id = parseId<HypothesisId>(command, 'The hypothesis id', rawHypothesis);
  const status = parseChoice<HypothesisStatus>(command, 'The status', rawStatus, HYPOTHESIS_STATUSES);
  const note = str(values, 'note');
  const hypothesis = await withProject(project, (d) =>
    d.call('hypotheses.setStatus', { id, status, ...(note !== undefined ? { note } : {}) }),
  );
  if (flag(values, 'json')) printJson(hypothesisJson(hypothesis));
  else notice(`Hypothesis ${id} is now ${status}.`);
  return EXIT.ok;
}
