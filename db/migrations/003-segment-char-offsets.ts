/**
 * Schema v3: each search segment also records where it starts in Unicode code points
 * (char_start). SQLite's substr() counts characters while Quarry's offsets are UTF-16 code
 * units, so with this column a search hit can fetch only its segment plus a snippet margin
 * with substr() instead of loading the whole document text (see core/services/search.ts).
 * NULL (never written by this build) means "unknown": search then reads the owner's text.
 */
import { codePointOffsets } from '../../core/text/segments.js';
import type { Migration } from './types.js';

export const migration003: Migration = {
  version: 3,
  description: 'Search segments record their start in code points, so hits read only their own text',
  up(db) {
    db.exec(`ALTER TABLE search_segments ADD COLUMN char_start INTEGER`);
    const segments = db.prepare(
      `SELECT id, start FROM search_segments WHERE owner_kind = ? AND owner_id = ? ORDER BY start`,
    );
    const update = db.prepare(`UPDATE search_segments SET char_start = ? WHERE id = ?`);
    const owners: [kind: string, sql: string][] = [
      ['document', `SELECT id, text FROM documents`],
      ['memo', `SELECT id, body AS text FROM memos`],
    ];
    for (const [kind, sql] of owners) {
      for (const owner of db.prepare(sql).all() as { id: number; text: string }[]) {
        const rows = segments.all(kind, owner.id) as { id: number; start: number }[];
        const chars = codePointOffsets(
          owner.text,
          rows.map((r) => r.start),
        );
        rows.forEach((r, i) => {
          update.run(chars[i], r.id);
        });
      }
    }
  },
};
