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

export interface AttributeRow {
  id: number;
  name: string;
  type: 'text' | 'number' | 'date' | 'choice' | 'boolean';
  choices: string;
  position: number;
}

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

  attributes(): AttributeRow[] {
    return this.sql.all<AttributeRow>(`SELECT id, name, type, choices, position FROM attributes ORDER BY position, id`);
  }

  attribute(id: number): AttributeRow | undefined {
    return this.sql.get<AttributeRow>(`SELECT id, name, type, choices, position FROM attributes WHERE id = ?`, id);
  }

  attributeByName(name: string): AttributeRow | undefined {
    return this.sql.get<AttributeRow>(
      `SELECT id, name, type, choices, position FROM attributes WHERE name = ? COLLATE NOCASE`,
      name,
    );
  }

  insertAttribute(name: string, type: AttributeRow['type'], choices: readonly string[]): number {
    return this.sql.run(
      `INSERT INTO attributes (guid, name, type, choices, position)
       VALUES (?, ?, ?, ?, (SELECT ifnull(max(position) + 1, 0) FROM attributes))`,
      newGuid(),
      name,
      type,
      JSON.stringify(choices),
    ).lastInsertRowid;
  }

  updateAttribute(id: number, fields: { name: string; type: AttributeRow['type']; choices: readonly string[] }): void {
    this.sql.run(
      `UPDATE attributes SET name = ?, type = ?, choices = ? WHERE id = ?`,
      fields.name,
      fields.type,
      JSON.stringify(fields.choices),
      id,
    );
  }

  /** Every value of one attribute, for re-validating them when its type changes. */
  valuesOf(attributeId: number): { participantId: ParticipantId; value: string }[] {
    return this.sql.all(
      `SELECT participant_id AS participantId, value FROM attribute_values WHERE attribute_id = ?`,
      attributeId,
    );
  }

  update(id: ParticipantId, label: string, displayName: string | null, pseudonym: string | null): void {
    this.sql.run(
      `UPDATE participants SET label = ?, display_name = ?, pseudonym = ? WHERE id = ?`,
      label,
      displayName,
      pseudonym,
      id,
    );
  }

  /** Documents linked to each participant. */
  documentIds(): { participantId: ParticipantId; documentId: number }[] {
    return this.sql.all(
      `SELECT participant_id AS participantId, id AS documentId FROM documents WHERE participant_id IS NOT NULL ORDER BY id`,
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
