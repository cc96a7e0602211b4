import { resolve } from 'node:path';
import { flag } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT } from '../errors.js';
import { notice, plural, printJson, printLine, terminalSafe } from '../output.js';
import { withProject } from '../project.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = '', other = ''] = positionals;
  const dryRun = flag(values, 'dry-run');
  const result = await withProject(project, (d) =>
    d.call('project.merge', { source: { path: resolve(other) }, dryRun }),
  );
  if (flag(values, 'json')) {
    printJson(result);
    return EXIT.ok;
  }
  const { documents, codes, participants, excerpts, codings, memos } = result;
  notice(`${dryRun ? 'Dry run: merging would bring' : 'Merged'} ${terminalSafe(result.file)}:`);
  printLine(`  documents     ${documents.matched} matched, ${documents.added} added`);
  printLine(`  codes         ${codes.matched} matched, ${codes.added} added`);
  printLine(`  participants  ${participants.matched} matched, ${participants.added} added`);
  printLine(`  excerpts      ${excerpts.matched} matched, ${excerpts.added} added`);
  printLine(`  codings       ${codings.added} added`);
  printLine(`  memos         ${memos.added} added`);
  if (result.conflicts.length > 0) {
    printLine(`${plural(result.conflicts.length, 'conflict')} (this project's version kept):`);
    for (const c of result.conflicts) printLine(`  - ${terminalSafe(c)}`);
  }
  for (const w of result.warnings) notice(`note: ${w}`);
  if (dryRun) notice('Nothing was written. Run again without --dry-run to merge.');
  return EXIT.ok;
}
