/**
 * The floor: the least work that still gets transcripts into SQLite and searchable —
 * read the file, one text row, and per paragraph one segment row plus one FTS5 row in
 * each of the word and trigram indexes (the two Quarry keeps), one transaction per file.
 * Its search runs Quarry's own repository statement (SearchRepo.matchDocuments: the ranked,
 * limited hits with their byte windows) on a raw connection to the project file, so both
 * sides run the same SQL and the difference is Quarry's layers around it.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SearchRepo } from '../db/repositories/search.js';
import { Sql } from '../db/repositories/sql.js';

export interface FloorDb {
  importFile(path: string, title: string): void;
  /** Runs the MATCH on the given index; returns the number of hits. */
  match(index: 'words' | 'trigrams' | 'cjk', expression: string, limit: number): number;
  close(): void;
}

const SCHEMA = /* sql */ `
CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE search_segments (
  id INTEGER PRIMARY KEY, owner_kind TEXT NOT NULL, owner_id INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE VIRTUAL TABLE search_words USING fts5(
  text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_trigrams USING fts5(text, content='', contentless_delete=1, tokenize='trigram');
`;

/** Paragraphs are the non-blank lines (a transcript's turns), with their offsets. */
function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start && text.slice(start, end).trim() !== '') out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/**
 * `create` makes a fresh floor database at `path`; `readonly` opens an existing file (a
 * Quarry project, which has the same tables) for searching only.
 */
export function openFloor(path: string, mode: { create?: boolean; readonly?: boolean }): FloorDb {
  const db = new Database(path, { readonly: mode.readonly ?? false, fileMustExist: !mode.create });
  if (!mode.readonly) {
    // The pragmas Quarry's connection uses, so durability costs are the same on both sides.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  if (mode.create) db.exec(SCHEMA);

  const statements = mode.readonly
    ? null
    : {
        doc: db.prepare('INSERT INTO documents (title, text) VALUES (?, ?)'),
        segment: db.prepare(
          `INSERT INTO search_segments (owner_kind, owner_id, start, "end") VALUES ('document', ?, ?, ?)`,
        ),
        words: db.prepare('INSERT INTO search_words (rowid, text) VALUES (?, ?)'),
        trigrams: db.prepare('INSERT INTO search_trigrams (rowid, text) VALUES (?, ?)'),
      };
  const store = db.transaction((title: string, text: string) => {
    if (!statements) throw new Error('The floor database was opened read-only.');
    const docId = statements.doc.run(title, text).lastInsertRowid;
    for (const p of paragraphs(text)) {
      const segmentId = statements.segment.run(docId, p.start, p.end).lastInsertRowid;
      const piece = text.slice(p.start, p.end);
      statements.words.run(segmentId, piece);
      statements.trigrams.run(segmentId, piece);
    }
  });
  const repo = new SearchRepo(new Sql(db));

  return {
    importFile(file, title) {
      store(title, readFileSync(file, 'utf8'));
    },
    match(index, expression, limit) {
      return repo.matchDocuments(index, expression, limit).length;
    },
    close() {
      db.close();
    },
  };
}
