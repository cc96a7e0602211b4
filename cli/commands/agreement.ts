import { resolve } from 'node:path';
import type { IntercoderAgreement } from '../../core/contract/measures-types.js';
import { agreementCsv } from '../../core/export/agreement-csv.js';
import { flag, required } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT } from '../errors.js';
import { notice, printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const fixed = (x: number) => x.toFixed(3);

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const coders = required(command, values, 'coders')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const code = typeof values.code === 'string' ? values.code : undefined;
  const result = await withProject(project, (d) => d.call('analysis.agreement', { coders, ...(code ? { code } : {}) }));
  if (typeof values.csv === 'string') {
    const out = resolve(values.csv);
    try {
      writeFileAtomic(out, Buffer.from(agreementCsv(result), 'utf8'));
    } catch (err) {
      throw new CliError(`Could not write ${out}: ${(err as Error).message}. Check the folder's permissions.`);
    }
    notice(`Wrote ${out}`);
  }
  if (flag(values, 'json')) {
    const figures = (f: IntercoderAgreement['overall']) => ({
      agreement: f.agreement,
      kappa: f.kappa,
      alpha: f.alpha,
      ...(f.table ? { table: f.table } : {}),
    });
    printJson({
      coders: result.coders,
      documents: result.documents,
      characters: result.characters,
      overall: figures(result.overall),
      codes: result.codes.map((c) => ({ code: c.code, ...figures(c) })),
      disagreements: result.disagreementsTotal,
    });
    return EXIT.ok;
  }
  notice(
    `${result.coders.join(' vs ')}: ${result.documents} document${result.documents === 1 ? '' : 's'} in common, ${result.characters} characters, ${result.disagreementsTotal} stretches of disagreement`,
  );
  printTable(
    ['CODE', 'AGREEMENT', 'KAPPA', 'ALPHA'],
    [
      ...result.codes.map((c) => [c.code, percent(c.agreement), fixed(c.kappa), fixed(c.alpha)]),
      ['(all codes)', percent(result.overall.agreement), fixed(result.overall.kappa), fixed(result.overall.alpha)],
    ],
    'No code to compare.',
  );
  return EXIT.ok;
}
