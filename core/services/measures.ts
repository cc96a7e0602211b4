/**
 * Benchmark measures across rounds: define a measure, import its values from a CSV file with
 * a column mapping (all rows or none), and list each round's standard score with its 95%
 * interval and the change from the round before (core/analysis/measures.ts).
 */

import type { LinkKind, MetricValueRow } from '../../db/repositories/metrics.js';
import { change, checkSusItem, checkValue, estimate, type MeasureKind, susScore } from '../analysis/measures.js';
import type { HypothesisId } from '../contract/hypotheses-types.js';
import type {
  Metric,
  MetricFilePreview,
  MetricId,
  MetricImportResult,
  MetricLink,
  MetricRound,
  MetricSegment,
  MetricTask,
} from '../contract/measures-types.js';
import type { InsightId, ParticipantId } from '../contract/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import { type MeasureTable, readMeasureTable } from '../importers/measureTable.js';
import { ImportRefusal } from '../importers/types.js';
import { decodeBase64 } from '../text/base64.js';
import type { ProjectContext } from './context.js';

export interface AddMetricInput {
  name: string;
  kind: MeasureKind;
  unit?: string | undefined;
  higherIsBetter?: boolean | undefined;
  target?: number | undefined;
}

export function addMetric({ repos }: ProjectContext, input: AddMetricInput): { metricId: MetricId } {
  const name = input.name.trim();
  if (repos.metrics.findByName(name)) {
    throw conflict(`There is already a measure named "${name}". Choose another name, or import into that one.`);
  }
  const metricId = repos.metrics.insert({
    name,
    kind: input.kind,
    unit: input.unit?.trim() ?? '',
    // Time on task is better when lower; every other standard measure when higher.
    higherIsBetter: input.higherIsBetter ?? input.kind !== 'time',
    target: input.target ?? null,
  });
  return { metricId };
}

export interface ImportMetricInput {
  metric: string;
  round: string;
  study?: string | undefined;
  file: { name: string; dataBase64: string };
  /** The sheet of a workbook to read (the first when absent). */
  sheet?: string | undefined;
  /**
   * One column; SUS's ten item columns in questionnaire order; or, for any other kind, one
   * column per task (a wide file: each column's header is its task).
   */
  columns: string[];
  participantColumn?: string | undefined;
  segmentColumn?: string | undefined;
  /** The column naming each row's task (a long file). */
  taskColumn?: string | undefined;
  /** The task every value of the file belongs to. */
  task?: string | undefined;
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 'success', 'pass', 'passed', 'completed']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'fail', 'failed', 'failure', 'abandoned']);

/** A cell as a number: decimal comma accepted (European exports), m:ss and h:mm:ss as seconds for times. */
function parseNumber(kind: MeasureKind, raw: string): number {
  const cell = raw.trim();
  if (kind === 'proportion') {
    const word = cell.toLowerCase();
    if (TRUE.has(word)) return 1;
    if (FALSE.has(word)) return 0;
  }
  if (kind === 'time' && /^\d+(:\d{1,2}){1,2}(\.\d+)?$/.test(cell)) {
    return cell.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  }
  const normal = /^-?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal) ? Number(normal) : Number.NaN;
}

function columnIndex(headers: string[], column: string, what: string): number {
  const exact = headers.indexOf(column);
  if (exact >= 0) return exact;
  const folded = column.trim().toLowerCase();
  const loose = headers.findIndex((h) => h.trim().toLowerCase() === folded);
  if (loose >= 0) return loose;
  throw badInput(
    `The file has no ${what} column "${column}". Its columns are ${headers.map((h) => `"${h}"`).join(', ')}. Nothing was imported.`,
  );
}

/** The round named `name` (in `study` when given, else the only round of that name; created when missing). */
function resolveRound({ repos }: ProjectContext, name: string, study: string | undefined): number {
  const roundName = name.trim();
  if (study !== undefined) {
    const studyId = repos.studies.findStudy(study.trim()) ?? repos.studies.insertStudy(study.trim());
    return repos.studies.findRound(studyId, roundName) ?? repos.studies.insertRound(studyId, roundName);
  }
  const named = repos.studies.listRounds().filter((r) => r.name === roundName);
  if (named.length > 1) {
    throw badInput(
      `Round "${roundName}" exists in ${named.map((r) => `"${r.study}"`).join(' and ')}; say which study it belongs to.`,
    );
  }
  if (named[0]) return named[0].id;
  const studyId = repos.studies.findStudy('Study') ?? repos.studies.insertStudy('Study');
  return repos.studies.insertRound(studyId, roundName);
}

