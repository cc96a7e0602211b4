/**
 * Schema v5: lists never read whole document texts, and a move writes one row.
 *
 * Each excerpt stores its own text (`text`, fixed at coding time: a document's text never
 * changes, and a resize rewrites it) and its UTF-8 byte range in the document (`byte_start`,
 * `byte_end`). Lists of excerpts then read a few hundred bytes per row instead of cutting each
 * excerpt out of its document in JavaScript, and retrieval cuts its context window with
 * substr() on the text cast to a BLOB (indexed by byte, no character walk: SQLite's substr()
 * on TEXT counts code points, Quarry's offsets are UTF-16 units).
 *
 * Codes, board groups and cards are ordered by `order_key` (fractional indexing, see
 * core/order/keys.ts) instead of integer positions that every move renumbered: their old
 * order becomes the keys a0, a1, … az, b00, … (what appending one after another gives), and
 * `position` is dropped.
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

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The i-th key of a list built by appending: a0 … az, b00 … bzz, c000 …, d0000 … */
export function nthOrderKey(i: number): string {
  let rest = i;
  for (const [head, width] of [
    ['a', 1],
    ['b', 2],
    ['c', 3],
    ['d', 4],
    ['e', 5],
  ] as const) {
    const count = DIGITS.length ** width;
    if (rest < count) {
      let digits = '';
      for (let w = 0; w < width; w++) {
        digits = (DIGITS[rest % DIGITS.length] as string) + digits;
        rest = Math.floor(rest / DIGITS.length);
      }
      return head + digits;
    }
    rest -= count;
  }
  throw new Error('Too many siblings to order.');
}

/** Gives each row its key in the old (group, position, id) order, then drops `position`. */
function toOrderKeys(db: Parameters<Migration['up']>[0], table: string, group: string): void {
  db.exec(`ALTER TABLE ${table} ADD COLUMN order_key TEXT NOT NULL DEFAULT ''`);
  const rows = db.prepare(`SELECT id, ${group} AS g FROM ${table} ORDER BY ${group}, position, id`).all() as {
    id: number;
    g: string;
  }[];
  const set = db.prepare(`UPDATE ${table} SET order_key = ? WHERE id = ?`);
  let previous: string | undefined;
  let i = 0;
  for (const row of rows) {
    if (row.g !== previous) i = 0;
    previous = row.g;
    set.run(nthOrderKey(i++), row.id);
  }
  db.exec(`ALTER TABLE ${table} DROP COLUMN position`);
}

export const migration005: Migration = {
  version: 5,
  description:
    'Excerpts store their text and UTF-8 byte range (lists never read whole documents); codes, groups and cards are ordered by fractional keys',
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

    db.exec(`DROP INDEX IF EXISTS cards_board`);
    toOrderKeys(db, 'codes', `ifnull(parent_id, 0)`);
    toOrderKeys(db, 'board_groups', `board_id`);
    toOrderKeys(db, 'cards', `board_id || '/' || ifnull(group_id, 0)`);
    db.exec(`CREATE INDEX codes_order ON codes(parent_id, order_key);
             CREATE INDEX board_groups_order ON board_groups(board_id, order_key);
             CREATE INDEX cards_order ON cards(board_id, group_id, order_key);`);
  },
};
