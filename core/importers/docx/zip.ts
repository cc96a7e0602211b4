/**
 * Opens a .docx (a zip) through the shared archive guard (core/archive/zip.ts), which refuses
 * zip slip, symbolic links and decompression bombs before anything is inflated. The entries
 * Word text lives in are inflated into buffers of exactly their declared size and repacked
 * uncompressed, so the converter never inflates anything itself.
 */
import { zipSync } from 'fflate';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipLimits } from '../../archive/zip.js';
import { ImportRefusal } from '../types.js';

export { DEFAULT_ZIP_LIMITS, type ZipLimits };

/** The parts mammoth reads: the document, its styles, numbering, notes, relationships. */
const NEEDED = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/;

export function openDocx(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Uint8Array {
  const zip = openZip(bytes, 'a valid Word document', { ...DEFAULT_ZIP_LIMITS, ...limits });
  if (!zip.entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportRefusal('it is a zip archive but not a Word document (there is no word/document.xml inside)');
  }
  const files = zip.read(zip.entries.filter((e) => NEEDED.test(e.name)).map((e) => e.name));
  return zipSync(files, { level: 0 });
}
