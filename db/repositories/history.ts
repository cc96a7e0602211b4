/**
 * The change log behind undo/redo. TEMP triggers (they live only as long as this connection,
 * i.e. while the project is open) write, for every row a command inserts, updates or deletes
 * in the undoable tables, the SQL statement that reverses that one row change. core/ groups
 * the statements of one contract call into one undo step and replays them backwards; replaying
 * fires the triggers again, which yields the redo step for free (sqlite.org/undoredo.html).
 */
import type { Sql } from './sql.js';

export interface ChangeEntry {
  seq: number;
  /** The table the row change was made in. */
  tbl: string;
  /** The row's key as logged (the integer id, or the WITHOUT ROWID key as JSON). */
  rowKey: string;
  /** The statement that reverses the change. */
  inverse: string;
}

/**
 * Tables whose row changes are undoable: the codebook, coding, memos, participants and their
 * attributes, boards. Documents only for who they belong to; their text never changes.
 */
const TABLES: readonly { name: string; key: readonly string[]; updateOf?: readonly string[] }[] = [
  { name: 'codes', key: ['id'] },
  { name: 'excerpts', key: ['id'] },
  { name: 'codings', key: ['id'] },
  { name: 'memos', key: ['id'] },
  { name: 'participants', key: ['id'] },
  { name: 'attributes', key: ['id'] },
  { name: 'attribute_values', key: ['participant_id', 'attribute_id'] },
  { name: 'participant_rounds', key: ['participant_id', 'round_id'] },
  { name: 'documents', key: ['id'], updateOf: ['participant_id', 'round_id'] },
  { name: 'turns', key: ['id'], updateOf: ['participant_id'] },
  { name: 'boards', key: ['id'] },
  { name: 'board_groups', key: ['id'] },
  { name: 'cards', key: ['id'] },
  { name: 'insights', key: ['id'] },
  { name: 'insight_evidence', key: ['insight_id', 'excerpt_id'] },
  { name: 'votes', key: ['id'] },
  { name: 'hypotheses', key: ['id'] },
  { name: 'hypothesis_evidence', key: ['hypothesis_id', 'excerpt_id'] },
  { name: 'hypothesis_status_changes', key: ['id'] },
  { name: 'metrics', key: ['id'] },
  { name: 'metric_values', key: ['id'] },
  { name: 'links', key: ['id'] },
];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A SQL expression that renders `ref.col` as a literal inside the logged statement. */
const lit = (ref: 'OLD' | 'NEW', col: string) => `quote(${ref}.${ident(col)})`;
const concat = (parts: string[]) => parts.join(' || ');
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;

function whereKey(ref: 'OLD' | 'NEW', key: readonly string[]): string {
  return concat([str(' WHERE '), ...key.flatMap((k, i) => [str(`${i ? ' AND ' : ''}${ident(k)} = `), lit(ref, k)])]);
}

function keyExpr(ref: 'OLD' | 'NEW', key: readonly string[]): string {
  return key.length === 1
    ? `${ref}.${ident(key[0] as string)}`
    : `json_array(${key.map((k) => `${ref}.${ident(k)}`).join(', ')})`;
}

export class HistoryRepo {
  private installed = false;
  constructor(private readonly sql: Sql) {}

  /** Creates the TEMP log table and triggers on this connection (idempotent). */
  install(): void {
    if (this.installed) return;
    const db = this.sql.db;
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS undo_log (
      seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_key TEXT NOT NULL, inverse TEXT NOT NULL)`);
    for (const table of TABLES) {
      const columns = (db.pragma(`table_info(${ident(table.name)})`) as { name: string }[]).map((c) => c.name);
      const t = table.name;
      const log = (ref: 'OLD' | 'NEW', inverse: string) =>
        `INSERT INTO temp.undo_log (tbl, row_key, inverse) VALUES (${str(t)}, ${keyExpr(ref, table.key)}, ${inverse});`;
      const del = concat([str(`DELETE FROM main.${ident(t)}`), whereKey('NEW', table.key)]);
      const setCols = table.updateOf ?? columns;
      // Only the columns the statement changed: moving a card logs its group, place and key,
      // not its text. substr(…, 3) drops the leading ", ".
      const changed = (c: string) => `OLD.${ident(c)} IS NOT NEW.${ident(c)}`;
      const upd = concat([
        str(`UPDATE main.${ident(t)} SET `),
        `substr(${concat(
          setCols.map(
            (c) => `CASE WHEN ${changed(c)} THEN ${concat([str(`, ${ident(c)} = `), lit('OLD', c)])} ELSE '' END`,
          ),
        )}, 3)`,
        whereKey('NEW', table.key),
      ]);
      const anyChanged = setCols.map(changed).join(' OR ');
      const ins = concat([
        str(`INSERT INTO main.${ident(t)} (${columns.map(ident).join(', ')}) VALUES (`),
        ...columns.flatMap((c, i) => [...(i ? [str(', ')] : []), lit('OLD', c)]),
        str(')'),
      ]);
      const of = table.updateOf ? ` OF ${table.updateOf.map(ident).join(', ')}` : '';
      if (!table.updateOf) {
        db.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS undo_${t}_i AFTER INSERT ON main.${ident(t)} BEGIN ${log('NEW', del)} END`,
        );
        db.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS undo_${t}_d AFTER DELETE ON main.${ident(t)} BEGIN ${log('OLD', ins)} END`,
        );
      }
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS undo_${t}_u AFTER UPDATE${of} ON main.${ident(t)} WHEN ${anyChanged} BEGIN ${log('NEW', upd)} END`,
      );
    }
    this.installed = true;
  }

  /** Forgets whatever was logged so far (changes that are not undoable, e.g. imports). */
  clear(): void {
    this.sql.run(`DELETE FROM temp.undo_log`);
  }

  /** Everything logged since the last clear, oldest first, and clears the log. */
  take(): ChangeEntry[] {
    const rows = this.sql.all<ChangeEntry>(
      `SELECT seq, tbl, row_key AS rowKey, inverse FROM temp.undo_log ORDER BY seq`,
    );
    this.clear();
    return rows;
  }

  /** Runs inverse statements newest first, with foreign keys checked at commit (the caller's transaction). */
  replay(entries: readonly ChangeEntry[]): void {
    this.sql.db.pragma('defer_foreign_keys = ON');
    for (let i = entries.length - 1; i >= 0; i--) {
      this.sql.db.exec((entries[i] as ChangeEntry).inverse);
    }
  }
}
