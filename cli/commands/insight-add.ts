import type { ExcerptId, GroupId } from '../../core/contract/types.js';
import { flag, parseChoice, parseId, required, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const title = required(command, values, 'title');
  const statement = required(command, values, 'statement');
  const rawEvidence = str(values, 'evidence');
  const evidence = (rawEvidence ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => parseId<ExcerptId>(command, 'Each --evidence id', s));
  const rawGroup = str(values, 'from-group');
  const fromGroup = rawGroup !== undefined ? parseId<GroupId>(command, '--from-group', rawGroup) : undefined;
  const rawPriority = str(values, 'priority');
  const priority =
    rawPriority !== undefined ? parseChoice(command, '--priority', rawPriority, ['high', 'medium', 'low']) : undefined;
  const result = await withProject(project, (d) =>
    d.call('insights.add', {
      title,
      statement,
      evidence: [...new Set(evidence)],
      ...(priority !== undefined ? { priority } : {}),
      ...(fromGroup !== undefined ? { fromGroup } : {}),
    }),
  );
  if (flag(values, 'json')) printJson({ insightId: result.insightId });
  else notice(`Added insight ${result.insightId}: "${title}"`);
  return EXIT.ok;
}
