import type { HypothesisId } from '../../core/contract/hypotheses-types.js';
import type { ExcerptId } from '../../core/contract/types.js';
import { flag, parseId, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT, UsageError } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';
import { hypothesisJson } from '../shapes.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', rawHypothesis = '', ...rawExcerpts] = positionals;
  const id = parseId<HypothesisId>(command, 'The hypothesis id', rawHypothesis);
  const excerptIds = rawExcerpts.map((raw) => parseId<ExcerptId>(command, 'Each excerpt id', raw));
  const supports = flag(values, 'supports');
  const contradicts = flag(values, 'contradicts');
  if (supports === contradicts) {
    throw new UsageError(
      'Say whether the excerpt --supports or --contradicts the hypothesis (one of the two).',
      command,
    );
  }
  const note = str(values, 'note');
  const hypothesis = await withProject(project, (d) =>
    d.call('hypotheses.linkEvidence', {
      id,
      excerptIds,
      stance: supports ? 'supports' : 'contradicts',
      ...(note !== undefined ? { note } : {}),
    }),
  );
  if (flag(values, 'json')) printJson(hypothesisJson(hypothesis));
  else
    notice(
      `Hypothesis ${id}: ${hypothesis.supporting.length} supporting, ${hypothesis.contradicting.length} contradicting excerpts.`,
    );
  return EXIT.ok;
}
