/**
 * Survey exports (.csv): parsing (papaparse: delimiter detection among , ; tab |, quoted
 * multi-line cells) and guessing each column's role — the respondent id (./headers.ts: named
 * so in any spelling), attributes (categories, numbers, dates, yes/no: market, segment, age
 * band, NPS) and open-text answers (free text, long or short). The guess is a starting point: the UI shows it and lets the researcher
 * change it before importing.
 */
import Papa from 'papaparse';
import { ImportRefusal } from '../types.js';
import { idHeaderScore, isQuestion, uniqueHeaders } from './headers.js';
import { typeColumn, type ValueType } from './values.js';

export type ColumnRole = 'id' | 'attribute' | 'text' | 'ignore';

export interface CsvColumn {
  name: string;
  role: ColumnRole;
  /** What an attribute made of it holds: every filled value a number, a date, yes/no, or else text. */
  type: ValueType;
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
  const headers = uniqueHeaders(head);
  const width = headers.length;
  return {
    delimiter: result.meta.delimiter,
    headers,
    rows: body.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim())),
  };
}

function stats(values: string[]) {
  const filled = values.filter((v) => v !== '');
  const lengths = filled.map((v) => v.length);
  const avg = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
  const max = lengths.length ? Math.max(...lengths) : 0;
  const words = filled.length ? filled.reduce((n, v) => n + v.split(/\s+/).length, 0) / filled.length : 0;
  const distinctFolded = new Set(filled.map((v) => v.toLocaleLowerCase())).size;
  return { filled: filled.length, distinct: new Set(filled).size, distinctFolded, avg, max, words };
}

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const SENTENCE_MARK = /[.!?…。！？؟،,;:，、；]/u;

/**
 * Whether one answer reads like something a person wrote, not a category: several words of
 * letters with at least one in lower case after the first ("too slow", "love the app") —
 * "New York" and "25 to 34" are categories — or sentence punctuation ("Slow!", "OK, I guess"),
 * or four or more characters of a script written without spaces (支付很方便).
 */
function reads(value: string): boolean {
  const words = value.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length >= 2 && words.slice(1).some((w) => /^\p{Ll}/u.test(w))) return true;
  if (words.length >= 1 && SENTENCE_MARK.test(value.replace(/^\p{N}+[.,]\p{N}+$/u, ''))) return true;
  return SPACELESS.test(value) && [...value].filter((c) => SPACELESS.test(c)).length >= 4;
}

/**
 * Open-ended answers, recognised by what the values look like, not only by length: long
 * answers (≥ 30 characters or ≥ 6 words on average) always; short ones when most are
 * distinct (little repetition) and most read like written words (see `reads`). A header
 * phrased as a question lowers the bar. Numbers, dates and yes/no never count.
 */
function looksOpenEnded(c: { name: string; values: string[] } & ReturnType<typeof stats>, type: ValueType): boolean {
  if (c.filled === 0 || type !== 'text') return false;
  if (c.avg >= 30 || c.words >= 6 || (c.max >= 80 && c.words >= 3)) return true;
  const filled = c.values.filter((v) => v !== '');
  const prose = filled.filter(reads).length / filled.length;
  const variety = c.distinctFolded / c.filled;
  const question = isQuestion(c.name);
  return variety >= (question ? 0.5 : 0.7) && prose >= (question ? 0.3 : 0.5);
}

export function guessRoles(table: CsvTable): CsvColumn[] {
  const columns = table.headers.map((name, i) => {
    const values = table.rows.map((r) => r[i] ?? '');
    return { name, values, ...stats(values), type: typeColumn(values).type };
  });
  const n = table.rows.length;
  const unique = (c: (typeof columns)[number]) => c.filled === n && c.distinct === n && c.max <= 40;
  // The best-named unique column: "respondent id" beats "id" beats "respondent", then file order.
  let idColumn: (typeof columns)[number] | undefined;
  let best = 0;
  for (const c of columns) {
    const score = idHeaderScore(c.name);
    if (score > best && unique(c)) {
      idColumn = c;
      best = score;
    }
  }
  return columns.map((c) => {
    let role: ColumnRole;
    if (c === idColumn) role = 'id';
    else if (c.filled === 0) role = 'ignore';
    else if (looksOpenEnded(c, c.type)) role = 'text';
    else role = 'attribute';
    const samples = [...new Set(c.values.filter((v) => v !== ''))]
      .slice(0, 3)
      .map((v) => (v.length > 80 ? `${v.slice(0, 79)}…` : v));
    return { name: c.name, role, type: c.type, samples, filled: c.filled, distinct: c.distinct };
  });
}

export function mappingFromRoles(columns: readonly CsvColumn[]): CsvMapping {
  return {
    idColumn: columns.find((c) => c.role === 'id')?.name ?? null,
    attributeColumns: columns.filter((c) => c.role === 'attribute').map((c) => c.name),
    textColumns: columns.filter((c) => c.role === 'text').map((c) => c.name),
  };
}
