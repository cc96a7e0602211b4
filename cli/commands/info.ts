import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { printJson, printLine } from '../output.js';
import { withProject } from '../project.js';
import { infoJson } from '../shapes.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const info = await withProject(project, (d) => d.call('project.info', {}));
  if (flag(values, 'json')) {
    printJson(infoJson(info));
    return EXIT.ok;
  }
  printLine(`Project:  ${info.name}`);
  printLine(`File:     ${info.path}`);
  printLine(`Schema:   ${info.schemaVersion}`);
  const width = Math.max(...Object.keys(info.counts).map((k) => k.length));
  for (const [key, count] of Object.entries(info.counts)) printLine(`  ${key.padEnd(width)}  ${count}`);
  return EXIT.ok;
}
