/**
 * Everything the CLI prints. Data goes to stdout (JSON with --json, a readable form without);
 * notices, warnings and errors go to stderr so pipelines stay clean.
 */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Text made safe to show in a terminal: control characters (escape sequences in a file name
 * could recolour, retitle or rewrite the terminal) become visible symbols (ESC → ␛); line
 * breaks and tabs stay. JSON output needs none of this: JSON.stringify escapes them.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[^\P{Cc}\n\t]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

export function printLine(line = ''): void {
  process.stdout.write(`${terminalSafe(line)}\n`);
}

export function notice(message: string): void {
  process.stderr.write(`${terminalSafe(message)}\n`);
}

/** Collapses whitespace and shortens long text so one record stays on one line. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A plain left-aligned table; the last column is not padded so lines do not end in spaces. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(headers), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n');
}

export function printTable(headers: string[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    notice(empty);
    return;
  }
  printLine(formatTable(headers, rows));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
