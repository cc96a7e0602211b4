/**
 * Typed participant attributes ("variables" in REFI-QDA): text, number, date (YYYY-MM-DD),
 * choice (one of a list) and boolean. Values are stored as text and checked against the type.
 */
import type { AttributeRow } from '../../db/repositories/participants.js';
import type { Attribute, AttributeId, AttributeType } from '../contract/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import type { ProjectContext } from './context.js';
import { identifyingAttributeIds, setAttributeIdentifying } from './identity.js';

function parseChoices(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export const toAttribute = (row: AttributeRow, identifying = false): Attribute => ({
  id: row.id as AttributeId,
  name: row.name,
  type: row.type,
  choices: parseChoices(row.choices),
  position: row.position,
  identifying,
});

const withFlag = (ctx: ProjectContext, row: AttributeRow): Attribute =>
  toAttribute(row, identifyingAttributeIds(ctx).includes(row.id));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The value as stored, or a sentence saying why it does not fit the attribute. */
export function normaliseValue(
  attribute: { name: string; type: AttributeType; choices: string[] },
  raw: string,
): { value: string } | { error: string } {
  const value = raw.trim();
  switch (attribute.type) {
    case 'text':
      return { value };
    case 'number': {
      const n = Number(value.replace(',', '.'));
      if (value === '' || !Number.isFinite(n))
        return { error: `"${attribute.name}" takes a number; "${raw}" is not one.` };
      return { value: String(n) };
    }
    case 'date': {
      const d = new Date(`${value}T00:00:00Z`);
      if (!DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
        return { error: `"${attribute.name}" takes a date written YYYY-MM-DD; "${raw}" is not one.` };
      }
      return { value };
    }
    case 'choice': {
      const match = attribute.choices.find((c) => c.toLowerCase() === value.toLowerCase());
      if (!match) {
        return {
          error: `"${attribute.name}" is one of ${attribute.choices.map((c) => `"${c}"`).join(', ')}; "${raw}" is not.`,
        };
      }
      return { value: match };
    }
    case 'boolean': {
      const v = value.toLowerCase();
      if (['true', 'yes', '1'].includes(v)) return { value: 'true' };
      if (['false', 'no', '0'].includes(v)) return { value: 'false' };
      return { error: `"${attribute.name}" is yes or no; "${raw}" is neither.` };
    }
  }
}

export function listAttributes(ctx: ProjectContext): Attribute[] {
  return ctx.repos.participants.attributes().map((row) => withFlag(ctx, row));
}

function cleanChoices(type: AttributeType, choices: string[] | undefined): string[] {
  const list = [...new Set((choices ?? []).map((c) => c.trim()).filter(Boolean))];
  if (type === 'choice' && list.length === 0) throw badInput('A choice attribute needs at least one choice.');
  return type === 'choice' ? list : [];
}

export function addAttribute(
  ctx: ProjectContext,
  input: { name: string; type: AttributeType; choices?: string[] | undefined },
): Attribute {
  const name = input.name.trim();
  if (ctx.repos.participants.attributeByName(name)) {
    throw conflict(`An attribute named "${name}" already exists. Choose another name, or edit that one.`);
  }
  const choices = cleanChoices(input.type, input.choices);
  const id = ctx.repos.tx(() => ctx.repos.participants.insertAttribute(name, input.type, choices));
  return withFlag(ctx, ctx.repos.participants.attribute(id) as AttributeRow);
}

/** Renames or retypes an attribute; existing values must fit the new type (they are normalised). */
export function updateAttribute(
  ctx: ProjectContext,
  input: {
    id: AttributeId;
    name?: string | undefined;
    type?: AttributeType | undefined;
    choices?: string[] | undefined;
    identifying?: boolean | undefined;
  },
): Attribute {
  const { participants } = ctx.repos;
  const row = participants.attribute(input.id);
  if (!row) throw notFound(`There is no attribute with id ${input.id}.`);
  const current = toAttribute(row);
  const name = input.name?.trim() ?? current.name;
  const clash = participants.attributeByName(name);
  if (clash && clash.id !== row.id) throw conflict(`An attribute named "${name}" already exists. Choose another name.`);
  const type = input.type ?? current.type;
  const choices = cleanChoices(type, input.choices ?? current.choices);
  const next = { name, type, choices };
  const values = participants.valuesOf(row.id).map((v) => ({ ...v, result: normaliseValue(next, v.value) }));
  const errors = values.flatMap((v) => ('error' in v.result ? [v.result.error] : []));
  if (errors.length > 0) {
    throw badInput(
      `${errors.length} participant value${errors.length === 1 ? '' : 's'} of "${current.name}" would not fit: ${errors[0]} Change those values first.`,
    );
  }
  ctx.repos.tx(() => {
    if (input.identifying !== undefined) setAttributeIdentifying(ctx, row.id, input.identifying);
    participants.updateAttribute(row.id, next);
    for (const v of values) {
      const value = (v.result as { value: string }).value;
      if (value !== v.value) participants.setValue(v.participantId, row.id, value);
    }
  });
  return withFlag(ctx, participants.attribute(row.id) as AttributeRow);
}
