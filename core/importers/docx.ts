/**
 * Word (.docx) through mammoth, after ./docx/zip.ts has checked the archive. Text keeps
 * paragraphs, headings, lists ("• ", "1. ") and tables (one row per line, cells joined by
 * " | "); speaker lines are found as in .txt. Footnotes and endnotes are appended under a
 * "Notes" heading with their numbers ("[1] …", the body keeps its "[1]" marks). Comments are
 * dropped (they are the reviewer's, not the participant's words). Tracked changes are read
 * as if accepted: insertions kept, deletions dropped. Images, headers and footers are dropped.
 */
import mammoth from 'mammoth';
import { htmlToText } from './docx/html.js';
import { openDocx } from './docx/zip.js';
import { extensionOf, titleFromFileName } from './names.js';
import { documentFromText } from './plainText.js';
import { type Importer, ImportRefusal } from './types.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const repacked = openDocx(bytes);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(repacked) }, { ignoreEmptyParagraphs: true })).value;
  } catch (err) {
    throw new ImportRefusal(`its Word content cannot be read (${(err as Error).message.split('\n')[0]})`);
  }
  const { blocks, notes } = htmlToText(html);
  const parts = [...blocks];
  if (notes.length > 0) parts.push('Notes', notes.join('\n'));
  return parts.join('\n\n').normalize('NFC').replace(/\r\n?/g, '\n');
}

export const docxImporter: Importer = {
  format: 'docx',
  version: '1',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  detect: (bytes, name) =>
    extensionOf(name) === 'docx' || (extensionOf(name) === '' && ZIP_MAGIC.every((b, i) => bytes[i] === b)),
  async parse(bytes, name) {
    const text = await docxToText(bytes);
    if (text.trim() === '') throw new ImportRefusal('the Word document has no text');
    return [documentFromText(titleFromFileName(name), text)];
  },
};
