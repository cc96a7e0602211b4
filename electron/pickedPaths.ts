/**
 * The files a window may import by path: exactly those the main process's own import dialog
 * returned. The dialog used to read each file and send it to the renderer as base64 (a large
 * transcript stalled the window); now it hands back paths, and the core reads the file itself.
 * A page still may not name any other file (core/contract/localPaths.ts): a path the dialog did
 * not return, or one in `project.merge`, is refused as before. Pure, so it is unit-tested
 * without Electron (tests/unit/electron-picked-paths.test.ts).
 */
import { localPathRefusal } from '../core/contract/localPaths.js';

/** The methods that take a picked file by path (the import loop and its CSV preview). */
const PICKABLE = new Set(['documents.import', 'documents.previewCsv']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Every `{path}` file source in an input, or null when one is not a string. */
function namedPaths(method: string, input: unknown): string[] | null {
  if (!isObject(input)) return [];
  const sources = method === 'documents.import' && Array.isArray(input.files) ? input.files : [input.file];
  const paths: string[] = [];
  for (const source of sources) {
    if (!isObject(source) || !('path' in source)) continue;
    if (typeof source.path !== 'string') return null;
    paths.push(source.path);
  }
  return paths;
}

export class PickedPaths {
  private readonly granted = new Set<string>();

  /** Paths the open dialog returned (as it returned them: the renderer sends them back unchanged). */
  grant(paths: readonly string[]): void {
    for (const path of paths) this.granted.add(path);
  }

  /** Why a window's call is refused, or null: paths pass only when the dialog returned every one. */
  refusal(method: string, input: unknown): string | null {
    const refusal = localPathRefusal(method, input);
    if (!refusal || !PICKABLE.has(method)) return refusal;
    const paths = namedPaths(method, input);
    return paths?.every((path) => this.granted.has(path)) ? null : refusal;
  }
}
