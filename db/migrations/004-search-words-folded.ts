/**
 * Schema v4: the word index holds each segment's words as core/text/fold.ts folds them
 * (indexWords), with the ascii tokenizer, which only splits them apart. Before, unicode61
 * folded the text its own way: it cut words at marks such as Devanagari vowel signs and Arabic
 * harakat (नमस्ते became "नमस त") while search placed hits with JavaScript's folding, so a hit
 * the index found could not be placed and landed on the segment's first word. Now the query,
 * the index and the hit locator share one folding function. Every segment is re-indexed.
 */
import { indexWordsV4 as indexWords } from './frozen/v4-fold.js';
import type { Migration } from './types.js';

export const SEARCH_WORDS_TABLE = /* sql */ `
CREATE VIRTUAL TABLE search_words USING fts5(
  text, content='', contentless_delete=1, tokenize='ascii'
);
`;

export const migration004: Migration = {
  version: 4,
  description: 'One folding for the word index, the query and hit placement (combining marks, harakat, Indic scripts)',
  up(db) {
    db.exec(`DROP TABLE search_words; ${SEARCH_WORDS_TABLE}`);
    const insert = db.prepare(`INSERT INTO search_words (rowid, text) VALUES (?, ?)`);
    const segments = db.prepare(
      `SELECT id, start, "end" FROM search_segments WHERE owner_kind = ? AND owner_id = ? ORDER BY start`,
    );
    const owners: [kind: string, sql: string][] = [
      ['document', `SELECT id, text FROM documents`],
      ['memo', `SELECT id, body AS text FROM memos`],
    ];
    for (const [kind, sql] of owners) {
      // .all(): the statement must be done before the inserts run on this connection.
      for (const owner of db.prepare(sql).all() as { id: number; text: string }[]) {
        for (const s of segments.all(kind, owner.id) as { id: number; start: number; end: number }[]) {
          insert.run(s.id, indexWords(owner.text.slice(s.start, s.end)));
        }
      }
    }
  },
};
