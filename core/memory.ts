/**
 * A full garbage collection between the stages of a very large import. V8 sizes its next
 * collection from the live heap, so after a stage frees a few hundred megabytes (the decoded
 * file, the turns' pieces) it would let the next stage allocate on top of them first: a
 * million-cue WebVTT peaked 320 MB higher without these calls (issue 8, bench/vtt-memory.ts).
 * Only imports of files over LARGE_FILE_BYTES call it; a failure to get `gc` just skips it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const LARGE_FILE_BYTES = 32 * 1024 * 1024;

let collect: (() => void) | null | undefined;

export function releaseGarbage(): void {
  if (collect === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (exposed) collect = exposed;
      else {
        setFlagsFromString('--expose-gc');
        collect = runInNewContext('gc') as () => void;
      }
    } catch {
      collect = null;
    }
  }
  collect?.();
}
