/**
 * Tables for statistics tools (R, SPSS, pandas): a typed, tidy table written as CSV (one table
 * per file) or XLSX (one sheet per table). Gathering the rows is core/services/tables.ts; this
 * module only writes them, so it knows nothing about projects.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type ColumnType = 'text' | 'number' | 'boolean' | 'date';
/** A date cell is its YYYY-MM-DD text; null is an empty cell. */
export type Cell = string | number | boolean | null;

export interface Column {
  /** A safe name: see safeColumnNames. */
  name: string;
  type: ColumnType;
}

export interface Table {
  /** Sheet name in XLSX, file stem in CSV. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** Tables a CSV export can carry, one per file; XLSX carries all of them. */
export const TABLE_NAMES = ['excerpts', 'codebook', 'matrix'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Column names every tool reads without quoting: letters (any script), digits and `_`,
 * starting with a letter, at most 64 UTF-8 bytes (SPSS's limit), unique ignoring case
 * (R and SPSS would otherwise clash).
 */
export function safeColumnNames(raw: readonly string[], fallback = 'column'): string[] {
  const seen = new Set<string>();
  return raw.map((name) => {
    let base = name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '');
    if (!base) base = fallback;
    if (!/^\p{L}/u.test(base)) base = `${fallback}_${base}`;
    base = cutBytes(base, 60);
    let candidate = base;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

function cutBytes(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch, 'utf8') > max) break;
    out += ch;
  }
  return out.replace(/_+$/, '');
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, and tab or CR which some
 * readers strip first) gets a leading apostrophe: the OWASP advice for CSV injection. Only text
 * cells: a negative number stays a number.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(cell: Cell, type: ColumnType): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return String(cell);
  return type === 'text' ? guardFormula(cell) : cell;
}

/** RFC 4180 CSV: UTF-8 with a BOM (Excel reads the encoding from it), CRLF, quoted as needed. */
export function writeCsv(table: Table): string {
  const body = Papa.unparse(
    {
      fields: table.columns.map((c) => c.name),
      data: table.rows.map((row) => row.map((cell, i) => csvCell(cell, table.columns[i]?.type ?? 'text'))),
    },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}

/** Excel refuses longer text in a cell. */
const EXCEL_CELL_MAX = 32_767;

function xlsxCell(cell: Cell, type: ColumnType): ExcelJS.CellValue {
  if (cell === null) return null;
  if (type === 'date' && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
    return new Date(`${cell}T00:00:00Z`);
  }
  if (typeof cell !== 'string') return cell;
  const text = guardFormula(cell);
  return text.length > EXCEL_CELL_MAX ? `${text.slice(0, EXCEL_CELL_MAX - 1)}…` : text;
}

/** Sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}

const WIDTH: Record<ColumnType, number> = { text: 24, number: 10, boolean: 9, date: 12 };

/**
 * One sheet per table, header row frozen and filterable, cells typed by their column. Written
 * with exceljs's streaming writer: the in-memory workbook took ~90 s for 2,400 excerpts × 600
 * code columns on a busy 2-core machine; rows committed as they go cost a fraction of that.
 */
export async function writeXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Quarry';
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.name,
      key: c.name,
      width: c.name === 'text' ? 60 : Math.max(WIDTH[c.type], Math.min(40, [...c.name].length + 2)),
      style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    if (table.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    for (const row of table.rows) {
      sheet.addRow(row.map((cell, i) => xlsxCell(cell, table.columns[i]?.type ?? 'text'))).commit();
    }
    sheet.commit();
  }
  await book.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
