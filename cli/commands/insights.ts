import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, printJson, printLine } from '../output.js';
import { withProject } from '../project.js';
import { insightJson } from '../shapes.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const insights = await withProject(project, (d) => d.call('insights.list', {}));
  if (flag(values, 'json')) {
    printJson(insights.map(insightJson));
    return EXIT.ok;
  }
  if (insights.length === 0) {
    notice('No insights yet. Add one with "quarry insight add".');
    return EXIT.ok;
  }
  for (const insight of insights) {
    printLine(`${insight.id}. ${insight.title}${insight.priority ? ` [${insight.priority}]` : ''}`);
    printLine(`   ${insight.statement}`);
    printLine(
      `   evidence: ${insight.evidence.length > 0 ? insight.evidence.join(', ') : 'none'}; participants: ${insight.participants}`,
    );
  }
  return EXIT.ok;
}
