/** Participants, their attributes, and which document belongs to whom. */
import type { DocumentId, DocumentSummary, Participant, ParticipantId } from '../contract/types.js';
import { conflict, notFound } from '../errors.js';
import type { ProjectContext } from './context.js';
import { toDocumentSummary } from './documents.js';

export function listParticipants({ repos }: ProjectContext): Participant[] {
  const values = repos.participants.attributeValues();
  const byParticipant = new Map<number, Record<string, string>>();
  for (const v of values) {
    const attrs = byParticipant.get(v.participantId) ?? {};
    attrs[v.name] = v.value;
    byParticipant.set(v.participantId, attrs);
  }
  return repos.participants.list().map((p) => ({
    id: p.id,
    label: p.label,
    displayName: p.displayName,
    attributes: byParticipant.get(p.id) ?? {},
  }));
}

export function getParticipant({ repos }: ProjectContext, id: ParticipantId): Participant {
  const p = repos.participants.get(id);
  if (!p) throw notFound(`There is no participant with id ${id}.`);
  const attributes: Record<string, string> = {};
  for (const v of repos.participants.attributeValuesOf(id)) attributes[v.name] = v.value;
  return { id: p.id, label: p.label, displayName: p.displayName, attributes };
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

export function addParticipant(
  ctx: ProjectContext,
  input: { label: string; displayName?: string | undefined; attributes?: Record<string, string> | undefined },
): Participant {
  const { repos } = ctx;
  const label = input.label.trim();
  if (repos.participants.findByLabel(label)) {
    throw conflict(`A participant labelled "${label}" already exists. Choose another label.`);
  }
  const id = repos.tx(() => {
    const id = repos.participants.insert(label, input.displayName?.trim() || null);
    applyAttributes(ctx, id, input.attributes ?? {});
    return id;
  });
  return getParticipant(ctx, id);
}

export function setAttributes(
  ctx: ProjectContext,
  input: { id: ParticipantId; attributes: Record<string, string | null> },
): Participant {
  if (!ctx.repos.participants.get(input.id)) throw notFound(`There is no participant with id ${input.id}.`);
  ctx.repos.tx(() => applyAttributes(ctx, input.id, input.attributes));
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
  repos.documents.setParticipant(input.documentId, input.participantId);
  const summary = repos.documents.summary(input.documentId);
  if (!summary) throw notFound(`There is no document with id ${input.documentId}.`);
  return toDocumentSummary(summary);
}
