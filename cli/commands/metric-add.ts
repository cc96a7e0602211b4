import { KIND_ALIASES, MEASURE_KINDS, type MeasureKind } from '../../core/analysis/measures.js';
import { flag, parseChoice, required, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT, UsageError } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const name = required(command, values, 'name');
  const chosen = parseChoice(command, '--kind', required(command, values, 'kind'), [
    ...MEASURE_KINDS,
    ...(Object.keys(KIND_ALIASES) as (keyof typeof KIND_ALIASES)[]),
  ]);
  const kind: MeasureKind =
    chosen in KIND_ALIASES ? KIND_ALIASES[chosen as keyof typeof KIND_ALIASES] : (chosen as MeasureKind);
  const rawTarget = str(values, 'target');
  const target = rawTarget !== undefined ? Number(rawTarget) : undefined;
  if (target !== undefined && !Number.isFinite(target)) throw new UsageError('--target takes a number.', command);
  const direction = str(values, 'better');
  const higherIsBetter =
    direction !== undefined ? parseChoice(command, '--better', direction, ['higher', 'lower']) === 'higher' : undefined;
  const unit = str(values, 'unit');
  const result = await withProject(project, (d) =>
    d.call('metrics.add', {
      name,
      kind,
      ...(unit !== undefined ? { unit } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(higherIsBetter !== undefined ? { higherIsBetter } : {}),
    }),
  );
  if (flag(values, 'json')) printJson({ metricId: result.metricId });
  else notice(`Added measure ${result.metricId}: "${name}" (${kind})`);
  return EXIT.ok;
}