interface ParsedRow {
  participant: string | null;
  segment: string | null;
  task: string | null;
  value: number;
}

/** Reads the uploaded file as a table, or says why it cannot (BadInput, nothing written). */
export async function readMetricFile(
  file: { name: string; dataBase64: string },
  sheet?: string | undefined,
): Promise<MeasureTable> {
  const bytes = decodeBase64(file.dataBase64);
  if (bytes === null) throw badInput(`${file.name}: its data is not well-formed base64. Nothing was imported.`);
  try {
    return await readMeasureTable(file.name, bytes, sheet);
  } catch (err) {
    if (err instanceof ImportRefusal) throw badInput(`${file.name}: ${err.message}. Nothing was imported.`);
    throw err;
  }
}

const looksNumeric = (cell: string) =>
  /^[-+]?(\d+([.,]\d+)?|\.\d+)(e[-+]?\d+)?$|^\d+(:\d{1,2}){1,2}$/i.test(cell.trim());

/** Guesses a mapping from the headers: what the column mapping form starts from. */
export function suggestMapping(
  headers: readonly string[],
  numeric: readonly boolean[],
): MetricFilePreview['suggested'] {
  const find = (pattern: RegExp, wantNumeric?: boolean) =>
    headers.find((h, i) => pattern.test(h) && (wantNumeric === undefined || numeric[i] === wantNumeric)) ?? null;
  const participantColumn = find(
    /participant|respondent|^user|^(p|participant|respondent)?\s*id$|teilnehmer|参与者|回答者/i,
  );
  const segmentColumn = find(/market|segment|country|region|locale|markt|land|市场|地区/i, false);
  const taskColumn = find(/^task\b|^task$|aufgabe|任务|タスク/i, false);
  const taken = new Set([participantColumn, segmentColumn, taskColumn]);
  const value = headers.find((h, i) => numeric[i] && !taken.has(h));
  return { columns: value ? [value] : [], participantColumn, segmentColumn, taskColumn };
}

/** The file's sheets, columns (with samples) and first rows, so a column mapping can be chosen. */
export async function previewMetricFile(input: {
  file: { name: string; dataBase64: string };
  sheet?: string | undefined;
}): Promise<MetricFilePreview> {
  const table = await readMetricFile(input.file, input.sheet);
  const columns = table.headers.map((name, c) => {
    const filled = table.rows.map((r) => r.cells[c] ?? '').filter((v) => v.trim() !== '');
    return {
      name,
      samples: [...new Set(filled)].slice(0, 5),
      filled: filled.length,
      numeric: filled.length > 0 && filled.every(looksNumeric),
    };
  });
  return {
    file: input.file.name,
    format: table.format,
    sheets: table.sheets,
    sheet: table.sheet,
    columns,
    rows: table.rows.slice(0, 8).map((r) => ({ row: r.row, cells: r.cells })),
    total: table.rows.length,
    suggested: suggestMapping(
      table.headers,
      columns.map((c) => c.numeric),
    ),
  };
}

/**
 * Stores a measure file's values for one round, replacing that round's earlier values (of the
 * same tasks, when the file is per task): every row or none. `table` is the file already read.
 */
