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
  participantId: ParticipantId | null;
  segment: string | null;
  task: string | null;
  value: number;
}

export type LinkKind = 'insight' | 'hypothesis';

export interface MetricLinkRow {
  metricId: MetricId;
  kind: LinkKind;
  id: number;
  note: string;
  title: string;
  status: string;
}

export interface NewMetricValue {
  participantId: ParticipantId | null;
  segment: string | null;
  task: string | null;
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
      `SELECT v.round_id AS roundId, r.name AS round, s.name AS study, v.participant_id AS participantId,
              v.segment, v.task, v.value
         FROM metric_values v
         JOIN rounds r ON r.id = v.round_id
         JOIN studies s ON s.id = r.study_id
        WHERE v.metric_id = ?
        ORDER BY s.name COLLATE NOCASE, r.position, r.id, v.id`,
      metricId,
    );
  }

  /** Removes the metric's values for one round (of one task, when given); returns how many there were. */
  clearRound(metricId: MetricId, roundId: number, task?: string | null): number {
    if (task === undefined) {
      return this.sql.run(`DELETE FROM metric_values WHERE metric_id = ? AND round_id = ?`, metricId, roundId).changes;
    }
    return this.sql.run(
      `DELETE FROM metric_values WHERE metric_id = ? AND round_id = ? AND task IS ?`,
      metricId,
      roundId,
      task,
    ).changes;
  }

  get(id: MetricId): MetricRow | undefined {
    const raw = this.sql.get<RawMetric>(`SELECT ${COLUMNS} FROM metrics WHERE id = ?`, id);
    return raw ? toRow(raw) : undefined;
  }

  insertValue(metricId: MetricId, roundId: number, value: NewMetricValue): void {
    this.sql.run(
      `INSERT INTO metric_values (metric_id, round_id, participant_id, segment, task, value) VALUES (?, ?, ?, ?, ?, ?)`,
      metricId,
      roundId,
      value.participantId,
      value.segment,
      value.task,
      value.value,
    );
  }

  /** Insights and hypotheses linked to measures (all, or those of one measure), with their titles. */
  links(metricId?: MetricId): MetricLinkRow[] {
    return this.sql.all<MetricLinkRow>(
      `SELECT l.to_id AS metricId, l.from_kind AS kind, l.from_id AS id, l.note,
              coalesce(i.title, h.statement) AS title,
              coalesce(i.status, h.status) AS status
         FROM links l
         LEFT JOIN insights i ON l.from_kind = 'insight' AND i.id = l.from_id
         LEFT JOIN hypotheses h ON l.from_kind = 'hypothesis' AND h.id = l.from_id
        WHERE l.to_kind = 'metric' ${metricId !== undefined ? 'AND l.to_id = ?' : ''}
          AND coalesce(i.id, h.id) IS NOT NULL
        ORDER BY l.to_id, l.id`,
      ...(metricId !== undefined ? [metricId] : []),
    );
  }

  /** The measures an insight or hypothesis is linked to. */
  linkedFrom(kind: LinkKind, id: number): { metricId: MetricId; name: string }[] {
    return this.sql.all<{ metricId: MetricId; name: string }>(
      `SELECT m.id AS metricId, m.name
         FROM links l JOIN metrics m ON m.id = l.to_id
        WHERE l.from_kind = ? AND l.from_id = ? AND l.to_kind = 'metric'
        ORDER BY m.name COLLATE NOCASE`,
      kind,
      id,
    );
  }

  /** Links an insight or hypothesis to a measure; false when the link was there already. */
  /**
   * Links an end to a measure; with a note, an existing link takes that note. True when a link
   * was made or its note changed.
   */
  link(kind: LinkKind, id: number, metricId: MetricId, note: string | null): boolean {
    const insert = `INSERT INTO links (from_kind, from_id, to_kind, to_id, note) VALUES (?, ?, 'metric', ?, ?)`;
    const sql =
      note === null
        ? `${insert} ON CONFLICT DO NOTHING`
        : `${insert} ON CONFLICT (from_kind, from_id, to_kind, to_id) DO UPDATE SET note = excluded.note
             WHERE links.note IS NOT excluded.note`;
    return this.sql.run(sql, kind, id, metricId, note ?? '').changes > 0;
  }

  unlink(kind: LinkKind, id: number, metricId: MetricId): boolean {
    return (
      this.sql.run(
        `DELETE FROM links WHERE from_kind = ? AND from_id = ? AND to_kind = 'metric' AND to_id = ?`,
        kind,
        id,
        metricId,
      ).changes > 0
    );
  }
}
