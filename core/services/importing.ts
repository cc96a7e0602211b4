/**
 * Bringing files into a project. Each file is its own transaction: a refused or failing
 * file leaves nothing behind, and the rest of the batch carries on. A file whose bytes
 * (sha256) are already in the project is a duplicate: skipped by default, or kept when the
 * caller says so. Documents go to a study round and to a participant — a chosen name, one
 * found in the file name by a pattern, the main speaker, or (for survey rows) the respondent.
 */

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { NewSegment } from '../../db/repositories/search.js';
import { DEFAULT_ROUND_NAME } from '../../db/repositories/studies.js';
import { labelFromFileName, participantPattern } from '../contract/fileLabel.js';
import type { CsvPreview, DocumentId, ImportFormat, ImportResult, ParticipantId } from '../contract/types.js';
import { badInput } from '../errors.js';
import { guessRoles, parseCsv } from '../importers/csv/analyse.js';
import { baseName } from '../importers/names.js';
import { decodeOrRefuse } from '../importers/plainText.js';
import { findImporter, unknownFormatReason } from '../importers/registry.js';
import { type ByteSource, fileSource, memorySource } from '../importers/source.js';
import {
  type BlockImporter,
  HEAD_BYTES,
  type Importer,
  ImportRefusal,
  type ParsedDocument,
  type ParseOptions,
  type ProjectImporter,
} from '../importers/types.js';
import { LARGE_FILE_BYTES, releaseGarbage } from '../memory.js';
import { base64Size, decodeBase64 } from '../text/base64.js';
import { forEachSegment, utf8Cursor } from '../text/segments.js';
import { normaliseValue, toAttribute } from './attributes.js';
import type { ImportLimits, ProjectContext } from './context.js';
import { storeExchange } from './exchangeImport.js';
import { ensureParticipant } from './participants.js';

export interface ImportUpload {
  name: string;
  dataBase64: string;
}

/** A file's content, or (from local hosts only: core/contract/localPaths.ts) its path on this machine. */
export type ImportFile = ImportUpload | { path: string };

/** The name a file is known by: its file name, for one read from disk. */
/** Search rows are written this many segments at a time. */
const SEGMENT_BATCH = 500;

const nameOf = (file: ImportFile) => ('path' in file ? basename(file.path) : file.name);

interface Named {
  name: string;
}

