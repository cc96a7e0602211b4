import { flag, parseIntInRange, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { oneLine, printJson, printTable } from '../output.js';
import { withProject } from '../project.js';
import { searchJson } from '../shapes.js';

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = '', query = ''] = positionals;
  const rawLimit = str(values, 'limit');
  const limit = rawLimit !== undefined ? parseIntInRange(command, '--limit', rawLimit, 1, 10_000) : undefined;
  const hits = await withProject(project, (d) =>
    d.call('search.query', { query, ...(limit !== undefined ? { limit } : {}) }),
  );
  if (flag(values, 'json')) {
    printJson(hits.map(searchJson));
    return EXIT.ok;
  }
  printTable(
    ['DOC', 'SPAN', 'TITLE', 'SNIPPET'],
    hits.map((h) => [
      String(h.documentId),
      `${h.start}-${h.end}`,
      oneLine(h.documentTitle, 30),
      oneLine(h.snippet, 80),
    ]),
    `Nothing found for "${query}".`,
  );
  return EXIT.ok;
}
