import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

const fixed = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '–');

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const metrics = await withProject(project, (d) => d.call('metrics.list', {}));
  if (flag(values, 'json')) {
    printJson(
      metrics.map((m) => ({
        name: m.name,
        kind: m.kind,
        unit: m.unit,
        target: m.target,
        rounds: m.rounds.map((r) => ({
          round: r.round,
          study: r.study,
          n: r.n,
          value: r.value,
          ci95: r.ci95,
          change: r.change,
        })),
        segments: m.segments,
        tasks: m.tasks,
        links: m.links,
      })),
    );
    return EXIT.ok;
  }
  if (metrics.length === 0) {
    notice('No measures yet. Add one with "quarry metric add".');
    return EXIT.ok;
  }
  printTable(
    ['MEASURE', 'ROUND', 'N', 'VALUE', '95% CI', 'CHANGE', 'P'],
    metrics.flatMap((m) =>
      m.rounds.map((r) => [
        `${m.name} (${m.kind})`,
        r.round,
        String(r.n),
        fixed(r.value),
        r.ci95 ? `${fixed(r.ci95[0])} – ${fixed(r.ci95[1])}` : '–',
        r.change ? `${r.change.difference >= 0 ? '+' : ''}${fixed(r.change.difference)}` : '',
        r.change?.p != null ? r.change.p.toFixed(3) : '',
      ]),
    ),
    'The measures have no values yet. Import some with "quarry metric import".',
  );
  return EXIT.ok;
}