export interface ImportOptions {
  participant?: string | undefined;
  /** A regular expression found in the file name (case-insensitive); its first group, or the match, is the label. */
  participantPattern?: string | undefined;
  /** The document's participant is its main speaker (interviewer-like labels left out). */
  participantFromSpeaker?: boolean | undefined;
  study?: string | undefined;
  round?: string | undefined;
  duplicates?: 'skip' | 'keep' | undefined;
  csv?: ParseOptions['csv'];
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Base64 length → decoded size, without decoding (so oversized files are refused cheaply). */
interface Prepared {
  importer: Importer;
  /** The file, read whole only when its source row is written. */
  source: ByteSource;
  sha256: string;
  documents: ParsedDocument[];
}

function tooLarge(size: number, limits: ImportLimits): ImportRefusal {
  return new ImportRefusal(
    `the file is ${megabytes(size)}, over the import limit of ${megabytes(limits.maxFileBytes)}`,
  );
}

/**
 * A file named by path is sized, not read: block-wise importers read it a block at a time and
 * its bytes are held whole only while its source row is written (issue 8).
 */
function openFromDisk(path: string, limits: ImportLimits): ByteSource {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ImportRefusal('it is not a file');
    size = stat.size;
  } catch (err) {
    if (err instanceof ImportRefusal) throw err;
    throw new ImportRefusal(`it could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (size > limits.maxFileBytes) throw tooLarge(size, limits);
  if (size === 0) throw new ImportRefusal('the file is empty');
  const file = fileSource(path, size);
  return {
    ...file,
    whole() {
      const bytes = file.whole();
      // It grew since it was sized.
      if (bytes.byteLength > limits.maxFileBytes) throw tooLarge(bytes.byteLength, limits);
      return bytes;
    },
  };
}

function openSource(file: ImportFile, limits: ImportLimits): ByteSource {
  if ('path' in file) return openFromDisk(file.path, limits);
  return memorySource(readUpload(file, limits));
}

function readUpload(file: ImportUpload, limits: ImportLimits): Uint8Array {
  // Sized before decoding: a file over the limit is refused without being held twice in memory.
  const size = base64Size(file.dataBase64);
  if (size === null) throw new ImportRefusal('its data did not arrive as base64 (the upload is damaged)');
  if (size > limits.maxFileBytes) throw tooLarge(size, limits);
  const bytes = decodeBase64(file.dataBase64);
  if (bytes === null) throw new ImportRefusal('its data is not well-formed base64 (the upload is damaged)');
  if (bytes.byteLength === 0) throw new ImportRefusal('the file is empty');
  return bytes;
}

function sha256Of(source: ByteSource): string {
  const hash = createHash('sha256');
  for (const block of source.blocks()) hash.update(block);
  return hash.digest('hex');
}

/** The bytes for the source row, which must be the bytes that were hashed and parsed. */
function sourceBytes(prepared: Prepared): Uint8Array {
  const bytes = prepared.source.whole();
  if (bytes.byteLength !== prepared.source.size || createHash('sha256').update(bytes).digest('hex') !== prepared.sha256)
    throw new ImportRefusal('it changed on disk while it was being imported; import it again');
  return bytes;
}

/** Decodes and parses one file, or says why not. Nothing is written here. */
async function prepare(
  importer: Importer,
  file: Named,
  source: ByteSource,
  sha256: string,
  options: ImportOptions,
): Promise<Prepared> {
  const documents =
    'parseSource' in importer
      ? (importer as BlockImporter).parseSource(source, file.name)
      : await importer.parse(source.whole(), file.name, { csv: options.csv });
  if (documents.length === 0) throw new ImportRefusal('the file holds no documents');
  return { importer, source, sha256, documents };
}

export function compilePattern(pattern: string): RegExp {
  const compiled = participantPattern(pattern);
  if ('error' in compiled) throw badInput(compiled.error);
  return compiled;
}

const INTERVIEWER =
  /^(i|int|interviewer(in)?|moderator(in)?|facilitator|researcher|host|q|speaker 1|主持人|司会|진행자)$/iu;

/** The speaker with the most words, leaving out interviewer-like labels. */
export function mainSpeaker(doc: {
  text: string;
  turns: readonly { speaker: string | null; start: number; end: number }[];
}): string | null {
  const words = new Map<string, number>();
  for (const turn of doc.turns) {
    if (!turn.speaker || INTERVIEWER.test(turn.speaker)) continue;
    const n = doc.text.slice(turn.start, turn.end).split(/\s+/).length;
    words.set(turn.speaker, (words.get(turn.speaker) ?? 0) + n);
  }
  let best: string | null = null;
  for (const [speaker, n] of words) if (best === null || n > (words.get(best) ?? 0)) best = speaker;
  return best;
}

function roundFor(ctx: ProjectContext, options: ImportOptions): number | null {
  const { repos } = ctx;
  if (!options.study && !options.round) return null;
  const studyName = options.study?.trim() || 'Study';
  const studyId = repos.studies.findStudy(studyName) ?? repos.studies.insertStudy(studyName);
  if (options.round) {
    const name = options.round.trim();
    return repos.studies.findRound(studyId, name) ?? repos.studies.insertRound(studyId, name);
  }
  return repos.studies.firstRound(studyId) ?? repos.studies.insertRound(studyId, DEFAULT_ROUND_NAME);
}

/** The file's earlier copy in the project (same sha256), as the result reports it. */
function findDuplicate(ctx: ProjectContext, file: Named, sha256: string, options: ImportOptions) {
  const earlier = ctx.repos.sources.findBySha256(sha256)[0];
  if (!earlier) return null;
  return {
    file: file.name,
    duplicateOf: earlier.fileName,
    documentIds: ctx.repos.documents.idsBySource(earlier.id),
    action: options.duplicates === 'keep' ? ('kept' as const) : ('skipped' as const),
  };
}

type Duplicate = NonNullable<ReturnType<typeof findDuplicate>>;

/**
 * Writes one parsed file in one transaction, or returns the duplicate it turned out to be: the
 * check is repeated inside the write, so two imports of one folder at once store each file once.
 */
function store(
  ctx: ProjectContext,
  file: Named,
  prepared: Prepared,
  options: ImportOptions,
  pattern: RegExp | null,
): DocumentId[] | Duplicate {
  const { repos } = ctx;
  return repos.tx(() => {
    if (options.duplicates !== 'keep') {
      const duplicate = findDuplicate(ctx, file, prepared.sha256, options);
      if (duplicate) return duplicate;
    }
    const roundId = roundFor(ctx, options);
    const fileLabel = options.participant?.trim() || (pattern ? labelFromFileName(file.name, pattern) : null);
    const sourceId = repos.sources.insert({
      fileName: baseName(file.name),
      mediaType: prepared.importer.mediaType,
      sha256: prepared.sha256,
      size: prepared.source.size,
      importer: prepared.importer.format,
      importerVersion: prepared.importer.version,
    });

    const speakerIds = new Map<string, ParticipantId | null>();
    const speakerParticipant = (speaker: string | null): ParticipantId | null => {
      if (speaker === null) return null;
      if (!speakerIds.has(speaker)) speakerIds.set(speaker, repos.participants.findByLabel(speaker)?.id ?? null);
      return speakerIds.get(speaker) ?? null;
    };

    const documentIds = prepared.documents.flatMap((doc) => {
      let label = doc.participant?.label ?? fileLabel;
      if (!label && options.participantFromSpeaker) label = mainSpeaker(doc);
      const participantId = label ? ensureParticipant(ctx, label) : null;
      if (participantId !== null) {
        // The main speaker's turns belong to the participant found for them.
        speakerIds.set(label as string, participantId);
        setImportedAttributes(ctx, participantId, doc.participant);
        if (roundId !== null) repos.participants.linkRound(participantId, roundId);
      }
      if (doc.participantOnly) return [];
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
      storeSegments(ctx, documentId, doc);
      return [documentId];
    });
    // The file's bytes are written last, once the document texts are let go (issue 8: the texts,
    // the bytes and SQLite's copy of them were 500 MB together for a million-cue transcript).
    prepared.documents.length = 0;
    if (prepared.source.size >= LARGE_FILE_BYTES) releaseGarbage();
    repos.sources.setBytes(sourceId, sourceBytes(prepared));
    return documentIds;
  });
}

/**
 * The document's search rows, a batch at a time as its segments are cut: a long transcript
 * never holds all its segments and their rows at once (issue 8).
 */
function storeSegments(ctx: ProjectContext, documentId: DocumentId, doc: ParsedDocument): void {
  const byteAt = utf8Cursor(doc.text);
  let batch: NewSegment[] = [];
  forEachSegment(doc.text, doc.breaks ?? [], (segment) => {
    batch.push({ ...segment, byteStart: byteAt(segment.start), byteEnd: byteAt(segment.end) });
    if (batch.length < SEGMENT_BATCH) return;
    ctx.repos.search.insertSegments('document', documentId, batch);
    batch = [];
  });
  ctx.repos.search.insertSegments('document', documentId, batch);
}

/**
 * A survey respondent's attribute values: a new attribute gets the column's type (number,
 * date, yes/no, text); an existing one keeps its type and each value must fit it, or the
 * whole file is refused (nothing of it is written).
 */
function setImportedAttributes(
  ctx: ProjectContext,
  participantId: ParticipantId,
  participant: ParsedDocument['participant'],
): void {
  const { participants } = ctx.repos;
  for (const [name, raw] of Object.entries(participant?.attributes ?? {})) {
    const row = participants.attributeByName(name);
    if (!row) {
      const id = participants.insertAttribute(name, participant?.types?.[name] ?? 'text', []);
      participants.setValue(participantId, id, raw);
      continue;
    }
    const fitted = normaliseValue(toAttribute(row), raw);
    if ('error' in fitted) {
      throw new ImportRefusal(
        `the project's attribute ${fitted.error.replace(/\.$/, '')} (respondent "${participant?.label}")`,
      );
    }
    participants.setValue(participantId, row.id, fitted.value);
  }
}

