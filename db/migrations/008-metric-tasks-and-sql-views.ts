/**
 * Schema v8: measures per task, links that follow their ends, and SQL views for R, SPSS,
 * Python and SQL users (docs/sql.md).
 *
 * `metric_values.task` names the task a task-success or time-on-task value belongs to (NULL for
 * measures that are not per task, and for every value stored before).
 *
 * `links` has no foreign keys (its ends are of several kinds), so triggers remove a link when
 * the insight, hypothesis or measure at either end is deleted; `links_to` finds the links of a
 * measure.
 *
 * The views are the project in tidy, documented shapes for reading from outside Quarry: they
 * hold no data of their own and Quarry itself never reads them. A change to a view is a new
 * migration, since people's scripts depend on their columns.
 */
import type { Migration } from './types.js';

export const migration008: Migration = {
  version: 8,
  description: 'Measure values per task, links removed with their ends, and SQL views for analysis outside Quarry',
  up(db) {
    db.exec(`
      ALTER TABLE metric_values ADD COLUMN task TEXT;

      CREATE INDEX links_to ON links(to_kind, to_id);
      CREATE TRIGGER links_insight_deleted AFTER DELETE ON insights BEGIN
        DELETE FROM links WHERE (from_kind = 'insight' AND from_id = OLD.id) OR (to_kind = 'insight' AND to_id = OLD.id);
      END;
      CREATE TRIGGER links_hypothesis_deleted AFTER DELETE ON hypotheses BEGIN
        DELETE FROM links WHERE (from_kind = 'hypothesis' AND from_id = OLD.id) OR (to_kind = 'hypothesis' AND to_id = OLD.id);
      END;
      CREATE TRIGGER links_metric_deleted AFTER DELETE ON metrics BEGIN
        DELETE FROM links WHERE to_kind = 'metric' AND to_id = OLD.id;
      END;

      -- One row per excerpt: its text, where it comes from, and its codes ('; '-separated).
      CREATE VIEW v_excerpts AS
      SELECT e.id AS excerpt_id,
             e.text AS text,
             d.id AS document_id,
             d.title AS document,
             p.label AS participant,
             r.name AS round,
             s.name AS study,
             e.start AS start,
             e."end" AS "end",
             (SELECT group_concat(name, '; ')
                FROM (SELECT DISTINCT c.name AS name FROM codings g JOIN codes c ON c.id = g.code_id
                       WHERE g.excerpt_id = e.id ORDER BY c.name)) AS codes,
             e.created_at AS created_at
        FROM excerpts e
        JOIN documents d ON d.id = e.document_id
        LEFT JOIN participants p ON p.id = d.participant_id
        LEFT JOIN rounds r ON r.id = d.round_id
        LEFT JOIN studies s ON s.id = r.study_id;

      -- One row per coding (an excerpt can carry several codes, by several coders): long form.
      CREATE VIEW v_codings AS
      SELECT g.id AS coding_id,
             e.id AS excerpt_id,
             c.id AS code_id,
             c.name AS code,
             pc.name AS parent_code,
             k.name AS coder,
             d.id AS document_id,
             d.title AS document,
             p.label AS participant,
             r.name AS round,
             s.name AS study,
             e.text AS text,
             g.created_at AS coded_at
        FROM codings g
        JOIN excerpts e ON e.id = g.excerpt_id
        JOIN codes c ON c.id = g.code_id
        LEFT JOIN codes pc ON pc.id = c.parent_id
        LEFT JOIN coders k ON k.id = g.coder_id
        JOIN documents d ON d.id = e.document_id
        LEFT JOIN participants p ON p.id = d.participant_id
        LEFT JOIN rounds r ON r.id = d.round_id
        LEFT JOIN studies s ON s.id = r.study_id;

      -- One row per participant and attribute that has a value (long form; pivot to wide in R or pandas).
      CREATE VIEW v_participant_attributes AS
      SELECT p.id AS participant_id,
             p.label AS participant,
             a.name AS attribute,
             a.type AS type,
             v.value AS value
        FROM attribute_values v
        JOIN participants p ON p.id = v.participant_id
        JOIN attributes a ON a.id = v.attribute_id;

      -- One row per stored measure value (an NPS answer 0-10, a SUS score 0-100, a 0/1 outcome, a time).
      CREATE VIEW v_metric_values AS
      SELECT v.id AS value_id,
             m.name AS metric,
             CASE m.kind WHEN 'score' THEN 'mean' WHEN 'count' THEN 'mean' ELSE m.kind END AS kind,
             m.unit AS unit,
             s.name AS study,
             r.name AS round,
             r.position AS round_position,
             p.label AS participant,
             v.segment AS segment,
             v.task AS task,
             v.value AS value
        FROM metric_values v
        JOIN metrics m ON m.id = v.metric_id
        JOIN rounds r ON r.id = v.round_id
        JOIN studies s ON s.id = r.study_id
        LEFT JOIN participants p ON p.id = v.participant_id;
    `);
  },
};
