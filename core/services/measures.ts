/**
 * Benchmark measures across rounds: define a measure, import its values from a CSV file with
 * a column mapping (all rows or none), and list each round's standard score with its 95%
 * interval and the change from the round before (core/analysis/measures.ts).
 */
import { change, checkSusItem, checkValue, estimate, type MeasureKind, susScore } from '../analysis/measures.js';
import type { Metric, MetricId, MetricImportResult, MetricRound, MetricSegment } from '../contract/measures-types.js';
import type { ParticipantId } from '../contract/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import { parseCsv } from '../importers/csv/analyse.js';
import { decodeOrRefuse } from '../importers/plainText.js';
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
  /** One column, or SUS's ten item columns in questionnaire order. */
  columns: string[];
  participantColumn?: string | undefined;
  segmentColumn?: string | undefined;
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
  value: number;
}

export function importMetricValues(ctx: ProjectContext, input: ImportMetricInput): MetricImportResult {
  const { repos } = ctx;
  const metric = repos.metrics.findByName(input.metric.trim());
  if (!metric) throw notFound(`There is no measure named "${input.metric}". Add it first ("quarry metric add").`);
  const expected = metric.kind === 'sus' ? 10 : 1;
  if (input.columns.length !== expected) {
    throw badInput(
      metric.kind === 'sus'
        ? `SUS needs its ten item columns in questionnaire order (${input.columns.length} given). Nothing was imported.`
        : `A ${metric.kind} measure takes one column (${input.columns.length} given). Nothing was imported.`,
    );
  }
  const bytes = decodeBase64(input.file.dataBase64);
  if (bytes === null) throw badInput(`${input.file.name}: its data is not well-formed base64. Nothing was imported.`);
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(decodeOrRefuse(bytes));
  } catch (err) {
    if (err instanceof ImportRefusal) throw badInput(`${input.file.name}: ${err.message}. Nothing was imported.`);
    throw err;
  }
  const valueColumns = input.columns.map((c) => columnIndex(table.headers, c, 'value'));
  const participantColumn =
    input.participantColumn !== undefined ? columnIndex(table.headers, input.participantColumn, 'participant') : -1;
  const segmentColumn =
    input.segmentColumn !== undefined ? columnIndex(table.headers, input.segmentColumn, 'segment') : -1;

  const rows: ParsedRow[] = [];
  let skipped = 0;
  const refuse = (row: number, column: number, raw: string, problem: string) =>
    badInput(
      `${input.file.name}, row ${row}, column "${table.headers[column]}": "${raw}" ${problem}. Nothing was imported.`,
      { row, column: table.headers[column] },
    );
  table.rows.forEach((cells, i) => {
    const row = i + 2; // the header is row 1, as a spreadsheet numbers it
    const raws = valueColumns.map((c) => cells[c] ?? '');
    if (raws.some((raw) => raw === '')) {
      skipped += 1;
      return;
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
    rows.push({
      participant: participantColumn >= 0 ? (cells[participantColumn] ?? '') || null : null,
      segment: segmentColumn >= 0 ? (cells[segmentColumn] ?? '') || null : null,
      value,
    });
  });

  return repos.tx(() => {
    const roundId = resolveRound(ctx, input.round, input.study);
    const replaced = repos.metrics.clearRound(metric.id, roundId);
    for (const row of rows) {
      let participantId: ParticipantId | null = null;
      if (row.participant !== null) {
        participantId =
          repos.participants.findByLabel(row.participant)?.id ?? repos.participants.insert(row.participant, null);
        repos.participants.linkRound(participantId, roundId);
      }
      repos.metrics.insertValue(metric.id, roundId, { participantId, segment: row.segment, value: row.value });
    }
    return { imported: rows.length, skipped, replaced };
  });
}

export function listMetrics({ repos }: ProjectContext): Metric[] {
  return repos.metrics.list().map((metric) => {
    const byRound = new Map<number, { round: string; study: string; values: number[] }>();
    const bySegment = new Map<string, { round: string; segment: string; values: number[] }>();
    for (const v of repos.metrics.values(metric.id)) {
      const r = byRound.get(v.roundId) ?? { round: v.round, study: v.study, values: [] };
      r.values.push(v.value);
      byRound.set(v.roundId, r);
      if (v.segment !== null) {
        const key = `${v.roundId}\u0000${v.segment}`;
        const s = bySegment.get(key) ?? { round: v.round, segment: v.segment, values: [] };
        s.values.push(v.value);
        bySegment.set(key, s);
      }
    }
    let previous: { round: string; values: number[] } | null = null;
    const rounds: MetricRound[] = [];
    for (const r of byRound.values()) {
      const e = estimate(metric.kind, r.values);
      const moved = previous ? change(metric.kind, previous.values, r.values) : null;
      rounds.push({
        round: r.round,
        study: r.study,
        n: e.n,
        value: e.value,
        ci95: e.ci95,
        change: previous && moved ? { from: previous.round, difference: moved.difference, p: moved.p } : null,
      });
      previous = r;
    }
    const segments: MetricSegment[] = [...bySegment.values()].map((s) => {
      const e = estimate(metric.kind, s.values);
      return { round: s.round, segment: s.segment, n: e.n, value: e.value, ci95: e.ci95 };
    });
    return { ...metric, rounds, segments };
  });
}