/** A whole REFI-QDA project or codebook: planned without writing, then stored in one transaction. */
async function importProject(
  ctx: ProjectContext,
  importer: ProjectImporter,
  file: Named,
  bytes: Uint8Array,
  sha256: string,
): Promise<{ documentIds: DocumentId[]; warnings: string[] }> {
  const plan = await importer.plan(bytes, file.name);
  const stored = storeExchange(ctx, { name: file.name, bytes, sha256 }, importer, plan);
  ctx.repos.history.clear();
  return stored;
}

const sentence = (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;

export async function importFiles(
  ctx: ProjectContext,
  files: readonly ImportFile[],
  options: ImportOptions,
  limits: ImportLimits,
): Promise<ImportResult> {
  const pattern = options.participantPattern ? compilePattern(options.participantPattern) : null;
  const result: ImportResult = { imported: [], rejected: [], duplicates: [] };
  for (const source of files) {
    const file: Named = { name: nameOf(source) };
    try {
      const content = openSource(source, limits);
      const sha256 = sha256Of(content);
      // Checked before parsing too, so a known file costs no parse.
      const earlier = findDuplicate(ctx, file, sha256, options);
      if (earlier) {
        result.duplicates.push(earlier);
        if (earlier.action === 'skipped') continue;
      }
      const importer = findImporter(content.head(HEAD_BYTES), file.name);
      if (!importer) throw new ImportRefusal(unknownFormatReason(file.name));
      if ('kind' in importer && importer.kind === 'project') {
        const stored = await importProject(ctx, importer, file, content.whole(), sha256);
        result.imported.push({
          file: file.name,
          documentIds: stored.documentIds,
          format: importer.format,
          warnings: stored.warnings,
        });
        continue;
      }
      const prepared = await prepare(importer as Importer, file, content, sha256, options);
      // The parse's garbage (the decoded file among it) goes before the rows are written.
      if (content.size >= LARGE_FILE_BYTES) releaseGarbage();
      const stored = store(ctx, file, prepared, options, pattern);
      if (!Array.isArray(stored)) {
        result.duplicates.push(stored);
        continue;
      }
      const documentIds = stored;
      // Imports are not undoable: their rows must never join the next undo step. This runs
      // synchronously after the file's transaction, so no other command's changes are lost.
      ctx.repos.history.clear();
      result.imported.push({ file: file.name, documentIds, format: prepared.importer.format as ImportFormat });
    } catch (err) {
      const reason =
        err instanceof ImportRefusal ? err.message : `it could not be imported (${(err as Error)?.message ?? err})`;
      // The file name travels in `file`; `error` is the reason as a sentence.
      result.rejected.push({ file: file.name, error: sentence(reason) });
    }
  }
  return result;
}

/** What a CSV holds and the role each column would get, before anything is imported. */
export function previewCsv(file: ImportFile, limits: ImportLimits): CsvPreview {
  const name = nameOf(file);
  try {
    const table = parseCsv(decodeOrRefuse(openSource(file, limits).whole()));
    return {
      file: name,
      delimiter: table.delimiter,
      rows: table.rows.length,
      columns: guessRoles(table),
    };
  } catch (err) {
    if (err instanceof ImportRefusal) throw badInput(`${name}: ${sentence(err.message)}`);
    throw err;
  }
}
