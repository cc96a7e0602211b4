import { resolve } from 'node:path';
import type { DocumentId } from '../../core/contract/types.js';
import { flag, parseId, parseOffset, str } from '../args.js';
import { codeIds, indexCodes } from '../code-names.js';
import type { CommandContext } from '../commands.js';
import { EXIT, UsageError } from '../errors.js';
import { notice, oneLine, printJson } from '../output.js';
import { withProject } from '../project.js';
import { runBatch } from './tag-batch.js';

export async function run(ctx: CommandContext): Promise<number> {
  const { command, values, positionals } = ctx;
  const coder = str(values, 'coder')?.trim();
  if (coder === '') throw new UsageError('--coder needs a name.', command);
  const batch = str(values, 'batch');
  if (batch !== undefined) {
    if (positionals.length !== 1) {
      throw new UsageError('With --batch, give only the project: quarry tag <project> --batch FILE.jsonl', command);
    }
    if (str(values, 'memo') !== undefined) throw new UsageError('--memo cannot be used with --batch.', command);
    return runBatch(ctx, positionals[0] ?? '', resolve(batch), coder);
  }
  if (positionals.length < 5) throw new UsageError('Missing arguments.', command);
  const [project = '', rawDoc = '', rawStart = '', rawEnd = '', ...names] = positionals;
  const documentId = parseId<DocumentId>(command, 'The document id', rawDoc);
  const start = parseOffset(command, 'start', rawStart);
  const end = parseOffset(command, 'end', rawEnd);
  const memo = str(values, 'memo');
  const result = await withProject(
    project,
    async (d) => {
      const ids = codeIds(indexCodes(await d.call('codes.list', {})), names);
      return d.call('excerpts.tag', {
        documentId,
        start,
        end,
        codeIds: [...new Set(ids)],
        ...(memo !== undefined ? { memo } : {}),
      });
    },
    coder ? { coder } : {},
  );
  if (flag(values, 'json')) printJson({ excerptId: result.excerptId, text: result.text });
  else notice(`Tagged excerpt ${result.excerptId} with ${names.join(', ')}: "${oneLine(result.text, 70)}"`);
  return EXIT.ok;
}
