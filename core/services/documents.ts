/** Reading documents: the list and one document with its turns. */
import type { DocumentSummaryRow } from '../../db/repositories/documents.js';
import type { DocumentDetail, DocumentId, DocumentSummary, ImportFormat } from '../contract/types.js';
import { notFound } from '../errors.js';
import type { ProjectContext } from './context.js';

const FORMATS = new Set<string>(['txt', 'md', 'docx', 'vtt', 'srt', 'csv', 'qdpx', 'qdc']);
const asFormat = (format: string): ImportFormat | 'text' => (FORMATS.has(format) ? (format as ImportFormat) : 'text');

export function toDocumentSummary(row: DocumentSummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    format: asFormat(row.format),
    participant: row.participant,
    chars: row.chars,
    turns: row.turns,
    excerpts: row.excerpts,
  };
}

export function listDocuments({ repos }: ProjectContext): DocumentSummary[] {
  return repos.documents.list().map(toDocumentSummary);
}

export function getDocument({ repos }: ProjectContext, id: DocumentId): DocumentDetail {
  const doc = repos.documents.get(id);
  if (!doc) throw notFound(`There is no document with id ${id}. List documents to see their ids.`);
  return {
    id: doc.id,
    title: doc.title,
    format: asFormat(doc.format),
    text: doc.text,
    language: doc.language,
    participant: doc.participant,
    turns: repos.documents.turns(id).map(({ speaker, start, end, startMs, endMs }) => ({
      speaker,
      start,
      end,
      startMs,
      endMs,
    })),
  };
}
