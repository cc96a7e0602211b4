/**
 * Bringing files into a project. Each file is its own transaction: a refused or failing
 * file leaves nothing behind, and the rest of the batch carries on.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_ROUND_NAME } from '../../db/repositories/studies.js';
import type { DocumentId, ImportFormat, ImportResult, ParticipantId } from '../contract/types.js';
import { baseName } from '../importers/names.js';
import { findImporter, unknownFormatReason } from '../importers/registry.js';
import { type Importer, ImportRefusal, type ParsedDocument } from '../importers/types.js';
import { segmentText } from '../text/segments.js';
import type { ImportLimits, ProjectContext } from './context.js';
import { ensureParticipant } from './participants.js';

export interface ImportFile {
  name: string;
  dataBase64: string;
}

export interface ImportOptions {
  participant?: string | undefined;
  study?: string | undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Base64 length → decoded size, without decoding (so oversized files are refused cheaply). */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.replace(/\s/g, '').length * 3) / 4) - padding;
}

interface Prepared {
  importer: Importer;
  bytes: Uint8Array;
  documents: ParsedDocument[];
}

/** Decodes and parses one file, or says why not. Nothing is written here. */
async function prepare(file: ImportFile, limits: ImportLimits): Promise<Prepared> {
  const size = decodedSize(file.dataBase64);
  if (size > limits.maxFileBytes) {
    throw new ImportRefusal(
      `the file is ${megabytes(size)}, over the import limit of ${megabytes(limits.maxFileBytes)}`,
    );
  }
  const bytes = Buffer.from(file.dataBase64, 'base64');
  if (bytes.byteLength === 0) throw new ImportRefusal('the file is empty');
  const importer = findImporter(bytes, file.name);
  if (!importer) throw new ImportRefusal(unknownFormatReason(file.name));
  const documents = await importer.parse(bytes, file.name);
  if (documents.length === 0) throw new ImportRefusal('the file holds no documents');
  return { importer, bytes, documents };
}

function store(ctx: ProjectContext, file: ImportFile, prepared: Prepared, options: ImportOptions): DocumentId[] {
  const { repos } = ctx;
  return repos.tx(() => {
    const participantId: ParticipantId | null = options.participant
      ? ensureParticipant(ctx, options.participant.trim())
      : null;
    let roundId: number | null = null;
    if (options.study) {
      const name = options.study.trim();
      const studyId = repos.studies.findStudy(name) ?? repos.studies.insertStudy(name);
      roundId = repos.studies.firstRound(studyId) ?? repos.studies.insertRound(studyId, DEFAULT_ROUND_NAME);
      if (participantId !== null) repos.participants.linkRound(participantId, roundId);
    }
    const sourceId = repos.sources.insert({
      fileName: baseName(file.name),
      mediaType: prepared.importer.mediaType,
      sha256: createHash('sha256').update(prepared.bytes).digest('hex'),
      bytes: prepared.bytes,
      importer: prepared.importer.format,
      importerVersion: prepared.importer.version,
    });

    const speakerIds = new Map<string, ParticipantId | null>();
    const speakerParticipant = (speaker: string | null): ParticipantId | null => {
      if (speaker === null) return null;
      if (!speakerIds.has(speaker)) speakerIds.set(speaker, repos.participants.findByLabel(speaker)?.id ?? null);
      return speakerIds.get(speaker) ?? null;
    };

    return prepared.documents.map((doc) => {
      const documentId = repos.documents.insert({
        title: doc.title,
        kind: doc.kind ?? 'interview',
        format: prepared.importer.format,
        text: doc.text,
        language: doc.language ?? null,
        sourceId,
        participantId,
        roundId,
      });
      repos.documents.insertTurns(
        documentId,
        doc.turns.map((t) => ({ ...t, participantId: speakerParticipant(t.speaker) })),
      );
      repos.search.insertSegments('document', documentId, segmentText(doc.text, doc.breaks ?? []));
      return documentId;
    });
  });
}

export async function importFiles(
  ctx: ProjectContext,
  files: readonly ImportFile[],
  options: ImportOptions,
  limits: ImportLimits,
): Promise<ImportResult> {
  const result: ImportResult = { imported: [], rejected: [] };
  for (const file of files) {
    try {
      const prepared = await prepare(file, limits);
      const documentIds = store(ctx, file, prepared, options);
      result.imported.push({ file: file.name, documentIds, format: prepared.importer.format as ImportFormat });
    } catch (err) {
      const reason =
        err instanceof ImportRefusal ? err.message : `it could not be imported (${(err as Error)?.message ?? err})`;
      // The file name travels in `file`; `error` is the reason as a sentence.
      result.rejected.push({ file: file.name, error: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.` });
    }
  }
  return result;
}