export function importMetricValues(
  ctx: ProjectContext,
  input: ImportMetricInput,
  table: MeasureTable,
): MetricImportResult {
  const { repos } = ctx;
  const metric = repos.metrics.findByName(input.metric.trim());
  if (!metric) throw notFound(`There is no measure named "${input.metric}". Add it first ("quarry metric add").`);
  const perColumnTask = metric.kind !== 'sus' && input.columns.length > 1;
  if (metric.kind === 'sus' && input.columns.length !== 10) {
    throw badInput(
      `SUS needs its ten item columns in questionnaire order (${input.columns.length} given). Nothing was imported.`,
    );
  }
  if (perColumnTask && (input.taskColumn !== undefined || input.task !== undefined)) {
    throw badInput(
      "With one value column per task, each column's header names its task: give no task column or task name. Nothing was imported.",
    );
  }
  if (input.taskColumn !== undefined && input.task !== undefined) {
    throw badInput('Give either a task column or one task for the whole file, not both. Nothing was imported.');
  }
  const valueColumns = input.columns.map((c) => columnIndex(table.headers, c, 'value'));
  const optional = (column: string | undefined, what: string) =>
    column !== undefined ? columnIndex(table.headers, column, what) : -1;
  const participantColumn = optional(input.participantColumn, 'participant');
  const segmentColumn = optional(input.segmentColumn, 'segment');
  const taskColumn = optional(input.taskColumn, 'task');
  const fixedTask = input.task?.trim() || null;

  const rows: ParsedRow[] = [];
  let skipped = 0;
  const refuse = (row: number, column: number, raw: string, problem: string) =>
    badInput(
      `${input.file.name}, row ${row}, column "${table.headers[column]}": "${raw}" ${problem}. Nothing was imported.`,
      { row, column: table.headers[column] },
    );
  const cell = (cells: string[], column: number) => (column >= 0 ? (cells[column] ?? '').trim() || null : null);
  for (const { row, cells } of table.rows) {
    const base = { participant: cell(cells, participantColumn), segment: cell(cells, segmentColumn) };
    if (perColumnTask) {
      valueColumns.forEach((c, k) => {
        const raw = (cells[c] ?? '').trim();
        if (raw === '') {
          skipped += 1;
          return;
        }
        const value = parseNumber(metric.kind, raw);
        const problem = checkValue(metric.kind, value);
        if (problem) throw refuse(row, c, raw, problem);
        rows.push({ ...base, task: table.headers[valueColumns[k] as number] ?? null, value });
      });
      continue;
    }
    const raws = valueColumns.map((c) => (cells[c] ?? '').trim());
    if (raws.some((raw) => raw === '')) {
      skipped += 1;
      continue;
    }
    const numbers = raws.map((raw) => parseNumber(metric.kind, raw));
    let value: number;
    if (metric.kind === 'sus') {
      numbers.forEach((n, k) => {
        const problem = checkSusItem(n);
        if (problem) throw refuse(row, valueColumns[k] as number, raws[k] as string, problem);
      });
      value = susScore(numbers);
    } else {
      value = numbers[0] as number;
      const problem = checkValue(metric.kind, value);
      if (problem) throw refuse(row, valueColumns[0] as number, raws[0] as string, problem);
    }
    rows.push({ ...base, task: taskColumn >= 0 ? cell(cells, taskColumn) : fixedTask, value });
  }

  return repos.tx(() => {
    const roundId = resolveRound(ctx, input.round, input.study);
    // A file of some tasks replaces those tasks' values only, so tasks can come in separate files.
    const tasks = [...new Set(rows.map((r) => r.task))];
    const replaced = tasks.some((t) => t !== null)
      ? tasks.reduce((n, t) => n + repos.metrics.clearRound(metric.id, roundId, t), 0)
      : repos.metrics.clearRound(metric.id, roundId);
    const participants = new Map<string, ParticipantId>();
    for (const row of rows) {
      let participantId: ParticipantId | null = null;
      if (row.participant !== null) {
        participantId = participants.get(row.participant) ?? null;
        if (participantId === null) {
          participantId =
            repos.participants.findByLabel(row.participant)?.id ?? repos.participants.insert(row.participant, null);
          repos.participants.linkRound(participantId, roundId);
          participants.set(row.participant, participantId);
        }
      }
      repos.metrics.insertValue(metric.id, roundId, {
        participantId,
        segment: row.segment,
        task: row.task,
        value: row.value,
      });
    }
    return { imported: rows.length, skipped, replaced };
  });
}

interface Group<K> {
  key: K;
  round: string;
  study: string;
  values: number[];
}

