/**
 * `quarry export`: asks the core for the report (or exchange file) and writes it atomically to --out.
 * Report options: --sections, --codes, --boards, --lang, --title, --redact.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPORT_LANGUAGES, type ReportLanguage, type ReportSections } from '../../core/contract/report-types.js';
import type { BoardId, CodeId, ExportFormat, ExportTable } from '../../core/contract/types.js';
import type { Dispatcher } from '../../core/host.js';
import { flag, parseChoice, required, str } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandContext } from '../commands.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { notice, printJson } from '../output.js';
import { withProject } from '../project.js';

const FORMATS: readonly ExportFormat[] = ['md', 'html', 'pdf', 'docx', 'pptx', 'csv', 'xlsx', 'qdpx', 'qdc'];
const TABLES: readonly ExportTable[] = ['excerpts', 'codebook', 'matrix'];

/** --sections names → ReportSections keys ("summary" is the short name of the executive summary). */
const SECTION_NAMES: Record<string, keyof ReportSections> = {
  summary: 'executiveSummary',
  'executive-summary': 'executiveSummary',
  executivesummary: 'executiveSummary',
  insights: 'insights',
  hypotheses: 'hypotheses',
  codes: 'codes',
  themes: 'codes',
  boards: 'boards',
  method: 'method',
  participants: 'participants',
  charts: 'charts',
  appendix: 'appendix',
};

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function parseSections(command: string, raw: string | undefined): Set<keyof ReportSections> | null {
  if (raw === undefined) return null;
  const wanted = new Set<keyof ReportSections>();
  for (const name of list(raw)) {
    const key = SECTION_NAMES[name.toLowerCase()];
    if (!key) {
      throw new UsageError(
        `--sections takes summary, insights, hypotheses, codes, boards, method, participants, charts, appendix (got "${name}").`,
        command,
      );
    }
    wanted.add(key);
  }
  if (wanted.size === 0) throw new UsageError('--sections needs at least one section.', command);
  return wanted;
}

/** Names → ids, refusing names the project does not have. */
async function idsByName<I extends number>(d: Dispatcher, what: 'code' | 'board', names: string[]): Promise<I[]> {
  const items: { id: number; name: string }[] =
    what === 'code' ? await d.call('codes.list', {}) : await d.call('boards.list', {});
  return names.map((name) => {
    const found = items.find((i) => i.name === name) ?? items.find((i) => i.name.toLowerCase() === name.toLowerCase());
    if (!found) {
      throw new CliError(
        `There is no ${what} named "${name}". List them with \`quarry ${what}s <project>\`; nothing was written.`,
      );
    }
    return found.id as I;
  });
}

export async function run({ command, values, positionals }: CommandContext): Promise<number> {
  const [project = ''] = positionals;
  const format = parseChoice(command, '--format', required(command, values, 'format'), FORMATS);
  const tableFlag = str(values, 'table');
  const table = tableFlag === undefined ? undefined : parseChoice(command, '--table', tableFlag, TABLES);
  if (table !== undefined && format !== 'csv') {
    throw new UsageError('--table chooses the table of a CSV export; XLSX has a sheet for each.', command);
  }
  const out = resolve(required(command, values, 'out'));
  const wanted = parseSections(command, str(values, 'sections'));
  const language = parseChoice<ReportLanguage>(command, '--lang', str(values, 'lang') ?? 'en', REPORT_LANGUAGES);
  const title = str(values, 'title');
  if (title !== undefined && !title.trim()) throw new UsageError('--title cannot be empty.', command);
  const codeNames = list(str(values, 'codes'));
  const boardNames = list(str(values, 'boards'));
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliError(`The folder ${folder} does not exist. Create it first, or choose another --out path.`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    throw new CliError(`${out} is a folder. Give a file name with --out, e.g. ${out}/report.${format}.`);
  }
  const report = await withProject(project, async (d) => {
    if (format === 'qdpx' || format === 'qdc') {
      return d.call('export.report', { format, redact: flag(values, 'redact') });
    }
    if (format === 'csv' || format === 'xlsx') {
      return d.call('export.report', { format, redact: flag(values, 'redact'), ...(table ? { table } : {}) });
    }
    const codes = codeNames.length > 0 ? await idsByName<CodeId>(d, 'code', codeNames) : null;
    const boards =
      boardNames.length > 0
        ? await idsByName<BoardId>(d, 'board', boardNames)
        : wanted?.has('boards')
          ? (await d.call('boards.list', {})).map((b) => b.id)
          : [];
    const on = (key: keyof ReportSections) => (wanted ? wanted.has(key) : undefined);
    const sections: Partial<ReportSections> = {
      boards,
      ...(codes ? { codes } : wanted && !wanted.has('codes') ? { codes: 'none' as const } : {}),
    };
    for (const key of [
      'executiveSummary',
      'insights',
      'hypotheses',
      'method',
      'participants',
      'charts',
      'appendix',
    ] as const) {
      const value = on(key);
      if (value !== undefined) sections[key] = value;
    }
    return d.call('export.report', {
      format,
      redact: flag(values, 'redact'),
      language,
      sections,
      ...(title !== undefined ? { title } : {}),
    });
  });
  const bytes = Buffer.from(report.data, report.encoding === 'base64' ? 'base64' : 'utf8');
  try {
    writeFileAtomic(out, bytes);
  } catch (err) {
    throw new CliError(`Could not write ${out}: ${(err as Error).message}. Check the folder's permissions.`);
  }
  for (const n of report.notices ?? []) notice(n);
  if (flag(values, 'json')) printJson({ file: out, format, mediaType: report.mediaType, bytes: bytes.length });
  else notice(`Wrote ${out} (${format}, ${bytes.length} bytes)`);
  return EXIT.ok;
}
