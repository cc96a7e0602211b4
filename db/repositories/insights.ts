/** Insights and the excerpts that evidence them. */
import type { ExcerptId, InsightId, Priority } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface InsightRow {
  id: InsightId;
  title: string;
  statement: string;
  priority: Priority | null;
}

export interface NewInsight {
  title: string;
  statement: string;
  priority: Priority | null;
  ownerId: number | null;
}

export class InsightsRepo {
  constructor(private readonly sql: Sql) {}

  list(): InsightRow[] {
    return this.sql.all<InsightRow>(
      `SELECT id, title, statement, priority FROM insights
        ORDER BY CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, id`,
    );
  }

  insert(insight: NewInsight): InsightId {
    const now = nowIso();
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO insights (guid, title, statement, priority, owner_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      insight.title,
      insight.statement,
      insight.priority,
      insight.ownerId,
      now,
      now,
    );
    return lastInsertRowid as InsightId;
  }

  addEvidence(insightId: InsightId, excerptIds: readonly ExcerptId[]): void {
    excerptIds.forEach((excerptId, position) => {
      this.sql.run(
        `INSERT OR IGNORE INTO insight_evidence (insight_id, excerpt_id, position) VALUES (?, ?, ?)`,
        insightId,
        excerptId,
        position,
      );
    });
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
}
