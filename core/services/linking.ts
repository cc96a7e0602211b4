/**
 * Linking many documents to participants in one step: proposals found the way import finds
 * them (a pattern in the file name, or the main speaker), and one transaction that links a
 * whole table of documents, creating the participants that do not exist yet.
 */

import { labelFromFileName } from '../contract/fileLabel.js';
import type { DocumentId, LinkResult, ParticipantId, ParticipantSuggestion } from '../contract/types.js';
import { notFound } from '../errors.js';
import type { ProjectContext } from './context.js';
import { compilePattern, mainSpeaker } from './importing.js';

export function suggestParticipants(
  { repos }: ProjectContext,
  input: { by: 'fileName' | 'speaker'; pattern?: string | undefined },
): ParticipantSuggestion[] {
  const pattern = input.by === 'fileName' ? compilePattern(input.pattern ?? '.+') : null;
  return repos.documents.fileNames().map(({ id, fileName }) => {
    if (pattern) return { documentId: id, fileName, label: fileName ? labelFromFileName(fileName, pattern) : null };
    const text = repos.documents.text(id) ?? '';
    return { documentId: id, fileName, label: mainSpeaker({ text, turns: repos.documents.turns(id) }) };
  });
}

export function linkDocuments(
  ctx: ProjectContext,
  input: { links: readonly { documentId: DocumentId; participant: string | null }[] },
): LinkResult {
  const { repos } = ctx;
  const missing = input.links.find((l) => !repos.documents.exists(l.documentId));
  if (missing) throw notFound(`There is no document with id ${missing.documentId}; reload the document list.`);
  return repos.tx(() => {
    let linked = 0;
    let created = 0;
    const ids = new Map<string, ParticipantId>();
    for (const link of input.links) {
      const label = link.participant?.trim() || null;
      let participantId: ParticipantId | null = null;
      if (label !== null) {
        participantId = ids.get(label) ?? repos.participants.findByLabel(label)?.id ?? null;
        if (participantId === null) {
          participantId = repos.participants.insert(label, null);
          created++;
        }
        ids.set(label, participantId);
        repos.documents.setSpeakerParticipant(link.documentId, label, participantId);
      }
      if (repos.documents.get(link.documentId)?.participantId !== participantId) {
        repos.documents.setParticipant(link.documentId, participantId);
        linked++;
      }
    }
    return { linked, created };
  });
}
