import { flag, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

const idOf = (command: string, option: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--${option} takes an id (a whole number).`, command);
  return id;
};

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', metricName = ''] = positionals;
  const insightId = idOf(command, 'insight', str(values, 'insight'));
  const hypothesisId = idOf(command, 'hypothesis', str(values, 'hypothesis'));
  if ((insightId === undefined) === (hypothesisId === undefined)) {
    throw new UsageError('Give one of --insight ID or --hypothesis ID.', command);
  }
  const note = str(values, 'note');
  const remove = flag(values, 'remove');
  const ends = {
    ...(insightId !== undefined ? { insightId: insightId as never } : {}),
    ...(hypothesisId !== undefined ? { hypothesisId: hypothesisId as never } : {}),
  };
  const what = insightId !== undefined ? `insight ${insightId}` : `hypothesis ${hypothesisId}`;
  const result = await withProject(project, async (d) => {
    const metric = (await d.call('metrics.list', {})).find(
      (m) => m.name.toLowerCase() === metricName.trim().toLowerCase(),
    );
    if (!metric) throw new CliError(`There is no measure named "${metricName}". See "quarry metrics".`);
    const changed = remove
      ? (await d.call('metrics.unlink', { metricId: metric.id, ...ends })).unlinked
      : (await d.call('metrics.link', { metricId: metric.id, ...ends, ...(note !== undefined ? { note } : {}) }))
          .linked;
    return { metric: metric.name, changed };
  });
  if (flag(values, 'json')) printJson({ metric: result.metric, [remove ? 'unlinked' : 'linked']: result.changed });
  else if (remove)
    notice(result.changed ? `Unlinked ${what} from ${result.metric}.` : `${what} was not linked to ${result.metric}.`);
  else
    notice(result.changed ? `Linked ${what} to ${result.metric}.` : `${what} was already linked to ${result.metric}.`);
  return EXIT.ok;
}
