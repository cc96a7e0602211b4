/**
 * The type of a survey column's values, so attributes are stored typed: numbers (NPS 0–10,
 * age, `7,5` with a decimal comma, `1.234,5`), dates (`2024-03-05`, `05.03.2024`,
 * `3/5/2024` — day or month first decided by the whole column), yes/no in several languages.
 * A column is typed only when every filled value fits; anything else stays text. Values are
 * written the way attributes store them: `7.5`, `2024-03-05`, `true`.
 */

export type ValueType = 'text' | 'number' | 'date' | 'boolean';

const YES = new Set([
  'yes',
  'y',
  'true',
  'ja',
  'j',
  'oui',
  'si',
  'sí',
  'sim',
  'wahr',
  'vrai',
  'verdadero',
  'tak',
  '是',
  'はい',
  '예',
  '네',
]);
const NO = new Set([
  'no',
  'n',
  'false',
  'nein',
  'non',
  'não',
  'nao',
  'falsch',
  'faux',
  'falso',
  'nie',
  '否',
  'いいえ',
  '아니오',
  '아니요',
]);

/** `9`, `-3`, `7.5`, `7,5`, `1,234.5`, `1.234,5`, `1 234,5` → the number; null when not one. */
export function parseNumber(raw: string): number | null {
  const v = raw.trim().replace(/[\u00A0\u202F ](?=\d{3}\b)/g, '');
  if (!/^[+-]?(\d+|\d{1,3}([.,]\d{3})+)([.,]\d+)?$/.test(v)) return null;
  // A leading zero (`007`, postcode `01067`) marks a label, not a quantity.
  if (/^[+-]?0\d/.test(v)) return null;
  const lastSep = Math.max(v.lastIndexOf('.'), v.lastIndexOf(','));
  let normal = v;
  if (lastSep >= 0) {
    const decimals = v.length - lastSep - 1;
    const seps = v.match(/[.,]/g) ?? [];
    // One separator followed by three digits (`1,234`) is a thousands mark; anything else is the decimal mark.
    const decimal = !(seps.length === 1 && decimals === 3 && /^[+-]?\d{1,3}[.,]\d{3}$/.test(v)) || seps.length > 1;
    const intPart = v.slice(0, lastSep).replace(/[.,]/g, '');
    normal = decimal ? `${intPart}.${v.slice(lastSep + 1)}` : v.replace(/[.,]/g, '');
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

interface DateParts {
  y: number;
  a: number;
  b: number;
  /** Which of a/b is the month: known (ISO, dotted day-first) or to be decided by the column. */
  order: 'ymd' | 'dmy' | 'ambiguous';
}

function dateParts(raw: string): DateParts | null {
  const v = raw.trim().replace(/[T ]00:00(:00(\.0+)?)?Z?$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) return { y: Number(m[1]), a: Number(m[2]), b: Number(m[3]), order: 'ymd' };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (m) return { y: Number(m[3]), a: Number(m[1]), b: Number(m[2]), order: 'dmy' };
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(v);
  if (m) return { y: Number(m[3]), a: Number(m[1]), b: Number(m[2]), order: 'ambiguous' };
  return null;
}

function iso(y: number, month: number, day: number): string | null {
  const text = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : null;
}

/**
 * Slash dates: day first when any first part is over 12 (31/12/2024), month first when any
 * second part is (12/31/2024), otherwise month first, as US survey tools write them.
 */
function slashOrder(parts: DateParts[]): 'mdy' | 'dmy' {
  const ambiguous = parts.filter((p) => p.order === 'ambiguous');
  return ambiguous.some((p) => p.a > 12) ? 'dmy' : 'mdy';
}

function toIso(p: DateParts, slash: 'mdy' | 'dmy'): string | null {
  if (p.order === 'ymd') return iso(p.y, p.a, p.b);
  if (p.order === 'dmy' || slash === 'dmy') return iso(p.y, p.b, p.a);
  return iso(p.y, p.a, p.b);
}

function booleanOf(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

export interface TypedColumn {
  type: ValueType;
  /** Each value as an attribute stores it (`''` stays `''`). */
  values: string[];
}

/** The column's type and its values written for that type; text when any filled value does not fit. */
export function typeColumn(values: readonly string[]): TypedColumn {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return { type: 'text', values: [...values] };
  if (filled.every((v) => parseNumber(v) !== null)) {
    return { type: 'number', values: values.map((v) => (v.trim() === '' ? '' : String(parseNumber(v)))) };
  }
  const parts = filled.map(dateParts);
  if (parts.every((p) => p !== null)) {
    const slash = slashOrder(parts as DateParts[]);
    const converted = values.map((v) => {
      const p = v.trim() === '' ? null : dateParts(v);
      return p ? toIso(p, slash) : '';
    });
    if (converted.every((c, i) => c !== null && (c !== '' || (values[i] ?? '').trim() === ''))) {
      return { type: 'date', values: converted as string[] };
    }
  }
  if (filled.every((v) => booleanOf(v) !== null)) {
    return { type: 'boolean', values: values.map((v) => (v.trim() === '' ? '' : String(booleanOf(v)))) };
  }
  return { type: 'text', values: [...values] };
}
