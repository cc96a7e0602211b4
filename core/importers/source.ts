/**
 * A file's bytes as importers read them: in memory (an upload), or on disk (a `{path}` source
 * from a local host), read a block at a time. A block-wise importer (WebVTT) then never holds
 * the whole file: a million-cue transcript is 88 MB of bytes (issue 8).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Bytes read from disk at a time. */
export const BLOCK_BYTES = 1 << 20;

export interface ByteSource {
  readonly size: number;
  /** The first `n` bytes (or fewer): detection and encoding sniffing. */
  head(n: number): Uint8Array;
  /**
   * The bytes in order, a block at a time; each call reads from the start again. A block may be
   * reused by the next one: use it before asking for the next.
   */
  blocks(): Iterable<Uint8Array>;
  /** The whole file at once (the source row, importers that cannot read in blocks). */
  whole(): Uint8Array;
}

export function memorySource(bytes: Uint8Array, blockBytes = BLOCK_BYTES): ByteSource {
  return {
    size: bytes.byteLength,
    head: (n) => bytes.subarray(0, n),
    *blocks() {
      for (let at = 0; at < bytes.byteLength; at += blockBytes) yield bytes.subarray(at, at + blockBytes);
    },
    whole: () => bytes,
  };
}

/** A file of `size` bytes (as stat said); every read opens it again, so nothing stays open. */
export function fileSource(path: string, size: number, blockBytes = BLOCK_BYTES): ByteSource {
  return {
    size,
    head(n) {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(n, size));
        return buffer.subarray(0, readSync(fd, buffer, 0, buffer.byteLength, 0));
      } finally {
        closeSync(fd);
      }
    },
    *blocks() {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(blockBytes);
        for (;;) {
          const n = readSync(fd, buffer, 0, blockBytes, null);
          if (n === 0) return;
          yield buffer.subarray(0, n);
        }
      } finally {
        closeSync(fd);
      }
    },
    whole: () => readFileSync(path),
  };
}
