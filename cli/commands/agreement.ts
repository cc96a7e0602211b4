import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { IntercoderAgreement } from '../../core/contract/measures-types.js';
import { flag, required } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT } from '../errors.js';
import { notice, printJson, printTable } from '../output.js';
import { withProject } from '../project.js';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const fixed = (x: number) => x.toFixed(3);

/** One row per code and a last "(all codes)" row, for R, SPSS or a spreadsheet (UTF-8 with BOM). */
export function agreementCsv(result: IntercoderAgreement): string {
  const row = (code: string, f: IntercoderAgreement['overall']) => ({
    code,
    agreement: f.agreement,
    kappa: f.kappa,
    alpha: f.alpha,
    both: f.table?.both ?? '',
    first_only: f.table?.firstOnly ?? '',
    second_only: f.table?.secondOnly ?? '',
    neither: f.table?.neither ?? '',
  });
  const rows = [...result.codes.map((c) => row(c.code, c)), row('(all codes)', result.overall)];
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

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
