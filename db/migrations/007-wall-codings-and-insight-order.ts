/**
 * Schema v7: the affinity wall codes, and insights have an order.
 *
 * `codings.group_id` names the bound board group whose card move applied the coding, so
 * moving the card out removes exactly that coding and never one the excerpt had before (or
 * one another coder made). NULL for every other coding; kept codes are set back to NULL.
 *
 * `insights.order_key` orders insights by fractional keys (as codes, groups and cards are since
 * v5); existing insights keep the order lists showed them in (priority, then id).
 */
import { nthOrderKey } from './005-excerpt-text-and-order-keys.js';
import type { Migration } from './types.js';

export const migration007: Migration = {
  version: 7,
  description: 'Codings remember the board group that applied them; insights are ordered by fractional keys',
  up(db) {
    db.exec(`ALTER TABLE codings ADD COLUMN group_id INTEGER REFERENCES board_groups(id) ON DELETE SET NULL;
             CREATE INDEX codings_group ON codings(group_id) WHERE group_id IS NOT NULL;
             ALTER TABLE insights ADD COLUMN order_key TEXT NOT NULL DEFAULT '';`);
    const ids = db
      .prepare(
        `SELECT id FROM insights
          ORDER BY CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, id`,
      )
      .pluck()
      .all() as number[];
    const set = db.prepare(`UPDATE insights SET order_key = ? WHERE id = ?`);
    ids.forEach((id, i) => {
      set.run(nthOrderKey(i), id);
    });
    db.exec(`CREATE INDEX insights_order ON insights(order_key);`);
  },
};
