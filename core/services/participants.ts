/** Participants, their attributes, and which document belongs to whom. */
import type { DocumentId, DocumentSummary, Participant, ParticipantId } from '../contract/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import { normaliseValue, toAttribute } from './attributes.js';
import type { ProjectContext } from './context.js';
import { toDocumentSummary } from './documents.js';

export function listParticipants(
  { repos }: ProjectContext,
  filter: { attributes?: Record<string, string> | undefined } = {},
): Participant[] {
  const values = repos.participants.attributeValues();
  const docs = new Map<number, DocumentId[]>();
  for (const d of repos.participants.documentIds()) {
    const list = docs.get(d.participantId) ?? [];
    list.push(d.documentId as DocumentId);
    docs.set(d.participantId, list);
  }
  const byParticipant = new Map<number, Record<string, string>>();
  for (const v of values) {
    const attrs = byParticipant.get(v.participantId) ?? {};
    attrs[v.name] = v.value;
    byParticipant.set(v.participantId, attrs);
  }
  const wanted = Object.entries(filter.attributes ?? {}).map(([k, v]) => [k.toLowerCase(), v.trim().toLowerCase()]);
  const matches = (attrs: Record<string, string>) => {
    const lower = new Map(Object.entries(attrs).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
    return wanted.every(([k, v]) => lower.get(k as string) === v);
  };
  return repos.participants
    .list()
    .map((p) => ({
      id: p.id,
      label: p.label,
      displayName: p.displayName,
      pseudonym: p.pseudonym,
      attributes: byParticipant.get(p.id) ?? {},
      documents: docs.get(p.id) ?? [],
    }))
    .filter((p) => matches(p.attributes));
}

export function getParticipant({ repos }: ProjectContext, id: ParticipantId): Participant {
  const p = repos.participants.get(id);
  if (!p) throw notFound(`There is no participant with id ${id}.`);
  const attributes: Record<string, string> = {};
  for (const v of repos.participants.attributeValuesOf(id)) attributes[v.name] = v.value;
  const documents = repos.participants
    .documentIds()
    .filter((d) => d.participantId === id)
    .map((d) => d.documentId as DocumentId);
  return { id: p.id, label: p.label, displayName: p.displayName, pseudonym: p.pseudonym, attributes, documents };
}

/** Checks every value against its attribute's type first, so a bad value writes nothing. */
function checkAttributes(
  ctx: ProjectContext,
  attributes: Record<string, string | null>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const errors: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const row = ctx.repos.participants.attributeByName(name);
    if (value === null || !row) {
      out[row?.name ?? name] = value;
      continue;
    }
    const result = normaliseValue(toAttribute(row), value);
    if ('error' in result) errors.push(result.error);
    else out[row.name] = result.value;
  }
  if (errors.length > 0) throw badInput(errors.join(' '));
  return out;
}

/** Applies attribute values (null clears one); unknown attributes are created as text. */
function applyAttributes(ctx: ProjectContext, id: ParticipantId, attributes: Record<string, string | null>): void {
  const { participants } = ctx.repos;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) {
      const attributeId = participants.findAttribute(name);
      if (attributeId !== undefined) participants.clearValue(id, attributeId);
    } else {
      participants.setValue(id, participants.ensureAttribute(name), value);
    }
  }
}

export function updateParticipant(
  ctx: ProjectContext,
  input: {
    id: ParticipantId;
    label?: string | undefined;
    displayName?: string | null | undefined;
    pseudonym?: string | null | undefined;
  },
): Participant {
  const { participants } = ctx.repos;
  const p = participants.get(input.id);
  if (!p) throw notFound(`There is no participant with id ${input.id}.`);
  const label = input.label?.trim() ?? p.label;
  const clash = participants.findByLabel(label);
  if (clash && clash.id !== p.id)
    throw conflict(`A participant labelled "${label}" already exists. Choose another label.`);
  const displayName = input.displayName === undefined ? p.displayName : input.displayName?.trim() || null;
  const pseudonym = input.pseudonym === undefined ? p.pseudonym : input.pseudonym?.trim() || null;
  if (pseudonym !== null) {
    const taken = participants
      .list()
      .find((o) => o.id !== p.id && o.pseudonym?.toLowerCase() === pseudonym.toLowerCase());
    if (taken) throw conflict(`Another participant already has the pseudonym "${pseudonym}". Choose another one.`);
  }
  ctx.repos.tx(() => participants.update(p.id, label, displayName, pseudonym));
  return getParticipant(ctx, p.id);
}

export function addParticipant(
  ctx: ProjectContext,
  input: { label: string; displayName?: string | undefined; attributes?: Record<string, string> | undefined },
): Participant {
  const { repos } = ctx;
  const label = input.label.trim();
  if (repos.participants.findByLabel(label)) {
    throw conflict(`A participant labelled "${label}" already exists. Choose another label.`);
  }
  const attributes = checkAttributes(ctx, input.attributes ?? {});
  const id = repos.tx(() => {
    const id = repos.participants.insert(label, input.displayName?.trim() || null);
    applyAttributes(ctx, id, attributes);
    return id;
  });
  return getParticipant(ctx, id);
}

export function setAttributes(
  ctx: ProjectContext,
  input: { id: ParticipantId; attributes: Record<string, string | null> },
): Participant {
  if (!ctx.repos.participants.get(input.id)) throw notFound(`There is no participant with id ${input.id}.`);
  const attributes = checkAttributes(ctx, input.attributes);
  ctx.repos.tx(() => applyAttributes(ctx, input.id, attributes));
  return getParticipant(ctx, input.id);
}

/** The participant with this label, created when missing (used by imports). */
export function ensureParticipant(ctx: ProjectContext, label: string): ParticipantId {
  const existing = ctx.repos.participants.findByLabel(label);
  return existing ? existing.id : ctx.repos.participants.insert(label, null);
}

export function setDocumentParticipant(
  ctx: ProjectContext,
  input: { documentId: DocumentId; participantId: ParticipantId | null },
): DocumentSummary {
  const { repos } = ctx;
  if (!repos.documents.exists(input.documentId)) throw notFound(`There is no document with id ${input.documentId}.`);
  if (input.participantId !== null && !repos.participants.get(input.participantId)) {
    throw notFound(`There is no participant with id ${input.participantId}.`);
  }
  repos.tx(() => repos.documents.setParticipant(input.documentId, input.participantId));
  const summary = repos.documents.summary(input.documentId);
  if (!summary) throw notFound(`There is no document with id ${input.documentId}.`);
  return toDocumentSummary(summary);
}
