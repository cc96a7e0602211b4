/** Insights and the excerpts that evidence them. */
import type {
  CoderId,
  EvidenceStance,
  ExcerptId,
  GroupId,
  InsightId,
  InsightStatus,
  Priority,
} from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface InsightRow {
  id: InsightId;
  title: string;
  statement: string;
  priority: Priority | null;
  recommendation: string;
  status: InsightStatus;
  ownerId: CoderId | null;
  ownerName: string | null;
  sourceGroupId: GroupId | null;
  orderKey: string;
}

export interface NewInsight {
  title: string;
  statement: string;
  priority: Priority | null;
  ownerId: number | null;
  sourceGroupId?: GroupId | null | undefined;
  orderKey: string;
}

export interface InsightPatch {
  title?: string | undefined;
  statement?: string | undefined;
  recommendation?: string | undefined;
  priority?: Priority | null | undefined;
  status?: InsightStatus | undefined;
  ownerId?: CoderId | null | undefined;
}

/** Counts behind an insight's supporting evidence. */
export interface StrengthRow {
  insightId: InsightId;
  participants: number;
  documents: number;
  segments: number;
}

const SELECT = `SELECT i.id, i.title, i.statement, i.priority, i.recommendation, i.status, i.owner_id AS ownerId,
                       k.name AS ownerName, i.source_group_id AS sourceGroupId, i.order_key AS orderKey
                  FROM insights i LEFT JOIN coders k ON k.id = i.owner_id`;

export class InsightsRepo {
  constructor(private readonly sql: Sql) {}

  /** Every insight in its order (insights.reorder). */
  list(): InsightRow[] {
    return this.sql.all<InsightRow>(`${SELECT} ORDER BY i.order_key, i.id`);
  }

  get(id: InsightId): InsightRow | undefined {
    return this.sql.get<InsightRow>(`${SELECT} WHERE i.id = ?`, id);
  }

  lastKey(): string | null {
    return this.sql.get<{ key: string | null }>(`SELECT max(order_key) AS key FROM insights`)?.key ?? null;
  }

  /** Insights in order with their keys (for placing one between two others). */
  keys(): { id: InsightId; key: string }[] {
    return this.sql.all(`SELECT id, order_key AS key FROM insights ORDER BY order_key, id`);
  }

  setKey(id: InsightId, key: string): void {
    this.sql.run(`UPDATE insights SET order_key = ? WHERE id = ?`, key, id);
  }

  insert(insight: NewInsight): InsightId {
    const now = nowIso();
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO insights (guid, title, statement, priority, owner_id, source_group_id, order_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      insight.title,
      insight.statement,
      insight.priority,
      insight.ownerId,
      insight.sourceGroupId ?? null,
      insight.orderKey,
      now,
      now,
    );
    return lastInsertRowid as InsightId;
  }

  update(id: InsightId, patch: InsightPatch): void {
    const current = this.get(id);
    if (!current) return;
    this.sql.run(
      `UPDATE insights SET title = ?, statement = ?, recommendation = ?, priority = ?, status = ?, owner_id = ?,
                           updated_at = ? WHERE id = ?`,
      patch.title ?? current.title,
      patch.statement ?? current.statement,
      patch.recommendation ?? current.recommendation,
      patch.priority === undefined ? current.priority : patch.priority,
      patch.status ?? current.status,
      patch.ownerId === undefined ? current.ownerId : patch.ownerId,
      nowIso(),
      id,
    );
  }

  delete(id: InsightId): void {
    this.sql.run(`DELETE FROM insights WHERE id = ?`, id);
  }

  addEvidence(insightId: InsightId, excerptIds: readonly ExcerptId[]): void {
    const start = this.nextPosition(insightId);
    excerptIds.forEach((excerptId, i) => {
      this.sql.run(
        `INSERT OR IGNORE INTO insight_evidence (insight_id, excerpt_id, position) VALUES (?, ?, ?)`,
        insightId,
        excerptId,
        start + i,
      );
    });
  }

