/**
 * Survey exports (.csv): parsing (papaparse: delimiter detection among , ; tab |, quoted
 * multi-line cells) and guessing each column's role — the respondent id, attributes (short
 * categorical or numeric values: market, segment, age band, scores) and open-text answers
 * (long free text). The guess is a starting point: the UI shows it and lets the researcher
 * change it before importing.
 */
import Papa from 'papaparse';
import { ImportRefusal } from '../types.js';

export type ColumnRole = 'id' | 'attribute' | 'text' | 'ignore';

export interface CsvColumn {
  name: string;
  role: ColumnRole;
  /** Up to three distinct non-empty example values, cut to 80 characters. */
  samples: string[];
  filled: number;
  distinct: number;
}

export interface CsvTable {
  delimiter: string;
  headers: string[];
  rows: string[][];
}

export interface CsvMapping {
  idColumn: string | null;
  attributeColumns: string[];
  textColumns: string[];
}

const DELIMITERS = [',', ';', '\t', '|'];

export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy' });
  const rows = result.data.filter((r) => Array.isArray(r));
  const serious = result.errors.find((e) => e.type === 'Quotes');
  if (serious) {
    throw new ImportRefusal(`its CSV is malformed at row ${(serious.row ?? 0) + 1}: ${serious.message.toLowerCase()}`);
  }
  const [head, ...body] = rows;
  if (!head || head.every((h) => h.trim() === '')) throw new ImportRefusal('the CSV file has no header row');
  if (body.length === 0) throw new ImportRefusal('the CSV file has a header row but no responses');
  const seen = new Map<string, number>();
  const headers = head.map((raw, i) => {
    let name = raw.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n > 0) name = `${name} (${n + 1})`;
    return name;
  });
  const width = headers.length;
  return {
    delimiter: result.meta.delimiter,
    headers,
    rows: body.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim())),
  };
}

const ID_NAMES =
  /^(id|case|case ?id|respondent|respondent ?id|response ?id|participant|participant ?id|user ?id|record ?id|teilnehmer|teilnehmer ?id|befragte|nr\.?|no\.?|#|p)$/i;

function stats(values: string[]) {
  const filled = values.filter((v) => v !== '');
  const lengths = filled.map((v) => v.length);
  const avg = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
  const max = lengths.length ? Math.max(...lengths) : 0;
  const words = filled.length ? filled.reduce((n, v) => n + v.split(/\s+/).length, 0) / filled.length : 0;
  return { filled: filled.length, distinct: new Set(filled).size, avg, max, words };
}

export function guessRoles(table: CsvTable): CsvColumn[] {
  const columns = table.headers.map((name, i) => {
    const values = table.rows.map((r) => r[i] ?? '');
    return { name, values, ...stats(values) };
  });
  const n = table.rows.length;
  const unique = (c: (typeof columns)[number]) => c.filled === n && c.distinct === n && c.max <= 40;
  const idColumn =
    columns.find((c) => ID_NAMES.test(c.name) && unique(c)) ?? columns.find((c) => /\bid\b/i.test(c.name) && unique(c));
  return columns.map((c) => {
    let role: ColumnRole;
    if (c === idColumn) role = 'id';
    else if (c.filled === 0) role = 'ignore';
    else if (c.avg >= 30 || c.words >= 6 || (c.max >= 80 && c.words >= 3)) role = 'text';
    else role = 'attribute';
    const samples = [...new Set(c.values.filter((v) => v !== ''))]
      .slice(0, 3)
      .map((v) => (v.length > 80 ? `${v.slice(0, 79)}…` : v));
    return { name: c.name, role, samples, filled: c.filled, distinct: c.distinct };
  });
}

export function mappingFromRoles(columns: readonly CsvColumn[]): CsvMapping {
  return {
    idColumn: columns.find((c) => c.role === 'id')?.name ?? null,
    attributeColumns: columns.filter((c) => c.role === 'attribute').map((c) => c.name),
    textColumns: columns.filter((c) => c.role === 'text').map((c) => c.name),
  };
}
