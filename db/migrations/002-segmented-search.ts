/**
 * Schema v2: a third full-text index for scripts written without spaces (search_cjk, see
 * core/text/cjk.ts), sharing rowids with search_segments like the other two; the owner_kind
 * 'memo' segments memo bodies. Existing document segments and memos are indexed here.
 */
// Frozen copies, not core/text: this migration must write the same rows forever.
import { cjkColumnsV2 as cjkColumns, segmentTextV2 as segmentText } from './frozen/v2-text.js';
import type { Migration } from './types.js';

const sql = /* sql */ `
CREATE VIRTUAL TABLE search_cjk USING fts5(
  words, chars, content='', contentless_delete=1,
  tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
`;

export const migration002: Migration = {
  version: 2,
  description: 'Word-segmented search index for Chinese, Japanese and Thai; memo bodies searchable',
  up(db) {
    db.exec(sql);
    const insertCjk = db.prepare(`INSERT INTO search_cjk (rowid, words, chars) VALUES (?, ?, ?)`);
    const segments = db.prepare(
      `SELECT id, start, "end" FROM search_segments WHERE owner_kind = 'document' AND owner_id = ? ORDER BY id`,
    );
    for (const doc of db.prepare(`SELECT id, text FROM documents`).all() as { id: number; text: string }[]) {
      for (const s of segments.all(doc.id) as { id: number; start: number; end: number }[]) {
        const columns = cjkColumns(doc.text.slice(s.start, s.end));
        if (columns) insertCjk.run(s.id, columns.words, columns.chars);
      }
    }
    const insertSegment = db.prepare(
      `INSERT INTO search_segments (owner_kind, owner_id, start, "end") VALUES ('memo', ?, ?, ?)`,
    );
    const insertWords = db.prepare(`INSERT INTO search_words (rowid, text) VALUES (?, ?)`);
    const insertTrigrams = db.prepare(`INSERT INTO search_trigrams (rowid, text) VALUES (?, ?)`);
    db.prepare(`DELETE FROM search_segments WHERE owner_kind = 'memo'`).run();
    for (const memo of db.prepare(`SELECT id, body FROM memos`).all() as { id: number; body: string }[]) {
      for (const segment of segmentText(memo.body)) {
        const rowid = insertSegment.run(memo.id, segment.start, segment.end).lastInsertRowid;
        insertWords.run(rowid, segment.text);
        insertTrigrams.run(rowid, segment.text);
        const columns = cjkColumns(segment.text);
        if (columns) insertCjk.run(rowid, columns.words, columns.chars);
      }
    }
  },
};
