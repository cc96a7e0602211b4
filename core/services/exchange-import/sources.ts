/**
 * Sources of a REFI-QDA import: each becomes a document with its turns, search rows and
 * excerpts (selections) with their codings — or, when merging into a project that already has
 * the same text, its selections are matched against that document's excerpts.
 */
import { randomUUID } from 'node:crypto';
import type { CoderId, DocumentId, ExcerptId } from '../../contract/types.js';
import type { PlannedDocument } from '../../exchange/readArchive.js';
import type { ProjectImporter } from '../../importers/types.js';
import { segmentText, withByteRanges } from '../../text/segments.js';
import { excerptSpan } from '../excerpts.js';
import { type Landing, plural, were } from './landing.js';
import type { MergeTally } from './tally.js';

export interface ImportedFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Lands every planned document; returns the ids of the documents it added. */
export function landSources(landing: Landing, file: ImportedFile, importer: ProjectImporter): DocumentId[] {
  const { ctx, plan, merge, warnings } = landing;
  const { repos } = ctx;
  /** Existing documents by their text, when merging. */
  const byText = new Map<string, DocumentId>();
  if (merge) for (const d of repos.exchange.documents()) if (!byText.has(d.text)) byText.set(d.text, d.id);

  const documentIds: DocumentId[] = [];
  let unknownCodes = 0;
  let documentVariables = 0;
  const sourceId =
    plan.documents.length > 0
      ? repos.sources.insert({
          fileName: file.name.split(/[\\/]/).pop() ?? file.name,
          mediaType: importer.mediaType,
          sha256: file.sha256,
          bytes: file.bytes,
          importer: importer.format,
          importerVersion: importer.version,
        })
      : null;
  for (const planned of plan.documents) {
    const { source, document } = planned;
    const same = merge ? byText.get(document.text) : undefined;
    if (merge && same !== undefined) {
      merge.documents.matched++;
      landing.documents.set(source.guid, same);
      mergeSelections(landing, merge, same, planned);
      continue;
    }
    if (merge) merge.documents.added++;
    const documentId = repos.documents.insert({
      title: document.title,
      kind: document.kind ?? 'interview',
      format: importer.format,
      text: document.text,
      language: document.language ?? null,
      sourceId,
      participantId: landing.participantOfSource.get(source.guid) ?? null,
      roundId: null,
    });
    repos.exchange.setGuid('documents', documentId, landing.guidFor('documents', source.guid));
    repos.documents.insertTurns(
      documentId,
      document.turns.map((t) => ({
        ...t,
        participantId: t.speaker ? (repos.participants.findByLabel(t.speaker)?.id ?? null) : null,
      })),
    );
    repos.search.insertSegments(
      'document',
      documentId,
      withByteRanges(document.text, segmentText(document.text, document.breaks ?? [])),
    );
    landing.documents.set(source.guid, documentId);
    documentIds.push(documentId);
    for (const note of source.noteRefs) landing.target(note, 'document', documentId);
    if (source.description?.trim()) {
      landing.pendingMemos.push({
        title: 'Description',
        body: source.description,
        kind: 'document',
        id: documentId,
        author: null,
        created: null,
      });
    }
    documentVariables += source.variableValues.length;
    unknownCodes += landSelections(landing, documentId, planned);
  }
  if (unknownCodes > 0) {
    warnings.push(
      `${plural(unknownCodes, 'coding')} named a code that is not in the codebook and ${were(unknownCodes)} left out.`,
    );
  }
  if (documentVariables > 0) {
    warnings.push(
      `${plural(documentVariables, 'variable value')} on sources ${were(documentVariables)} not kept: Quarry's attributes belong to participants.`,
    );
  }
  return documentIds;
}

/** A new document's selections as excerpts with their codings; returns how many codings named no known code. */
function landSelections(landing: Landing, documentId: DocumentId, planned: PlannedDocument): number {
  const { ctx, merge } = landing;
  const { repos } = ctx;
  let unknownCodes = 0;
  for (const { selection, start, end } of planned.excerpts) {
    const author = landing.coderOf(selection.userGuid);
    if (merge) merge.excerpts.added++;
    const excerptId = repos.excerpts.insert(documentId, excerptSpan(planned.document.text, start, end), author, {
      guid: landing.guidFor('excerpts', selection.guid),
      createdAt: selection.created ?? new Date().toISOString(),
    });
    landing.excerpts.set(selection.guid, excerptId);
    unknownCodes += landCodings(landing, excerptId, selection, author, (guid) => landing.guidFor('codings', guid));
    for (const note of selection.noteRefs) landing.target(note, 'excerpt', excerptId);
    if (selection.description?.trim()) {
      landing.pendingMemos.push({
        title: '',
        body: selection.description,
        kind: 'excerpt',
        id: excerptId,
        author,
        created: selection.created,
      });
    }
  }
  return unknownCodes;
}

/**
 * The selections of a source whose text this project already has: the same excerpt (by GUID
 * on that document, else by span) or a new one, with each coding added once per coder.
 */
function mergeSelections(landing: Landing, merge: MergeTally, documentId: DocumentId, planned: PlannedDocument): void {
  const { repos } = landing.ctx;
  const text = planned.document.text;
  for (const { selection, start, end } of planned.excerpts) {
    const author = landing.coderOf(selection.userGuid);
    const byGuid = repos.exchange.idOf('excerpts', selection.guid) as ExcerptId | undefined;
    let excerptId =
      byGuid !== undefined && repos.exchange.excerptDocument(byGuid) === documentId
        ? byGuid
        : repos.excerpts.findSpan(documentId, start, end);
    if (excerptId !== undefined) merge.excerpts.matched++;
    else {
      merge.excerpts.added++;
      excerptId = repos.excerpts.insert(documentId, excerptSpan(text, start, end), author, {
        guid: byGuid === undefined ? selection.guid : randomUUID(),
        createdAt: selection.created ?? new Date().toISOString(),
      });
    }
    landCodings(landing, excerptId, selection, author, (guid) =>
      repos.exchange.idOf('codings', guid) === undefined ? guid : randomUUID(),
    );
    for (const note of selection.noteRefs) landing.target(note, 'excerpt', excerptId);
  }
}

/**
 * A selection's codings on an excerpt, each once per coder; a merge counts those added. Returns
 * how many named no known code. `guidOf` gives each coding's GUID (an import and a merge rename
 * GUIDs the project already has differently).
 */
function landCodings(
  landing: Landing,
  excerptId: ExcerptId,
  selection: PlannedDocument['excerpts'][number]['selection'],
  author: CoderId | null,
  guidOf: (guid: string) => string,
): number {
  const { repos } = landing.ctx;
  let unknown = 0;
  for (const coding of selection.codings) {
    const codeId = landing.codeOf(coding.codeGuid);
    if (codeId === undefined) {
      unknown++;
      continue;
    }
    const added = repos.exchange.insertCoding(
      guidOf(coding.guid),
      excerptId,
      codeId,
      landing.coderOf(coding.userGuid) ?? author,
      coding.created ?? selection.created ?? new Date().toISOString(),
    );
    if (landing.merge && added) landing.merge.codings.added++;
  }
  return unknown;
}
