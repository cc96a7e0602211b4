/**
 * A full garbage collection between the stages of a very large import. V8 sizes its next
 * collection from the live heap, so after a stage frees a few hundred megabytes (the parse's
 * garbage, the turn texts, the document text) it would let the next stage allocate on top of
 * them first: with the block-wise WebVTT parse a million-cue file peaks at 404–430 MB with these
 * calls and 806 MB without (issue 8, bench/vtt-memory.ts, docs/bench.md).
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
