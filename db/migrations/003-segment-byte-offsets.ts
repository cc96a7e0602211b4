/**
 * Schema v3: each search segment also records where it starts and ends in the UTF-8 bytes of
 * its owner's text (byte_start, byte_end). A search hit then reads only its segment plus a
 * margin with substr() on the text cast to a BLOB, which is indexed by byte and costs no
 * character walk, instead of loading the whole document into JavaScript (Quarry's offsets are
 * UTF-16 units; SQLite's substr() on TEXT counts characters from the start, which is slow).
 * NULL (never written by this build) means "unknown": search then reads the owner's text.
 */
// A frozen copy, not core/text: this migration must write the same rows forever.
import { utf8OffsetsV3 as utf8Offsets } from './frozen/v3-utf8.js';
import type { Migration } from './types.js';

export const migration003: Migration = {
  version: 3,
  description: 'Search segments record their UTF-8 byte range, so hits read only their own text',
  up(db) {
    db.exec(`ALTER TABLE search_segments ADD COLUMN byte_start INTEGER;
             ALTER TABLE search_segments ADD COLUMN byte_end INTEGER;`);
    const segments = db.prepare(
      `SELECT id, start, "end" FROM search_segments WHERE owner_kind = ? AND owner_id = ? ORDER BY start`,
    );
    const update = db.prepare(`UPDATE search_segments SET byte_start = ?, byte_end = ? WHERE id = ?`);
    const owners: [kind: string, sql: string][] = [
      ['document', `SELECT id, text FROM documents`],
      ['memo', `SELECT id, body AS text FROM memos`],
    ];
    for (const [kind, sql] of owners) {
      // .all(): the statement must be done before the updates run on this connection.
      for (const owner of db.prepare(sql).all() as { id: number; text: string }[]) {
        const rows = segments.all(kind, owner.id) as { id: number; start: number; end: number }[];
        const bytes = utf8Offsets(
          owner.text,
          rows.flatMap((r) => [r.start, r.end]),
        );
        rows.forEach((r, i) => {
          update.run(bytes[2 * i], bytes[2 * i + 1], r.id);
        });
      }
    }
  },
};
