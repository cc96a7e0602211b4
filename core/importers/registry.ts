/**
 * The importers Quarry knows, tried in order. Adding a format is one module plus one line
 * here.
 */
import { csvImporter } from './csv.js';
import { docxImporter } from './docx.js';
import { mdImporter } from './md.js';
import { extensionOf } from './names.js';
import { qdcImporter, qdpxImporter } from './qdpx.js';
import { srtImporter } from './srt.js';
import { txtImporter } from './txt.js';
import type { Importer, ProjectImporter } from './types.js';
import { vttImporter } from './vtt.js';

// Content-sniffing importers (.txt that is really WebVTT) come before the plain ones.
export const IMPORTERS: readonly Importer[] = [
  vttImporter,
  srtImporter,
  docxImporter,
  csvImporter,
  mdImporter,
  txtImporter,
];

/** Files that hold a whole project (REFI-QDA), recognised by extension before the document importers. */
export const PROJECT_IMPORTERS: readonly ProjectImporter[] = [qdpxImporter, qdcImporter];

export function findImporter(bytes: Uint8Array, name: string): Importer | ProjectImporter | undefined {
  return (
    PROJECT_IMPORTERS.find((importer) => importer.detect(bytes, name)) ??
    IMPORTERS.find((importer) => importer.detect(bytes, name))
  );
}

/** The refusal text for a file no importer takes. */
export function unknownFormatReason(name: string): string {
  const ext = extensionOf(name);
  const what = ext ? `.${ext} files are not supported` : 'files without an extension are not supported';
  return `${what}; Quarry imports .txt, .md, .vtt, .srt, .docx, .csv, .qdpx and .qdc`;
}
