/**
 * The command table: synopsis, options and arity of every command, and a lazy loader for its
 * implementation. Parsing and help need only this file, so `quarry --help` and usage errors
 * never load SQLite or the core.
 */
import type { OptionSpec, OptionValues } from './args.js';
import { FILTER_DETAILS, FILTER_OPTIONS } from './filters.js';

export interface CommandContext {
  command: string;
  values: OptionValues;
  positionals: string[];
}

export interface CommandModule {
  /** Resolves to the process exit code. */
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandSpec {
  name: string;
  synopsis: string;
  summary: string;
  /** Extra lines shown by `quarry <command> --help`. */
  details?: string[];
  options: OptionSpec;
  positionals: { min: number; max: number };
  load: () => Promise<CommandModule>;
}

const json = { json: { type: 'boolean' } } as const;

export const COMMANDS: CommandSpec[] = [
  {
    name: 'new',
    synopsis: 'new <project.quarry> [--name TEXT] [--json]',
    summary: 'Create a new, empty project file',
    options: { name: { type: 'string' }, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/new.js'),
  },
  {
    name: 'info',
    synopsis: 'info <project> [--json]',
    summary: 'Show the schema version and how many records the project holds',
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/info.js'),
  },
  {
    name: 'import',
    synopsis:
      'import <project> <file-or-dir>... [--participant NAME | --participant-pattern REGEX | --participant-from-speaker] [--study NAME] [--round NAME] [--duplicates skip|keep] [--csv-id COL] [--csv-attributes COL,COL] [--csv-text COL,COL] [--max-size MB] [--json]',
    summary:
      'Import transcripts, notes, survey exports and REFI-QDA projects (.txt .md .docx .vtt .srt .csv .qdpx .qdc)',
    details: [
      'Folders are searched recursively; hidden files and folders are skipped.',
      '--participant-pattern finds the participant in each file name, e.g. "p\\d+" → P07 from p07-interview.docx',
      '  (the first capture group if the pattern has one, else the whole match).',
      '--participant-from-speaker: the participant is the main speaker (interviewer labels left out).',
      '--round puts documents and participants in a round of --study (created when missing).',
      '--duplicates: a file already in the project (same sha256) is skipped (default) or kept.',
      '--csv-id/--csv-attributes/--csv-text choose survey columns; without them roles are guessed.',
      '--max-size refuses files larger than this many megabytes (default 200).',
      'A .qdpx (REFI-QDA project) brings its codes, coders, excerpts, memos and participants in one step;',
      '  what it cannot place is printed as a warning. A .qdc brings a codebook.',
      'Exit code 3 when some files were rejected; the others are still imported.',
    ],
    options: {
      participant: { type: 'string' },
      'participant-pattern': { type: 'string' },
      'participant-from-speaker': { type: 'boolean' },
      study: { type: 'string' },
      round: { type: 'string' },
      duplicates: { type: 'string' },
      'csv-id': { type: 'string' },
      'csv-attributes': { type: 'string' },
      'csv-text': { type: 'string' },
      'max-size': { type: 'string' },
      ...json,
    },
    positionals: { min: 2, max: Number.POSITIVE_INFINITY },
    load: () => import('./commands/import.js'),
  },
  {
    name: 'docs',
    synopsis: 'docs <project> [--json]',
    summary: 'List the documents',
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/docs.js'),
  },
  {
    name: 'participants',
    synopsis: 'participants <project> [--json]',
    summary: 'List the participants with their attributes and how many documents each has',
    details: [
      '--json gives every attribute of the project for each participant: numbers as numbers,',
      '  yes/no as true/false, dates (YYYY-MM-DD) and text as strings, unset as null.',
    ],
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/participants.js'),
  },
  {
    name: 'show',
    synopsis: 'show <project> <docId> [--json]',
    summary: "Print a document's text and turns (with the offsets `tag` takes)",
    options: { ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/show.js'),
  },
  {
    name: 'codes',
    synopsis: 'codes <project> [--json]',
    summary: 'List the codebook with excerpt counts',
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/codes.js'),
  },
  {
    name: 'code add',
    synopsis: 'code add <project> <name> [--parent NAME] [--color #RRGGBB] [--description TEXT] [--json]',
    summary: 'Add a code to the codebook',
    details: ['--parent takes a code name, or a Parent/Child path when the name is not unique.'],
    options: { parent: { type: 'string' }, color: { type: 'string' }, description: { type: 'string' }, ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/code-add.js'),
  },
  {
    name: 'tag',
    synopsis:
      'tag <project> <docId> <start> <end> <code>... [--memo TEXT] [--coder NAME] [--json]\n       quarry tag <project> --batch FILE.jsonl [--coder NAME] [--json]',
    summary: 'Code the text from start (inclusive) to end (exclusive) with one or more codes',
    details: [
      'Offsets are JavaScript string indices into the stored text (see `quarry show`).',
      'Codes are given by name, or as a Parent/Child path when a name is not unique.',
      '--coder records who coded (created when missing); without it, the current coder.',
      '--batch codes every line of a file, one {"doc": id, "start": n, "end": n, "codes": [name...]}',
      '  object a line, in one transaction; codes named there are created when missing.',
      '  A bad line rejects the whole file with its line number: exit 3, nothing written.',
    ],
    options: { memo: { type: 'string' }, coder: { type: 'string' }, batch: { type: 'string' }, ...json },
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    load: () => import('./commands/tag.js'),
  },
  {
    name: 'excerpts',
    synopsis: 'excerpts <project> [--code NAME] [--doc ID] [--json]',
    summary: 'List coded excerpts, optionally for one code or one document',
    options: { code: { type: 'string' }, doc: { type: 'string' }, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/excerpts.js'),
  },
  {
    name: 'board new',
    synopsis: 'board new <project> --name TEXT [--json]',
    summary: 'Create an empty affinity board',
    options: { name: { type: 'string' }, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/board-new.js'),
  },
  {
    name: 'board from-codes',
    synopsis: 'board from-codes <project> --name TEXT --codes NAME,NAME... [--json]',
    summary: "Create a board with one group per code, bound to it, holding a card for each of the code's excerpts",
    details: ['Groups are sized to their cards and laid out in rows; nothing overlaps.'],
    options: { name: { type: 'string' }, codes: { type: 'string' }, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/board-from-codes.js'),
  },
  {
    name: 'board add',
    synopsis: 'board add <project> <boardId> <excerptId>... [--group ID] [--json]',
    summary: 'Put excerpts on a board as cards (an excerpt already there keeps its card)',
    details: ['Cards go below what is on the board, or into the group on its grid.'],
    options: { group: { type: 'string' }, ...json },
    positionals: { min: 3, max: Number.POSITIVE_INFINITY },
    load: () => import('./commands/board-add.js'),
  },
  {
    name: 'board note',
    synopsis: 'board note <project> <boardId> --text TEXT [--group ID] [--json]',
    summary: 'Put a sticky note (a card with no excerpt) on a board',
    options: { text: { type: 'string' }, group: { type: 'string' }, ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/board-note.js'),
  },
  {
    name: 'board group',
    synopsis: 'board group <project> <boardId> --name TEXT [--code NAME] [--json]',
    summary: 'Add a group to a board; --code binds it to a code (the group takes its name)',
    options: { name: { type: 'string' }, code: { type: 'string' }, ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/board-group.js'),
  },
  {
    name: 'board move',
    synopsis: 'board move <project> <cardId> (--group ID | --ungrouped) [--keep-codes] [--json]',
    summary: 'Move a card into a group or out of groups',
    details: [
      'Moving an excerpt card into a group bound to a code applies that code to the excerpt;',
      'moving it out of such a group removes the code that group applied (--keep-codes keeps it).',
      'A code the excerpt had before it went into the group is never removed.',
    ],
    options: { group: { type: 'string' }, ungrouped: { type: 'boolean' }, 'keep-codes': { type: 'boolean' }, ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/board-move.js'),
  },
  {
    name: 'board show',
    synopsis: 'board show <project> <boardId> [--json]',
    summary: 'Show a board: its groups (with bound codes) and cards',
    options: { ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/board-show.js'),
  },
  {
    name: 'boards',
    synopsis: 'boards <project> [--json]',
    summary: 'List the boards with how many cards each holds',
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/boards.js'),
  },
  {
    name: 'insight add',
    synopsis:
      'insight add <project> --title TEXT --statement TEXT [--evidence ID,ID...] [--from-group GROUP_ID] [--priority high|medium|low] [--json]',
    summary: 'Record an insight backed by excerpts',
    details: ['--from-group takes the excerpt cards of a board group (and of groups nested in it) as evidence.'],
    options: {
      title: { type: 'string' },
      statement: { type: 'string' },
      evidence: { type: 'string' },
      'from-group': { type: 'string' },
      priority: { type: 'string' },
      ...json,
    },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/insight-add.js'),
  },
  {
    name: 'insights',
    synopsis: 'insights <project> [--json]',
    summary: 'List insights with their evidence',
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/insights.js'),
  },
  {
    name: 'hypothesis add',
    synopsis: 'hypothesis add <project> --statement TEXT [--rationale TEXT] [--json]',
    summary: 'State a hypothesis (it starts open)',
    options: { statement: { type: 'string' }, rationale: { type: 'string' }, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/hypothesis-add.js'),
  },
  {
    name: 'hypothesis evidence',
    synopsis:
      'hypothesis evidence <project> <hypothesisId> <excerptId>... (--supports | --contradicts) [--note TEXT] [--json]',
    summary: 'Link excerpts as supporting or contradicting a hypothesis',
    details: ['Linking an excerpt already linked changes its stance.'],
    options: { supports: { type: 'boolean' }, contradicts: { type: 'boolean' }, note: { type: 'string' }, ...json },
    positionals: { min: 3, max: Number.POSITIVE_INFINITY },
    load: () => import('./commands/hypothesis-evidence.js'),
  },
  {
    name: 'hypothesis status',
    synopsis: 'hypothesis status <project> <hypothesisId> open|supported|refuted [--note TEXT] [--json]',
    summary: "Change a hypothesis's status (every change is kept, with who and why)",
    options: { note: { type: 'string' }, ...json },
    positionals: { min: 3, max: 3 },
    load: () => import('./commands/hypothesis-status.js'),
  },
  {
    name: 'hypotheses',
    synopsis: 'hypotheses <project> [--json]',
    summary: 'List hypotheses with their status and evidence',
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/hypotheses.js'),
  },
  {
    name: 'metric add',
    synopsis:
      'metric add <project> --name TEXT --kind nps|sus|mean|proportion|time|task-success|time-on-task [--unit TEXT] [--target N] [--better higher|lower] [--json]',
    summary: 'Define a benchmark measure tracked across rounds',
    details: [
      'nps: answers 0–10, scored −100…100; sus: the ten 1–5 items, scored 0–100;',
      'mean: any number; proportion: 0/1 outcomes such as task success; time: time on task (geometric mean).',
      'task-success is another name for proportion, time-on-task for time.',
    ],
    options: {
      name: { type: 'string' },
      kind: { type: 'string' },
      unit: { type: 'string' },
      target: { type: 'string' },
      better: { type: 'string' },
      ...json,
    },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/metric-add.js'),
  },
  {
    name: 'metric import',
    synopsis:
      'metric import <project> <file.csv|file.xlsx> --metric NAME --round NAME (--column COL | --columns COL,COL...) [--participant-column COL] [--segment-column COL] [--task-column COL | --task NAME] [--sheet NAME] [--study NAME] [--json]',
    summary: "Import a measure's values for one round from a CSV or Excel file",
    details: [
      'nps: one 0–10 column; sus: the ten 1–5 item columns in questionnaire order;',
      'mean/time: one numeric column (times may be m:ss); proportion: one 0/1 (or yes/no) column.',
      'Rows with an empty value are skipped and counted; a value out of range rejects the file',
      '(exit 3, nothing written). Importing a round again replaces its values.',
      "--segment-column keeps each value's market or segment, for results by segment.",
      '--task-column (or --task for the whole file) keeps the task of task success and time on task;',
      'with several --columns for any kind but sus, each column is a task named by its header.',
      '--sheet reads that sheet of a workbook (the first by default).',
    ],
    options: {
      metric: { type: 'string' },
      round: { type: 'string' },
      study: { type: 'string' },
      column: { type: 'string' },
      columns: { type: 'string' },
      'participant-column': { type: 'string' },
      'segment-column': { type: 'string' },
      'task-column': { type: 'string' },
      task: { type: 'string' },
      sheet: { type: 'string' },
      ...json,
    },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/metric-import.js'),
  },
  {
    name: 'metric link',
    synopsis: 'metric link <project> <metricName> (--insight ID | --hypothesis ID) [--note TEXT] [--remove] [--json]',
    summary: 'Link an insight or hypothesis to the measure it explains (or --remove the link)',
    options: {
      insight: { type: 'string' },
      hypothesis: { type: 'string' },
      note: { type: 'string' },
      remove: { type: 'boolean' },
      ...json,
    },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/metric-link.js'),
  },
  {
    name: 'metrics',
    synopsis: 'metrics <project> [--json]',
    summary: 'Each measure by round: score, 95% interval, and the change from the round before',
    options: { ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/metrics.js'),
  },
  {
    name: 'words',
    synopsis:
      'words <project> [--doc ID] [--code NAME] [--limit N] [--round NAME] [--coder NAME] [--where ATTR=VALUE] [--json]',
    summary: 'Word frequency in any script (Chinese, Japanese and Thai segmented into words), stop words left out',
    details: FILTER_DETAILS,
    options: {
      doc: { type: 'string' },
      code: { type: 'string' },
      limit: { type: 'string' },
      ...FILTER_OPTIONS,
      ...json,
    },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/words.js'),
  },
  {
    name: 'matrix',
    synopsis: 'matrix <project> --by ATTRIBUTE [--round NAME] [--coder NAME] [--where ATTR=VALUE] [--json]',
    summary: 'Code × attribute matrix: excerpts and participants per code and attribute value',
    details: FILTER_DETAILS,
    options: { by: { type: 'string' }, ...FILTER_OPTIONS, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/matrix.js'),
  },
  {
    name: 'frequency',
    synopsis: 'frequency <project> [--round NAME] [--coder NAME] [--where ATTR=VALUE] [--json]',
    summary: 'Code frequency across rounds: excerpts and participants per code and round',
    details: FILTER_DETAILS,
    options: { ...FILTER_OPTIONS, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/frequency.js'),
  },
  {
    name: 'kwic',
    synopsis:
      'kwic <project> <word> [--limit N] [--context N] [--doc ID] [--code NAME] [--round NAME] [--coder NAME] [--where ATTR=VALUE] [--json]',
    summary: 'Keywords in context: where a counted word occurs (any script), with the text either side',
    details: FILTER_DETAILS,
    options: {
      limit: { type: 'string' },
      context: { type: 'string' },
      doc: { type: 'string' },
      code: { type: 'string' },
      ...FILTER_OPTIONS,
      ...json,
    },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/kwic.js'),
  },
  {
    name: 'cooccurrence',
    synopsis: 'cooccurrence <project> [--round NAME] [--coder NAME] [--where ATTR=VALUE] [--json]',
    summary: 'Pairs of codes on the same or overlapping excerpts',
    details: FILTER_DETAILS,
    options: { ...FILTER_OPTIONS, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/cooccurrence.js'),
  },
  {
    name: 'merge',
    synopsis: 'merge <project> <other.quarry|other.qdpx|codebook.qdc> [--dry-run] [--json]',
    summary: "Merge a teammate's project into this one (documents by content, codes by GUID then name)",
    details: [
      'Documents with the same text are the same document; their excerpts match by GUID, else by span.',
      'Codes match by GUID, then by name under the same parent; coders by GUID, then name.',
      'Codings are kept per coder, memos and attribute values once; differences are listed as conflicts',
      "(this project's version is kept). --dry-run counts everything and writes nothing.",
    ],
    options: { 'dry-run': { type: 'boolean' }, ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/merge.js'),
  },
  {
    name: 'agreement',
    synopsis: 'agreement <project> --coders NAME,NAME[,NAME...] [--code NAME] [--csv FILE] [--json]',
    summary: "Intercoder agreement: percent agreement, Cohen's kappa and Krippendorff's alpha per code",
    details: [
      'Character-level (code points), over the documents every named coder coded; codes are those any of them used.',
      "With more than two coders, agreement and kappa are the means over every pair; alpha is Krippendorff's.",
      '--csv writes one row per code and one for all codes (UTF-8 with BOM).',
    ],
    options: { coders: { type: 'string' }, code: { type: 'string' }, csv: { type: 'string' }, ...json },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/agreement.js'),
  },
  {
    name: 'search',
    synopsis: 'search <project> <query> [--limit N] [--json]',
    summary: 'Full-text search across documents (any language)',
    options: { limit: { type: 'string' }, ...json },
    positionals: { min: 2, max: 2 },
    load: () => import('./commands/search.js'),
  },
  {
    name: 'export',
    synopsis:
      'export <project> --format md|html|pdf|docx|pptx|csv|xlsx|qdpx|qdc --out FILE [--redact] [--sections LIST] [--codes NAMES] [--boards NAMES] [--lang en|zh|de|ja] [--title TEXT] [--table excerpts|codebook|matrix] [--json]',
    summary: 'Write a report or exchange file',
    details: [
      'The file is written atomically: it appears complete or not at all.',
      'md, html, pdf: a report — insights with their evidence and best quotes, hypotheses, themes, method, participants.',
      'pdf prints the HTML report with an installed Chromium, Chrome or Edge (QUARRY_CHROMIUM names one).',
      '--redact replaces every known name with pseudonyms, masks e-mail addresses and phone numbers, and leaves out identifying attributes.',
      '--sections: comma-separated, from summary, insights, hypotheses, codes, boards, method, participants, charts, appendix (default: all but boards).',
      '--codes / --boards: the codes and boards to include, by name (comma-separated); --boards adds the boards section.',
      'qdpx: the project as REFI-QDA 1.0 (for NVivo, ATLAS.ti, MAXQDA, QualCoder); qdc: the codebook only.',
      'csv: one table per file, UTF-8 with a BOM: --table excerpts (default), codebook or matrix (code × participant counts, long format).',
      'xlsx: the three tables as sheets, header row frozen, cells typed.',
    ],
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      redact: { type: 'boolean' },
      sections: { type: 'string' },
      codes: { type: 'string' },
      boards: { type: 'string' },
      lang: { type: 'string' },
      title: { type: 'string' },
      table: { type: 'string' },
      ...json,
    },
    positionals: { min: 1, max: 1 },
    load: () => import('./commands/export.js'),
  },
  {
    name: 'serve',
    synopsis: 'serve [<project>] [--port N] [--no-open]',
    summary: 'Open Quarry in a browser, served on 127.0.0.1 with a one-time token',
    details: [
      'Without a project, the browser shows the open/create screen.',
      'Stop with Ctrl+C; the project is closed cleanly.',
    ],
    options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    positionals: { min: 0, max: 1 },
    load: () => import('./commands/serve.js'),
  },
];

/** Commands written as two words ("code add"), keyed by their first word. */
export const GROUPS = new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]));

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export function commandUsage(spec: CommandSpec): string {
  const lines = [`Usage: quarry ${spec.synopsis}`, '', `${spec.summary}.`];
  if (spec.details) lines.push('', ...spec.details);
  return lines.join('\n');
}

export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: quarry <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --json       machine-readable output on stdout (data commands)',
    '  -h, --help   show help for quarry or a command',
    '  --version    print the version',
    '',
    'Exit codes: 0 ok, 1 failure, 2 usage error, 3 some input was rejected.',
    "Run 'quarry <command> --help' for a command's options.",
  ].join('\n');
}
