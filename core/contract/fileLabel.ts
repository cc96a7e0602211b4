/**
 * The participant label a pattern finds in a file name, shared by the import service and the
 * renderer's preview, so what the import dialog shows is what the import does.
 */

/** The label a pattern finds in a file name (folders and extension left out): its first capture group, else the whole match. */
export function labelFromFileName(name: string, pattern: RegExp): string | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.[^.]+$/, '');
  const match = pattern.exec(stem);
  if (!match) return null;
  return (match[1] ?? match[0]).trim() || null;
}

/** The pattern as import compiles it (case-insensitive, Unicode), or the reason it is not one. */
export function participantPattern(source: string): RegExp | { error: string } {
  try {
    return new RegExp(source, 'iu');
  } catch (err) {
    return {
      error: `The participant pattern "${source}" is not a valid regular expression: ${(err as Error).message}.`,
    };
  }
}
