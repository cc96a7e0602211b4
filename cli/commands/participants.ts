/** `quarry participants`: who is in the project, their attributes and linked documents. */
import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { printJson, printTable } from '../output.js';
import { withProject } from '../project.js';
import { participantJson } from '../shapes.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const [participants, attributes] = await withProject(project, (d) =>
    Promise.all([d.call('participants.list', {}), d.call('attributes.list', {})]),
  );
  const rows = participants.map((p) => participantJson(p, attributes));
  if (flag(values, 'json')) {
    printJson(rows);
    return EXIT.ok;
  }
  printTable(
    ['ID', 'LABEL', 'DOCS', 'ATTRIBUTES'],
    rows.map((p) => [
      String(p.id),
      p.label,
      String(p.documents),
      Object.entries(p.attributes)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || '-',
    ]),
    'No participants yet. Import survey exports, or assign participants with "quarry import --participant-pattern".',
  );
  return EXIT.ok;
}
