/**
 * Schema v6: every change of a hypothesis's status is kept (from what, to what, when, by whom,
 * and why), so a register shows how a hypothesis came to be supported or refuted. Existing
 * hypotheses get one row recording the status they have.
 */
import type { Migration } from './types.js';

export const migration006: Migration = {
  version: 6,
  description: 'Hypotheses keep the history of their status',
  up(db) {
    db.exec(`
      CREATE TABLE hypothesis_status_changes (
        id            INTEGER PRIMARY KEY,
        hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
        status        TEXT NOT NULL CHECK (status IN ('open', 'supported', 'refuted')),
        note          TEXT NOT NULL DEFAULT '',
        coder_id      INTEGER REFERENCES coders(id) ON DELETE SET NULL,
        changed_at    TEXT NOT NULL
      );
      CREATE INDEX hypothesis_status_changes_hypothesis ON hypothesis_status_changes(hypothesis_id, id);
      INSERT INTO hypothesis_status_changes (hypothesis_id, status, changed_at)
        SELECT id, status, created_at FROM hypotheses;
    `);
  },
};