  private nextPosition(insightId: InsightId): number {
    return (
      this.sql.get<{ n: number | null }>(
        `SELECT max(position) + 1 AS n FROM insight_evidence WHERE insight_id = ?`,
        insightId,
      )?.n ?? 0
    );
  }

  /** Adds the excerpt with this stance, or changes the stance it has. */
  setEvidence(insightId: InsightId, excerptId: ExcerptId, stance: EvidenceStance): void {
    const changed = this.sql.run(
      `UPDATE insight_evidence SET stance = ? WHERE insight_id = ? AND excerpt_id = ? AND stance IS NOT ?`,
      stance,
      insightId,
      excerptId,
      stance,
    ).changes;
    if (changed > 0) return;
    this.sql.run(
      `INSERT OR IGNORE INTO insight_evidence (insight_id, excerpt_id, stance, position) VALUES (?, ?, ?, ?)`,
      insightId,
      excerptId,
      stance,
      this.nextPosition(insightId),
    );
  }

  removeEvidence(insightId: InsightId, excerptId: ExcerptId): number {
    return this.sql.run(`DELETE FROM insight_evidence WHERE insight_id = ? AND excerpt_id = ?`, insightId, excerptId)
      .changes;
  }

  /** One insight's evidence with stances, in order. */
  evidenceOf(insightId: InsightId): { excerptId: ExcerptId; stance: EvidenceStance }[] {
    return this.sql.all(
      `SELECT excerpt_id AS excerptId, stance FROM insight_evidence WHERE insight_id = ? ORDER BY position, excerpt_id`,
      insightId,
    );
  }

  /** Evidence excerpt ids per insight, in the order they were given. */
  evidence(): Map<InsightId, ExcerptId[]> {
    const rows = this.sql.all<{ insightId: InsightId; excerptId: ExcerptId }>(
      `SELECT insight_id AS insightId, excerpt_id AS excerptId FROM insight_evidence ORDER BY insight_id, position`,
    );
    const map = new Map<InsightId, ExcerptId[]>();
    for (const row of rows) {
      const list = map.get(row.insightId) ?? [];
      list.push(row.excerptId);
      map.set(row.insightId, list);
    }
    return map;
  }

  /** Distinct participants behind each insight's evidence (through the excerpts' documents). */
  participantCounts(): Map<InsightId, number> {
    const rows = this.sql.all<{ insightId: InsightId; n: number }>(
      `SELECT ie.insight_id AS insightId, count(DISTINCT d.participant_id) AS n
         FROM insight_evidence ie
         JOIN excerpts e ON e.id = ie.excerpt_id
         JOIN documents d ON d.id = e.document_id
        GROUP BY ie.insight_id`,
    );
    return new Map(rows.map((r) => [r.insightId, r.n]));
  }

  /** Supporting evidence counted per insight (all insights, or one). */
  strength(id?: InsightId): StrengthRow[] {
    return this.sql.all<StrengthRow>(
      `SELECT ie.insight_id AS insightId, count(DISTINCT d.participant_id) AS participants,
              count(DISTINCT e.document_id) AS documents, count(*) AS segments
         FROM insight_evidence ie
         JOIN excerpts e ON e.id = ie.excerpt_id
         JOIN documents d ON d.id = e.document_id
        WHERE ie.stance = 'supports' AND (? IS NULL OR ie.insight_id = ?)
        GROUP BY ie.insight_id`,
      id ?? null,
      id ?? null,
    );
  }

  /** Distinct participants with supporting evidence, per attribute and value, for one insight. */
  strengthByAttribute(id: InsightId): { attribute: string; value: string; participants: number }[] {
    return this.sql.all(
      `SELECT a.name AS attribute, av.value, count(DISTINCT d.participant_id) AS participants
         FROM insight_evidence ie
         JOIN excerpts e ON e.id = ie.excerpt_id
         JOIN documents d ON d.id = e.document_id
         JOIN attribute_values av ON av.participant_id = d.participant_id
         JOIN attributes a ON a.id = av.attribute_id
        WHERE ie.insight_id = ? AND ie.stance = 'supports' AND av.value <> ''
        GROUP BY a.id, av.value
        ORDER BY a.position, a.name, av.value`,
      id,
    );
  }
}
