/**
 * Opens a .docx (a zip) defensively, before any XML parser sees it: the central directory is
 * read without inflating anything, and the file is refused when it is not a zip, lacks
 * word/document.xml, has entries that escape their folder ("zip slip"), or declares an
 * expanded size that betrays a decompression bomb. The entries Word text lives in are then
 * inflated into buffers of exactly their declared size (a lying entry cannot grow past it)
 * and repacked uncompressed, so the converter never inflates anything itself.
 */
import { unzipSync, zipSync } from 'fflate';
import { ImportRefusal } from '../types.js';

export interface ZipLimits {
  /** Refuse when all entries together expand to more than this (bytes). */
  maxExpandedBytes: number;
  /** Above `ratioFloorBytes`, refuse when expanded / compressed exceeds this. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxExpandedBytes: 200 * 1024 * 1024,
  maxRatio: 50,
  ratioFloorBytes: 20 * 1024 * 1024,
};

interface Entry {
  name: string;
  originalSize: number;
  compression: number;
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function escapes(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((part) => part === '..') ||
    name.includes('\0')
  );
}

function listEntries(bytes: Uint8Array): Entry[] {
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, originalSize: file.originalSize, compression: file.compression });
        return false;
      },
    });
  } catch {
    throw new ImportRefusal(
      'it is not a valid Word document: the file is not a complete zip archive (it may be truncated, or another kind of file renamed to .docx)',
    );
  }
  return entries;
}

/** The parts mammoth reads: the document, its styles, numbering, notes, relationships. */
const NEEDED = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/;

export function openDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Uint8Array {
  const entries = listEntries(bytes);
  const bad = entries.find((e) => escapes(e.name));
  if (bad) throw new ImportRefusal(`its archive entry "${bad.name.slice(0, 80)}" points outside the archive's folder`);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportRefusal('it is a zip archive but not a Word document (there is no word/document.xml inside)');
  }
  const total = entries.reduce((n, e) => n + e.originalSize, 0);
  if (total > limits.maxExpandedBytes) {
    throw new ImportRefusal(
      `it would expand to ${mb(total)}, over the limit of ${mb(limits.maxExpandedBytes)} (a decompression bomb?)`,
    );
  }
  if (total > limits.ratioFloorBytes && total > bytes.byteLength * limits.maxRatio) {
    throw new ImportRefusal(
      `it would expand ${Math.round(total / bytes.byteLength)} times its size to ${mb(total)} (a decompression bomb?)`,
    );
  }
  const wanted = new Set(
    entries.filter((e) => NEEDED.test(e.name) && [0, 8].includes(e.compression)).map((e) => e.name),
  );
  let files: Record<string, Uint8Array>;
  try {
    // fflate inflates each entry into a buffer of its declared size, so output cannot exceed it.
    files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch (err) {
    throw new ImportRefusal(`its contents cannot be unpacked (${(err as Error).message}); the file may be damaged`);
  }
  return zipSync(files, { level: 0 });
}
