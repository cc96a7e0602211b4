/**
 * `quarry import`: reads files from disk and hands their bytes to documents.import one file
 * at a time, so each file is accepted or rejected on its own (a rejected file leaves nothing
 * behind) and progress can be shown. Exit 3 when anything was rejected.
 */
import { basename } from 'node:path';
import type { ImportResult } from '../../core/contract/types.js';
import { flag, str } from '../args.js';
import type { CommandContext } from '../commands.js';
import { EXIT, isContractError } from '../errors.js';
import { collectFiles, readBytes } from '../files.js';
import { notice, plural, printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';
import { withProject } from '../project.js';

export async function run({ values, positionals }: CommandContext): Promise<number> {
  const [project = '', ...inputs] = positionals;
  const participant = str(values, 'participant');
  const study = str(values, 'study');
  const { files, rejected } = collectFiles(inputs);
  const result: ImportResult = { imported: [], rejected: [...rejected] };

  await withProject(project, async (d) => {
    const progress = progressBar(files.length, 'Importing');
    for (const file of files) {
      progress.tick(file.path);
      const read = readBytes(file.path);
      if ('error' in read) {
        result.rejected.push({ file: file.path, error: read.error });
        continue;
      }
      try {
        const one = await d.call('documents.import', {
          files: [{ name: basename(file.path), dataBase64: read.bytes.toString('base64') }],
          ...(participant !== undefined ? { participant } : {}),
          ...(study !== undefined ? { study } : {}),
        });
        for (const ok of one.imported) result.imported.push({ ...ok, file: file.path });
        for (const bad of one.rejected) result.rejected.push({ file: file.path, error: bad.error });
      } catch (err) {
        // A closed project is not about this file: stop, as nothing else would import either.
        if (!isContractError(err) || err.kind === 'NoProject') throw err;
        result.rejected.push({ file: file.path, error: err.message });
      }
    }
    progress.done();
  });

  for (const bad of result.rejected) notice(`Rejected ${bad.file}: ${bad.error}`);
  if (flag(values, 'json')) {
    printJson(result);
  } else {
    for (const ok of result.imported) {
      const ids = ok.documentIds.join(', ');
      printLine(`${ok.file}  ->  ${ok.documentIds.length === 1 ? 'document' : 'documents'} ${ids} (${ok.format})`);
    }
    const docCount = result.imported.reduce((n, r) => n + r.documentIds.length, 0);
    notice(
      `Imported ${plural(result.imported.length, 'file')} (${plural(docCount, 'document')})` +
        (result.rejected.length > 0 ? `; rejected ${plural(result.rejected.length, 'file')}.` : '.'),
    );
  }
  return result.rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}
