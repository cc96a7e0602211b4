/**
 * Schema v1: the whole data model of docs/data-model.md, so later features add behaviour,
 * not tables. Offsets are UTF-16 code-unit indices into documents.text (start inclusive,
 * end exclusive). Times are UTC ISO-8601 text. Rows that can leave the project carry a guid.
 */
import type { Migration } from './types.js';

const sql = /* sql */ `
CREATE TABLE project_meta (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  name             TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  default_language TEXT,
  settings         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings))
);

CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  color      TEXT,
  is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX coders_one_current ON coders(is_current) WHERE is_current = 1;

CREATE TABLE studies (
  id                 INTEGER PRIMARY KEY,
  guid               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL UNIQUE,
  research_questions TEXT NOT NULL DEFAULT '',
  method             TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL
);

CREATE TABLE rounds (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  study_id   INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  starts_on  TEXT,
  ends_on    TEXT,
  markets    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(markets)),
  notes      TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (study_id, name)
);

CREATE TABLE participants (
  id           INTEGER PRIMARY KEY,
  guid         TEXT NOT NULL UNIQUE,
  label        TEXT NOT NULL UNIQUE,
  display_name TEXT,
  pseudonym    TEXT,
  created_at   TEXT NOT NULL
);

CREATE TABLE participant_rounds (
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  PRIMARY KEY (participant_id, round_id)
) WITHOUT ROWID;

CREATE TABLE attributes (
  id       INTEGER PRIMARY KEY,
  guid     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL UNIQUE,
  type     TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice', 'boolean')),
  choices  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE attribute_values (
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  attribute_id   INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value          TEXT NOT NULL,
  PRIMARY KEY (participant_id, attribute_id)
) WITHOUT ROWID;

CREATE TABLE sources (
  id               INTEGER PRIMARY KEY,
  guid             TEXT NOT NULL UNIQUE,
  file_name        TEXT NOT NULL,
  media_type       TEXT NOT NULL,
  size             INTEGER NOT NULL CHECK (size >= 0),
  sha256           TEXT NOT NULL,
  bytes            BLOB NOT NULL,
  imported_at      TEXT NOT NULL,
  importer         TEXT NOT NULL,
  importer_version TEXT NOT NULL
);
CREATE INDEX sources_sha256 ON sources(sha256);

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  guid           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  kind           TEXT NOT NULL DEFAULT 'interview'
                 CHECK (kind IN ('interview', 'notes', 'survey_response', 'field_note', 'other')),
  format         TEXT NOT NULL,
  text           TEXT NOT NULL,
  language       TEXT,
  source_id      INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  round_id       INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX documents_participant ON documents(participant_id);
CREATE INDEX documents_round ON documents(round_id);

CREATE TABLE turns (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal        INTEGER NOT NULL,
  speaker        TEXT,
  participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  start          INTEGER NOT NULL CHECK (start >= 0),
  "end"          INTEGER NOT NULL CHECK ("end" >= start),
  start_ms       INTEGER,
  end_ms         INTEGER,
  UNIQUE (document_id, ordinal)
);

CREATE TABLE codes (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  parent_id   INTEGER REFERENCES codes(id) ON DELETE RESTRICT,
  name        TEXT NOT NULL,
  color       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  inclusion   TEXT NOT NULL DEFAULT '',
  exclusion   TEXT NOT NULL DEFAULT '',
  example     TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0,
  created_by  INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL
);
-- Sibling codes have distinct names (case-insensitively for ASCII); top-level codes count as siblings.
CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE excerpts (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL CHECK (start >= 0),
  "end"       INTEGER NOT NULL CHECK ("end" > start),
  created_by  INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX excerpts_document ON excerpts(document_id, start);

CREATE TABLE codings (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  excerpt_id INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
  code_id    INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  coder_id   INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX codings_unique ON codings(excerpt_id, code_id, ifnull(coder_id, 0));
CREATE INDEX codings_code ON codings(code_id);

CREATE TABLE memos (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  target_kind TEXT NOT NULL
              CHECK (target_kind IN ('project', 'document', 'code', 'excerpt', 'participant',
                                     'insight', 'hypothesis', 'board')),
  target_id   INTEGER,
  title       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL DEFAULT '',
  author_id   INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((target_kind = 'project') = (target_id IS NULL))
);
CREATE INDEX memos_target ON memos(target_kind, target_id);

CREATE TABLE sets (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('documents', 'codes', 'participants')),
  description TEXT NOT NULL DEFAULT '',
  filter      TEXT CHECK (filter IS NULL OR json_valid(filter)),
  UNIQUE (kind, name)
);

CREATE TABLE set_members (
  set_id    INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL,
  PRIMARY KEY (set_id, member_id)
) WITHOUT ROWID;

CREATE TABLE boards (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  round_id   INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
  viewport   TEXT NOT NULL DEFAULT '{"x":0,"y":0,"zoom":1}' CHECK (json_valid(viewport)),
  created_at TEXT NOT NULL
);

CREATE TABLE board_groups (
  id              INTEGER PRIMARY KEY,
  guid            TEXT NOT NULL UNIQUE,
  board_id        INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  parent_group_id INTEGER REFERENCES board_groups(id) ON DELETE SET NULL,
  name            TEXT NOT NULL,
  color           TEXT,
  x               REAL NOT NULL DEFAULT 0,
  y               REAL NOT NULL DEFAULT 0,
  w               REAL NOT NULL DEFAULT 320,
  h               REAL NOT NULL DEFAULT 240,
  collapsed       INTEGER NOT NULL DEFAULT 0 CHECK (collapsed IN (0, 1)),
  bound_code_id   INTEGER REFERENCES codes(id) ON DELETE SET NULL,
  position        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX board_groups_board ON board_groups(board_id);

CREATE TABLE cards (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  board_id   INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  group_id   INTEGER REFERENCES board_groups(id) ON DELETE SET NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('excerpt', 'note')),
  excerpt_id INTEGER REFERENCES excerpts(id) ON DELETE CASCADE,
  text       TEXT,
  color      TEXT,
  x          REAL NOT NULL DEFAULT 0,
  y          REAL NOT NULL DEFAULT 0,
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'excerpt' AND excerpt_id IS NOT NULL AND text IS NULL)
      OR (kind = 'note' AND excerpt_id IS NULL AND text IS NOT NULL))
);
CREATE INDEX cards_board ON cards(board_id, group_id, position);
CREATE INDEX cards_excerpt ON cards(excerpt_id);

CREATE TABLE votes (
  id          INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('card', 'group')),
  target_id   INTEGER NOT NULL,
  coder_id    INTEGER REFERENCES coders(id) ON DELETE CASCADE,
  value       INTEGER NOT NULL DEFAULT 1,
  label       TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX votes_target ON votes(target_kind, target_id);

CREATE TABLE insights (
  id              INTEGER PRIMARY KEY,
  guid            TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  statement       TEXT NOT NULL,
  recommendation  TEXT NOT NULL DEFAULT '',
  priority        TEXT CHECK (priority IN ('high', 'medium', 'low')),
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'final', 'archived')),
  owner_id        INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  source_group_id INTEGER REFERENCES board_groups(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE insight_evidence (
  insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
  excerpt_id INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
  stance     TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'contradicts')),
  position   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (insight_id, excerpt_id)
) WITHOUT ROWID;
CREATE INDEX insight_evidence_excerpt ON insight_evidence(excerpt_id);

CREATE TABLE hypotheses (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  statement  TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'supported', 'refuted')),
  rationale  TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE hypothesis_evidence (
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  excerpt_id    INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
  stance        TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'contradicts')),
  note          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (hypothesis_id, excerpt_id)
) WITHOUT ROWID;

CREATE TABLE metrics (
  id               INTEGER PRIMARY KEY,
  guid             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL CHECK (kind IN ('score', 'proportion', 'time', 'count', 'nps', 'sus')),
  unit             TEXT NOT NULL DEFAULT '',
  scale_min        REAL,
  scale_max        REAL,
  higher_is_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1)),
  target           REAL
);

CREATE TABLE metric_values (
  id             INTEGER PRIMARY KEY,
  metric_id      INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  segment        TEXT,
  value          REAL NOT NULL,
  n              INTEGER CHECK (n IS NULL OR n > 0)
);
CREATE INDEX metric_values_metric ON metric_values(metric_id, round_id);

CREATE TABLE links (
  id        INTEGER PRIMARY KEY,
  from_kind TEXT NOT NULL CHECK (from_kind IN ('insight', 'hypothesis')),
  from_id   INTEGER NOT NULL,
  to_kind   TEXT NOT NULL CHECK (to_kind IN ('metric', 'insight', 'hypothesis')),
  to_id     INTEGER NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  UNIQUE (from_kind, from_id, to_kind, to_id)
);

-- Full-text search. Text is indexed in segments (a turn, a paragraph, a memo body...) so a
-- hit maps back to an owner row and a UTF-16 offset range; the FTS tables are contentless
-- (the text lives once, in its owner row) and share rowids with search_segments.
CREATE TABLE search_segments (
  id         INTEGER PRIMARY KEY,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('document', 'memo', 'insight', 'hypothesis', 'card')),
  owner_id   INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL
);
CREATE INDEX search_segments_owner ON search_segments(owner_kind, owner_id);

-- Words for alphabetic scripts (diacritics folded); trigrams so Chinese, Japanese and Thai,
-- which have no spaces between words, are searchable by substring.
CREATE VIRTUAL TABLE search_words USING fts5(
  text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_trigrams USING fts5(
  text, content='', contentless_delete=1, tokenize='trigram'
);
`;

export const migration001: Migration = {
  version: 1,
  description: 'Initial schema: the whole data model',
  up(db) {
    db.exec(sql);
  },
};
