/**
 * The intercoder agreement table as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting): one row per
 * code and a last "(all codes)" row, for R, SPSS or a spreadsheet. Shared by `quarry agreement
 * --csv` and the app's Agreement dialog, so both files are the same.
 */
import type { AgreementFiguresDto, IntercoderAgreement } from '../contract/measures-types.js';

const HEADER = ['code', 'agreement', 'kappa', 'alpha', 'both', 'first_only', 'second_only', 'neither'];

function cell(value: string | number): string {
  const s = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: a code name is text.
  const safe = /^[=+\-@]/.test(s) && typeof value === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(code: string, f: AgreementFiguresDto): string {
  const t = f.table;
  return [code, f.agreement, f.kappa, f.alpha, t?.both ?? '', t?.firstOnly ?? '', t?.secondOnly ?? '', t?.neither ?? '']
    .map(cell)
    .join(',');
}

export function agreementCsv(result: IntercoderAgreement): string {
  const lines = [HEADER.join(','), ...result.codes.map((c) => row(c.code, c)), row('(all codes)', result.overall)];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
