/** Participants ("cases") and their attribute values. */
import type { ParticipantId } from '../../core/contract/types.js';
import { newGuid, nowIso, type Sql } from './sql.js';

export interface ParticipantRow {
  id: ParticipantId;
  label: string;
  displayName: string | null;
  pseudonym: string | null;
}

export interface AttributeValueRow {
  participantId: ParticipantId;
  name: string;
  value: string;
}

const COLUMNS = `id, label, display_name AS displayName, pseudonym`;

export class ParticipantsRepo {
  constructor(private readonly sql: Sql) {}

  list(): ParticipantRow[] {
    return this.sql.all<ParticipantRow>(`SELECT ${COLUMNS} FROM participants ORDER BY label COLLATE NOCASE, id`);
  }

  get(id: ParticipantId): ParticipantRow | undefined {
    return this.sql.get<ParticipantRow>(`SELECT ${COLUMNS} FROM participants WHERE id = ?`, id);
  }

  findByLabel(label: string): ParticipantRow | undefined {
    return this.sql.get<ParticipantRow>(`SELECT ${COLUMNS} FROM participants WHERE label = ?`, label);
  }

  insert(label: string, displayName: string | null): ParticipantId {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO participants (guid, label, display_name, created_at) VALUES (?, ?, ?, ?)`,
      newGuid(),
      label,
      displayName,
      nowIso(),
    );
    return lastInsertRowid as ParticipantId;
  }

  /** Every attribute value, ordered by attribute position, for building Participant DTOs. */
  attributeValues(): AttributeValueRow[] {
    return this.sql.all<AttributeValueRow>(
      `SELECT v.participant_id AS participantId, a.name, v.value
         FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
        ORDER BY a.position, a.id`,
    );
  }

  attributeValuesOf(id: ParticipantId): AttributeValueRow[] {
    return this.sql.all<AttributeValueRow>(
      `SELECT v.participant_id AS participantId, a.name, v.value
         FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id
        WHERE v.participant_id = ? ORDER BY a.position, a.id`,
      id,
    );
  }

  /** The attribute's id, creating it as a text attribute on first use. */
  ensureAttribute(name: string): number {
    const existing = this.sql.get<{ id: number }>(`SELECT id FROM attributes WHERE name = ?`, name);
    if (existing) return existing.id;
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO attributes (guid, name, type, position)
       VALUES (?, ?, 'text', (SELECT ifnull(max(position) + 1, 0) FROM attributes))`,
      newGuid(),
      name,
    );
    return lastInsertRowid;
  }

  findAttribute(name: string): number | undefined {
    return this.sql.get<{ id: number }>(`SELECT id FROM attributes WHERE name = ?`, name)?.id;
  }

  setValue(participantId: ParticipantId, attributeId: number, value: string): void {
    this.sql.run(
      `INSERT INTO attribute_values (participant_id, attribute_id, value) VALUES (?, ?, ?)
       ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
      participantId,
      attributeId,
      value,
    );
  }

  clearValue(participantId: ParticipantId, attributeId: number): void {
    this.sql.run(
      `DELETE FROM attribute_values WHERE participant_id = ? AND attribute_id = ?`,
      participantId,
      attributeId,
    );
  }

  linkRound(participantId: ParticipantId, roundId: number): void {
    this.sql.run(
      `INSERT OR IGNORE INTO participant_rounds (participant_id, round_id) VALUES (?, ?)`,
      participantId,
      roundId,
    );
  }
}