function groupBy<K>(rows: readonly MetricValueRow[], keyOf: (v: MetricValueRow) => K | null, id: (k: K) => string) {
  const groups = new Map<string, Group<K>>();
  for (const v of rows) {
    const key = keyOf(v);
    if (key === null) continue;
    const name = `${v.roundId}\u0000${id(key)}`;
    const g = groups.get(name) ?? { key, round: v.round, study: v.study, values: [] };
    g.values.push(v.value);
    groups.set(name, g);
  }
  return [...groups.values()];
}

export function listMetrics({ repos }: ProjectContext): Metric[] {
  const links = new Map<MetricId, MetricLink[]>();
  for (const l of repos.metrics.links()) {
    const list = links.get(l.metricId) ?? [];
    list.push({ kind: l.kind, id: l.id, title: l.title, status: l.status, note: l.note });
    links.set(l.metricId, list);
  }
  return repos.metrics.list().map((metric) => {
    const values = repos.metrics.values(metric.id);
    let previous: Group<number> | null = null;
    const rounds: MetricRound[] = [];
    for (const r of groupBy(values, (v) => v.roundId, String)) {
      const e = estimate(metric.kind, r.values);
      // A change is between rounds of one study: another study's last round is not "before".
      const before = previous && previous.study === r.study ? previous : null;
      const moved = before ? change(metric.kind, before.values, r.values) : null;
      rounds.push({
        round: r.round,
        study: r.study,
        n: e.n,
        value: e.value,
        ci95: e.ci95,
        change: before && moved ? { from: before.round, difference: moved.difference, p: moved.p } : null,
      });
      previous = r;
    }
    const segments: MetricSegment[] = groupBy(values, (v) => v.segment, String).map((s) => {
      const e = estimate(metric.kind, s.values);
      return { round: s.round, study: s.study, segment: s.key, n: e.n, value: e.value, ci95: e.ci95 };
    });
    const tasks: MetricTask[] = groupBy(values, (v) => v.task, String).map((t) => {
      const e = estimate(metric.kind, t.values);
      return { round: t.round, study: t.study, task: t.key, n: e.n, value: e.value, ci95: e.ci95 };
    });
    return { ...metric, rounds, segments, tasks, links: links.get(metric.id) ?? [] };
  });
}

export interface LinkMetricInput {
  metricId: MetricId;
  insightId?: InsightId | undefined;
  hypothesisId?: HypothesisId | undefined;
  note?: string | undefined;
}

function linkEnd({ repos }: ProjectContext, input: LinkMetricInput): { kind: LinkKind; id: number } {
  if (!repos.metrics.get(input.metricId)) throw notFound(`There is no measure ${input.metricId}.`);
  if ((input.insightId === undefined) === (input.hypothesisId === undefined)) {
    throw badInput('Link an insight or a hypothesis (one of them) to the measure.');
  }
  if (input.insightId !== undefined) {
    if (!repos.insights.get(input.insightId)) throw notFound(`There is no insight ${input.insightId}.`);
    return { kind: 'insight', id: input.insightId };
  }
  const id = input.hypothesisId as HypothesisId;
  if (!repos.hypotheses.get(id)) throw notFound(`There is no hypothesis ${id}.`);
  return { kind: 'hypothesis', id };
}

/**
 * Links an insight or hypothesis to the measure it explains, with a note saying how. Linking
 * again changes only the note, when one is given.
 */
export function linkMetric(ctx: ProjectContext, input: LinkMetricInput): { linked: boolean } {
  const end = linkEnd(ctx, input);
  return { linked: ctx.repos.metrics.link(end.kind, end.id, input.metricId, input.note?.trim() ?? null) };
}

export function unlinkMetric(ctx: ProjectContext, input: LinkMetricInput): { unlinked: boolean } {
  const end = linkEnd(ctx, input);
  return { unlinked: ctx.repos.metrics.unlink(end.kind, end.id, input.metricId) };
}

/** The measures an insight or hypothesis explains. */
export function metricsLinkedTo(
  { repos }: ProjectContext,
  input: { insightId?: InsightId | undefined; hypothesisId?: HypothesisId | undefined },
): { metricId: MetricId; name: string }[] {
  if (input.insightId !== undefined) return repos.metrics.linkedFrom('insight', input.insightId);
  if (input.hypothesisId !== undefined) return repos.metrics.linkedFrom('hypothesis', input.hypothesisId);
  return [];
}
