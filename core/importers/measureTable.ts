/**
 * A measure file as a table of text cells: a CSV (any delimiter and encoding the survey
 * importer reads) or an Excel workbook (.xlsx, the first sheet or a named one). Cells stay
 * text so the measure's own rules decide what a number is; the row numbers are the ones a
 * spreadsheet shows, so an error can name the row the researcher has to fix.
 */
import ExcelJS from 'exceljs';
import { openZip } from '../archive/zip.js';
import { parseCsv } from './csv/analyse.js';
import { uniqueHeaders } from './csv/headers.js';
import { decodeOrRefuse } from './plainText.js';
import { ImportRefusal } from './types.js';

export interface MeasureTable {
  format: 'csv' | 'xlsx';
  /** The workbook's sheets (empty for a CSV) and the one read. */
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Excel stores a time of day as a fraction of a day; exceljs hands it over as a date on 1899-12-30. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    // A duration formatted as [h]:mm:ss comes back as a date before 1900: give its seconds.
    if (value.getUTCFullYear() < 1900) return String(Math.round((value.getTime() - EXCEL_EPOCH) / 1000));
    return value.toISOString().slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined): Promise<MeasureTable> {
  openZip(bytes, 'an Excel workbook'); // the zip's limits (bombs, links, escapes) before exceljs sees it
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportRefusal(`it cannot be read as an Excel workbook (${(err as Error).message})`);
  }
  const sheets = book.worksheets.map((w) => w.name);
  const sheet = sheetName === undefined ? book.worksheets[0] : book.getWorksheet(sheetName);
  if (!sheet) {
    throw new ImportRefusal(
      sheetName === undefined
        ? 'the workbook has no sheets'
        : `the workbook has no sheet "${sheetName}"; its sheets are ${sheets.map((s) => `"${s}"`).join(', ')}`,
    );
  }
  const lines: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some((c) => c !== '')) lines.push({ row: rowNumber, cells });
  });
  const [head, ...body] = lines;
  if (!head) throw new ImportRefusal(`its sheet "${sheet.name}" is empty`);
  if (body.length === 0) throw new ImportRefusal(`its sheet "${sheet.name}" has a header row but no values`);
  return { format: 'xlsx', sheets, sheet: sheet.name, headers: uniqueHeaders(head.cells), rows: body };
}

/** Reads a CSV or XLSX measure file; an unreadable one is an ImportRefusal saying why. */
export async function readMeasureTable(
  name: string,
  bytes: Uint8Array,
  sheet?: string | undefined,
): Promise<MeasureTable> {
  if (isZip(bytes) || /\.xlsx$/i.test(name)) return readXlsx(bytes, sheet);
  if (/\.xls$/i.test(name)) throw new ImportRefusal('old .xls workbooks are not read; save it as .xlsx or .csv');
  const table = parseCsv(decodeOrRefuse(bytes));
  // skipEmptyLines drops blank lines, so numbering by position is the row a spreadsheet shows
  // for files without blank lines, which is what survey tools export.
  return {
    format: 'csv',
    sheets: [],
    sheet: null,
    headers: table.headers,
    rows: table.rows.map((cells, i) => ({ row: i + 2, cells })),
  };
}
