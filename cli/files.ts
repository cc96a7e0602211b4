/**
 * Gathers the files an import names: files as given, folders searched recursively (hidden
 * entries skipped, symlink loops ignored). What cannot be read is reported with a reason
 * instead of stopping the whole import.
 */
import { accessSync, constants, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FoundFile {
  /** The path as the user will recognise it (the argument, or argument + relative path). */
  path: string;
}

export interface Rejection {
  file: string;
  error: string;
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or folder. Check the path.';
    case 'ENOTDIR':
      return 'A part of the path is not a folder. Check the path.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied: the file cannot be read. Check its permissions.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'The file is too large to import (over 2 GB). Split it into smaller files.';
    case 'ELOOP':
      return 'Too many symbolic links (a link loop?).';
    default:
      return `The file cannot be read: ${(err as Error)?.message ?? String(err)}`;
  }
}

const isHidden = (name: string) => name.startsWith('.');

export function collectFiles(args: string[]): { files: FoundFile[]; rejected: Rejection[] } {
  const files: FoundFile[] = [];
  const rejected: Rejection[] = [];
  const seenDirs = new Set<string>();

  function walk(dir: string): number {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (err) {
      rejected.push({ file: dir, error: describeFsError(err) });
      return 0;
    }
    if (seenDirs.has(real)) return 0;
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      rejected.push({ file: dir, error: describeFsError(err) });
      return 0;
    }
    let found = 0;
    for (const name of names) {
      if (isHidden(name)) continue;
      found += visit(join(dir, name));
    }
    return found;
  }

  function visit(path: string): number {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch (err) {
      rejected.push({ file: path, error: describeFsError(err) });
      return 0;
    }
    if (stat.isDirectory()) return walk(path);
    if (!stat.isFile()) {
      rejected.push({ file: path, error: 'Not a regular file (a device, socket or pipe cannot be imported).' });
      return 0;
    }
    files.push({ path });
    return 1;
  }

  for (const arg of args) {
    const before = rejected.length;
    const found = visit(arg);
    const isDir = (() => {
      try {
        return statSync(arg).isDirectory();
      } catch {
        return false;
      }
    })();
    if (isDir && found === 0 && rejected.length === before) {
      rejected.push({ file: arg, error: 'The folder holds no files to import (hidden files are skipped).' });
    }
  }
  return { files, rejected };
}

/** Reads a file's bytes, or says why it could not. */
const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Reads a file whole, unless it is larger than `maxBytes`: that is refused from its size alone,
 * before a byte is read, so a huge file costs no memory and the rest of a batch goes on.
 */
/**
 * Why `path` cannot be imported (missing, unreadable, over the limit), found before the core
 * reads it, so the message can name the CLI's own remedies (--max-size); null when it can.
 */
export function importRefusal(path: string, maxBytes: number): string | null {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return describeFsError(Object.assign(new Error(), { code: 'EISDIR' }));
    if (stat.size > maxBytes) {
      return `the file is ${megabytes(stat.size)}, over the import limit of ${megabytes(maxBytes)} (raise it with --max-size MB)`;
    }
    accessSync(path, constants.R_OK);
    return null;
  } catch (err) {
    return describeFsError(err);
  }
}

export function readBytes(path: string, maxBytes = Number.POSITIVE_INFINITY): { bytes: Buffer } | { error: string } {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) {
      return {
        error: `the file is ${megabytes(size)}, over the import limit of ${megabytes(maxBytes)} (raise it with --max-size MB)`,
      };
    }
    return { bytes: readFileSync(path) };
  } catch (err) {
    return { error: describeFsError(err) };
  }
}
