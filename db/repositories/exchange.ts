/**
 * What REFI-QDA import and export need beyond the other repositories: rows looked up and
 * written by their stable `guid` (so an export names the same thing the same way every time,
 * and an imported row keeps its producer's GUID), sets, and whole-project reads for export.
 */
import type { CodeId, CoderId, DocumentId, ExcerptId, ParticipantId } from '../../core/contract/types.js';
import { nowIso, type Sql } from './sql.js';

/** Tables whose rows carry a guid; the only names that reach the SQL below. */
export type GuidTable =
  | 'coders'
  | 'codes'
  | 'documents'
  | 'excerpts'
  | 'codings'
  | 'memos'
  | 'participants'
  | 'attributes'
  | 'sets'
  | 'sources';

const TABLES: ReadonlySet<GuidTable> = new Set([
  'coders',
  'codes',
  'documents',
  'excerpts',
  'codings',
  'memos',
  'participants',
  'attributes',
  'sets',
  'sources',
]);

function table(name: GuidTable): GuidTable {
  if (!TABLES.has(name)) throw new Error(`not a guid table: ${name}`);
  return name;
}

export interface ExportCodingRow {
  guid: string;
  excerptId: ExcerptId;
  codeId: CodeId;
  coderId: CoderId | null;
  createdAt: string;
}

export interface ExportExcerptRow {
  id: ExcerptId;
  guid: string;
  documentId: DocumentId;
  start: number;
  end: number;
  createdBy: CoderId | null;
  createdAt: string;
}

export interface ExportMemoRow {
  id: number;
  guid: string;
  targetKind: string;
  targetId: number | null;
  title: string;
  body: string;
  authorId: CoderId | null;
  createdAt: string;
  updatedAt: string;
}

export interface SetRow {
  id: number;
  guid: string;
  name: string;
  kind: 'documents' | 'codes' | 'participants';
  description: string;
}

export class ExchangeRepo {
  constructor(private readonly sql: Sql) {}

  idOf(name: GuidTable, guid: string): number | undefined {
    return this.sql.get<{ id: number }>(`SELECT id FROM ${table(name)} WHERE guid = ?`, guid.toLowerCase())?.id;
  }

  setGuid(name: GuidTable, id: number, guid: string): void {
    this.sql.run(`UPDATE ${table(name)} SET guid = ? WHERE id = ?`, guid, id);
  }

  /** id → guid for every row of a table. */
  guids(name: GuidTable): Map<number, string> {
    const rows = this.sql.all<{ id: number; guid: string }>(`SELECT id, guid FROM ${table(name)}`);
    return new Map(rows.map((r) => [r.id, r.guid]));
  }

  insertCoder(guid: string, name: string): CoderId {
    return this.sql.run(
      `INSERT INTO coders (guid, name, is_current, created_at) VALUES (?, ?, 0, ?)`,
      guid,
      name,
      nowIso(),
    ).lastInsertRowid as CoderId;
  }

  coders(): { id: CoderId; guid: string; name: string }[] {
    return this.sql.all(`SELECT id, guid, name FROM coders ORDER BY id`);
  }

  /** Adds a coding unless this coder already applied the code to the excerpt; false then. */
  insertCoding(
    guid: string,
    excerptId: ExcerptId,
    codeId: CodeId,
    coderId: CoderId | null,
    createdAt: string,
  ): boolean {
    return (
      this.sql.run(
        `INSERT OR IGNORE INTO codings (guid, excerpt_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?, ?)`,
        guid,
        excerptId,
        codeId,
        coderId,
        createdAt,
      ).changes > 0
    );
  }

  insertMemo(memo: Omit<ExportMemoRow, 'id'>): number {
    return this.sql.run(
      `INSERT INTO memos (guid, target_kind, target_id, title, body, author_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      memo.guid,
      memo.targetKind,
      memo.targetId,
      memo.title,
      memo.body,
      memo.authorId,
      memo.createdAt,
      memo.updatedAt,
    ).lastInsertRowid;
  }

  insertSet(guid: string, name: string, kind: SetRow['kind'], description: string): number {
    return this.sql.run(
      `INSERT INTO sets (guid, name, kind, description) VALUES (?, ?, ?, ?)`,
      guid,
      name,
      kind,
      description,
    ).lastInsertRowid;
  }

  findSet(kind: SetRow['kind'], name: string): number | undefined {
    return this.sql.get<{ id: number }>(`SELECT id FROM sets WHERE kind = ? AND name = ?`, kind, name)?.id;
  }

  addSetMember(setId: number, memberId: number): void {
    this.sql.run(`INSERT OR IGNORE INTO set_members (set_id, member_id) VALUES (?, ?)`, setId, memberId);
  }

  sets(): (SetRow & { members: number[] })[] {
    const sets = this.sql.all<SetRow>(`SELECT id, guid, name, kind, description FROM sets ORDER BY id`);
    const members = this.sql.all<{ setId: number; memberId: number }>(
      `SELECT set_id AS setId, member_id AS memberId FROM set_members ORDER BY set_id, member_id`,
    );
    return sets.map((s) => ({ ...s, members: members.filter((m) => m.setId === s.id).map((m) => m.memberId) }));
  }

  excerpts(): ExportExcerptRow[] {
    return this.sql.all(
      `SELECT id, guid, document_id AS documentId, start, "end", created_by AS createdBy, created_at AS createdAt
         FROM excerpts ORDER BY document_id, start, "end", id`,
    );
  }

  codings(): ExportCodingRow[] {
    return this.sql.all(
      `SELECT guid, excerpt_id AS excerptId, code_id AS codeId, coder_id AS coderId, created_at AS createdAt
         FROM codings ORDER BY excerpt_id, id`,
    );
  }

  memos(): ExportMemoRow[] {
    return this.sql.all(
      `SELECT id, guid, target_kind AS targetKind, target_id AS targetId, title, body, author_id AS authorId,
              created_at AS createdAt, updated_at AS updatedAt
         FROM memos ORDER BY id`,
    );
  }

  documents(): {
    id: DocumentId;
    guid: string;
    title: string;
    text: string;
    participantId: ParticipantId | null;
    createdAt: string;
  }[] {
    return this.sql.all(
      `SELECT id, guid, title, text, participant_id AS participantId, created_at AS createdAt FROM documents ORDER BY id`,
    );
  }

  codes(): { id: CodeId; guid: string; parentId: CodeId | null; name: string; color: string; description: string }[] {
    return this.sql.all(
      `SELECT id, guid, parent_id AS parentId, name, color, description FROM codes ORDER BY ifnull(parent_id, 0), order_key, id`,
    );
  }

  /** Whether a memo with this body is already on this target (merge keeps one copy). */
  hasMemo(kind: string, targetId: number | null, body: string): boolean {
    return (
      this.sql.get(
        `SELECT 1 FROM memos WHERE target_kind = ? AND target_id IS ? AND body = ? LIMIT 1`,
        kind,
        targetId,
        body,
      ) !== undefined
    );
  }

  /** The document of an excerpt, to check a GUID match is the same excerpt. */
  excerptDocument(id: ExcerptId): DocumentId | undefined {
    return this.sql.get<{ d: DocumentId }>(`SELECT document_id AS d FROM excerpts WHERE id = ?`, id)?.d;
  }
}
