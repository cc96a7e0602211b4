/**
 * An importer is one module per format: it recognises its files and turns bytes into
 * documents. The registry (./registry.ts) picks one; the import service stores the result.
 */
import type { ImportFormat } from '../contract/types.js';
import type { ExchangePlan } from '../exchange/readArchive.js';
import type { ByteSource } from './source.js';

export interface ParsedTurn {
  speaker: string | null;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
}

export interface ParsedDocument {
  title: string;
  /** NFC, `\n` line ends. */
  text: string;
  turns: ParsedTurn[];
  /** Where search segments should start a new region (e.g. each turn's line start). */
  breaks?: number[];
  language?: string | null;
  kind?: 'interview' | 'notes' | 'survey_response' | 'field_note' | 'other';
  /**
   * The participant this document belongs to, with attribute values (survey rows) written as
   * their type stores them, and the type for attributes the project does not have yet.
   */
  participant?: {
    label: string;
    attributes: Record<string, string>;
    types?: Record<string, 'text' | 'number' | 'date' | 'boolean'>;
  };
  /** Only the participant: a survey respondent who answered no open question gets no document. */
  participantOnly?: boolean;
}

/** What the caller chose for a file, where the format needs a choice (CSV column roles). */
export interface ParseOptions {
  csv?: { idColumn: string | null; attributeColumns: string[]; textColumns: string[] } | undefined;
}

export interface Importer {
  format: ImportFormat;
  /** Bumped when parsing changes, and stored with each source. */
  version: string;
  mediaType: string;
  /**
   * Whether this importer takes the file; `name` is the file name as uploaded, `bytes` its first
   * HEAD_BYTES (or fewer), enough for any signature.
   */
  detect(bytes: Uint8Array, name: string): boolean;
  /** One file may yield several documents (a survey CSV, a QDPX project). */
  parse(bytes: Uint8Array, name: string, options?: ParseOptions): ParsedDocument[] | Promise<ParsedDocument[]>;
}

/**
 * An importer that reads its file a block at a time (./source.ts), so a file named by path is
 * never held whole while it is parsed.
 */
export interface BlockImporter extends Importer {
  parseSource(source: ByteSource, name: string): ParsedDocument[];
}

/** How much of a file `detect` is shown. */
export const HEAD_BYTES = 64 * 1024;

/**
 * A whole project in one file (REFI-QDA .qdpx, .qdc): codes, coders, excerpts, memos and
 * participants come with the documents, so it yields a plan the import service stores in
 * one transaction (core/services/exchangeImport.ts) instead of documents.
 */
export interface ProjectImporter {
  kind: 'project';
  format: ImportFormat;
  version: string;
  mediaType: string;
  detect(bytes: Uint8Array, name: string): boolean;
  plan(bytes: Uint8Array, name: string): Promise<ExchangePlan>;
}

/** A file an importer refuses, with the reason shown to the researcher. */
export class ImportRefusal extends Error {}
