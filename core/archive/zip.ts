/**
 * Opens zip archives defensively (Word files, REFI-QDA projects), before any XML parser sees
 * them. The central directory is read without inflating anything, and the archive is refused
 * when it is not a complete zip, has entries that escape their folder ("zip slip"), absolute
 * paths, symbolic links, the same name twice, too many entries, or declares an expanded size
 * that betrays a decompression bomb. Entries are then inflated on demand into buffers of
 * exactly their declared size, so a lying entry cannot grow past it.
 */
import { unzipSync } from 'fflate';
import { ImportRefusal } from '../importers/types.js';

export interface ZipLimits {
  /** Refuse when all entries together expand to more than this (bytes). */
  maxExpandedBytes: number;
  /** Above `ratioFloorBytes`, refuse when expanded / compressed exceeds this. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Refuse archives with more entries than this. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxExpandedBytes: 200 * 1024 * 1024,
  maxRatio: 50,
  ratioFloorBytes: 20 * 1024 * 1024,
  maxEntries: 20_000,
};

export interface ZipEntry {
  name: string;
  originalSize: number;
  compression: number;
}

export interface CheckedZip {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Inflates the named entries (only those stored or deflated); names not in the archive are left out. */
  read(names: Iterable<string>): Record<string, Uint8Array>;
}

export const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Whether an entry name points outside the archive's folder once extracted. */
export function escapes(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((part) => part === '..') ||
    name.includes('\0')
  );
}

const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/**
 * Names of entries whose Unix mode (in the central directory's external attributes) says
 * "symbolic link"; fflate does not expose the attributes. Returns null when the directory
 * cannot be walked (fflate then reports the damage).
 */
function symlinkNames(bytes: Uint8Array): string[] | null {
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z64 = u32(bytes, eocd - 12) + u32(bytes, eocd - 8) * 2 ** 32;
    if (u32(bytes, z64) !== 0x06064b50) return null;
    count = u32(bytes, z64 + 32) + u32(bytes, z64 + 36) * 2 ** 32;
    offset = u32(bytes, z64 + 48) + u32(bytes, z64 + 52) * 2 ** 32;
  }
  const links: string[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return null;
    const madeBy = u16(bytes, p + 4) >> 8;
    const nameLength = u16(bytes, p + 28);
    const external = u32(bytes, p + 38);
    // Host 3 is Unix: the high 16 bits are st_mode; 0o120000 is S_IFLNK.
    if (madeBy === 3 && ((external >>> 16) & 0o170000) === 0o120000) {
      links.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    }
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return links;
}

/**
 * Checks an archive's directory and limits; `what` names the kind of file in messages
 * ("a Word document", "a REFI-QDA project").
 */
export function openZip(bytes: Uint8Array, what: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): CheckedZip {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, originalSize: file.originalSize, compression: file.compression });
        return false;
      },
    });
  } catch {
    throw new ImportRefusal(
      `it is not ${what}: the file is not a complete zip archive (it may be truncated, or another kind of file renamed)`,
    );
  }
  if (entries.length > limits.maxEntries) {
    throw new ImportRefusal(`its archive holds ${entries.length} entries, over the limit of ${limits.maxEntries}`);
  }
  const bad = entries.find((e) => escapes(e.name));
  if (bad) throw new ImportRefusal(`its archive entry "${bad.name.slice(0, 80)}" points outside the archive's folder`);
  const links = symlinkNames(bytes);
  if (links && links.length > 0) {
    throw new ImportRefusal(`its archive entry "${(links[0] ?? '').slice(0, 80)}" is a symbolic link`);
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) throw new ImportRefusal(`its archive holds "${e.name.slice(0, 80)}" twice`);
    seen.add(e.name);
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
  const readable = new Set(entries.filter((e) => [0, 8].includes(e.compression)).map((e) => e.name));
  return {
    bytes,
    entries,
    read(names) {
      const wanted = new Set([...names].filter((n) => readable.has(n)));
      if (wanted.size === 0) return {};
      try {
        // fflate inflates each entry into a buffer of its declared size, so output cannot exceed it.
        return unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
      } catch (err) {
        throw new ImportRefusal(`its contents cannot be unpacked (${(err as Error).message}); the file may be damaged`);
      }
    },
  };
}
