/**
 * Inputs that name a file on the host's disk (`{path}` file sources). Local hosts (the CLI,
 * Electron's main process) may send them; hosts that serve a page (quarry serve, the Electron
 * renderer's IPC) refuse them, so a page can never make Quarry read an arbitrary file.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Why `input` is refused from a page-facing host, or null when it names no local file. */
export function localPathRefusal(method: string, input: unknown): string | null {
  if (!isObject(input)) return null;
  if (method === 'documents.import' && Array.isArray(input.files)) {
    if (input.files.some((f) => isObject(f) && 'path' in f)) {
      return 'Files are imported by their content here, not by a path on the server: send { name, dataBase64 }.';
    }
  }
  if (method === 'documents.previewCsv' && isObject(input.file) && 'path' in input.file) {
    return 'A file is previewed by its content here, not by a path on the server: send { name, dataBase64 }.';
  }
  if (method === 'project.merge' && isObject(input.source) && 'path' in input.source) {
    return 'A project is merged by its content here, not by a path on the server: send { name, dataBase64 }.';
  }
  return null;
}
