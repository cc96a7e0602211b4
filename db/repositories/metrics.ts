/** Benchmark measures (table `metrics`) and their per-respondent values. */
import type { MeasureKind, MetricId } from '../../core/contract/measures-types.js';
import type { ParticipantId } from '../../core/contract/types.js';
import { newGuid, type Sql } from './sql.js';

/**
 * The schema's kind names predate the CLI's: a plain numeric measure is stored as 'score'.
 * Mapped here so nothing above the repository sees the old name.
 */
const TO_DB: Record<MeasureKind, string> = {
  nps: 'nps',
  sus: 'sus',
  mean: 'score',
  proportion: 'proportion',
  time: 'time',
};
const FROM_DB: Record<string, MeasureKind> = {
  nps: 'nps',
  sus: 'sus',
  score: 'mean',
  count: 'mean',
  proportion: 'proportion',
  time: 'time',
};

export interface MetricRow {
  id: MetricId;
  name: string;
  kind: MeasureKind;
  unit: string;
  higherIsBetter: boolean;
  target: number | null;
}

export interface NewMetric {
  name: string;
  kind: MeasureKind;
  unit: string;
  higherIsBetter: boolean;
  target: number | null;
}

export interface MetricValueRow {
  roundId: number;
  round: string;
  study: string;
  segment: string | null;
  value: number;
}

export interface NewMetricValue {
  participantId: ParticipantId | null;
  segment: string | null;
  value: number;
}

interface RawMetric {
  id: MetricId;
  name: string;
  kind: string;
  unit: string;
  higherIsBetter: number;
  target: number | null;
}

const toRow = (r: RawMetric): MetricRow => ({
  id: r.id,
  name: r.name,
  kind: FROM_DB[r.kind] ?? 'mean',
  unit: r.unit,
  higherIsBetter: r.higherIsBetter === 1,
  target: r.target,
});

const COLUMNS = `id, name, kind, unit, higher_is_better AS higherIsBetter, target`;

export class MetricsRepo {
  constructor(private readonly sql: Sql) {}

  list(): MetricRow[] {
    return this.sql.all<RawMetric>(`SELECT ${COLUMNS} FROM metrics ORDER BY name COLLATE NOCASE, id`).map(toRow);
  }

  findByName(name: string): MetricRow | undefined {
    const raw = this.sql.get<RawMetric>(`SELECT ${COLUMNS} FROM metrics WHERE name = ? COLLATE NOCASE`, name);
    return raw ? toRow(raw) : undefined;
  }

  insert(metric: NewMetric): MetricId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO metrics (guid, name, kind, unit, higher_is_better, target) VALUES (?, ?, ?, ?, ?, ?)`,
      newGuid(),
      metric.name,
      TO_DB[metric.kind],
      metric.unit,
      metric.higherIsBetter ? 1 : 0,
      metric.target,
    );
    return lastInsertRowid as MetricId;
  }

  /** Every value of the metric with its round, rounds in study and round order. */
  values(metricId: MetricId): MetricValueRow[] {
    return this.sql.all<MetricValueRow>(
      `SELECT v.round_id AS roundId, r.name AS round, s.name AS study, v.segment, v.value
         FROM metric_values v
         JOIN rounds r ON r.id = v.round_id
         JOIN studies s ON s.id = r.study_id
        WHERE v.metric_id = ?
        ORDER BY s.name COLLATE NOCASE, r.position, r.id, v.id`,
      metricId,
    );
  }

  /** Removes the metric's values for one round; returns how many there were. */
  clearRound(metricId: MetricId, roundId: number): number {
    return this.sql.run(`DELETE FROM metric_values WHERE metric_id = ? AND round_id = ?`, metricId, roundId).changes;
  }

  insertValue(metricId: MetricId, roundId: number, value: NewMetricValue): void {
    this.sql.run(
      `INSERT INTO metric_values (metric_id, round_id, participant_id, segment, value) VALUES (?, ?, ?, ?, ?)`,
      metricId,
      roundId,
      value.participantId,
      value.segment,
      value.value,
    );
  }
}
