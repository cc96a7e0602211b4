/**
 * Schema v5: lists never read whole document texts.
 *
 * Each excerpt stores its own text (`text`, fixed at coding time: a document's text never
 * changes, and a resize rewrites it) and its UTF-8 byte range in the document (`byte_start`,
 * `byte_end`). Lists of excerpts then read a few hundred bytes per row instead of cutting each
 * excerpt out of its document in JavaScript, and retrieval cuts its context window with
 * substr() on the text cast to a BLOB (indexed by byte, no character walk: SQLite's substr()
 * on TEXT counts code points, Quarry's offsets are UTF-16 units).
 *
 * Self-contained on purpose: a migration's result must not change when today's domain code
 * does, so the UTF-16 → UTF-8 offset walk is written out here.
 */
import type { Migration } from './types.js';

/** UTF-8 byte offsets of the given (sorted ascending) UTF-16 offsets in `text`. */
function byteOffsets(text: string, sorted: readonly number[]): number[] {
  const out: number[] = [];
  let unit = 0;
  let bytes = 0;
  for (const offset of sorted) {
    while (unit < offset && unit < text.length) {
      const code = text.charCodeAt(unit);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(unit + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          bytes += 4;
          unit++;
        } else bytes += 3;
      } else bytes += 3;
      unit++;
    }
    out.push(bytes);
  }
  return out;
}

export const migration005: Migration = {
  version: 5,
  description: 'Excerpts store their text and UTF-8 byte range, so lists never read whole documents',
  up(db) {
    db.exec(`ALTER TABLE excerpts ADD COLUMN text TEXT NOT NULL DEFAULT '';
             ALTER TABLE excerpts ADD COLUMN byte_start INTEGER;
             ALTER TABLE excerpts ADD COLUMN byte_end INTEGER;`);
    const docs = db.prepare(`SELECT DISTINCT document_id AS id FROM excerpts ORDER BY document_id`).all() as {
      id: number;
    }[];
    const textOf = db.prepare(`SELECT text FROM documents WHERE id = ?`).pluck();
    const excerptsOf = db.prepare(`SELECT id, start, "end" FROM excerpts WHERE document_id = ?`);
    const update = db.prepare(`UPDATE excerpts SET text = ?, byte_start = ?, byte_end = ? WHERE id = ?`);
    for (const doc of docs) {
      const text = (textOf.get(doc.id) as string | undefined) ?? '';
      const rows = excerptsOf.all(doc.id) as { id: number; start: number; end: number }[];
      const offsets = [...new Set(rows.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
      const bytes = byteOffsets(text, offsets);
      const byteAt = new Map(offsets.map((o, i) => [o, bytes[i] as number]));
      for (const r of rows) update.run(text.slice(r.start, r.end), byteAt.get(r.start), byteAt.get(r.end), r.id);
    }
  },
};
