// Numbers as spreadsheets write them: `1234.5`, `1,234.5`, `1234,5`, `1.234,5`, `1 234,5`,
// `12,5 %`. The decimal separator is detected per file from cells that can only be read one
// way; a cell like `1.234` or `1,234` (three digits after a single separator) is ambiguous and
// never decides it.
import type { Decimal } from './types';

export type NumberParse = { ok: true; value: number | null } | { ok: false };

const SPACES = /[\s\u00a0\u202f\u2009']/g;

function cleanNumeric(raw: string): { s: string; percent: boolean } {
  let s = raw.trim().replace(/^[+]/, '').replace(/^[\u2212\u2013]/, '-');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  return { s: s.replace(SPACES, ''), percent };
}

const PATTERNS = {
  '.': { grouped: /^-?\d{1,3}(,\d{3})+(\.\d+)?$/, plain: /^-?(\d+(\.\d*)?|\.\d+)$/ },
  ',': { grouped: /^-?\d{1,3}(\.\d{3})+(,\d+)?$/, plain: /^-?(\d+(,\d*)?|,\d+)$/ },
} as const;
/** `/^-?\d{1,15}$/` without the regular-expression call: most cells of a big table. */
function isSimpleInt(s: string): boolean {
  const n = s.length;
  const from = n > 0 && s.charCodeAt(0) === 45 ? 1 : 0;
  if (n - from < 1 || n - from > 15) return false;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parses one cell. Empty → `{ ok: true, value: null }`; unreadable → `{ ok: false }`. */
export function parseNumber(raw: string, decimal: Decimal): NumberParse {
  if (isSimpleInt(raw)) return { ok: true, value: Number(raw) };
  if (raw.trim() === '') return { ok: true, value: null };
  const { s } = cleanNumeric(raw);
  if (s === '' || s.length > 64) return { ok: false };
  const p = PATTERNS[decimal];
  let norm: string | null = null;
  if (p.grouped.test(s)) norm = s.split(decimal === '.' ? ',' : '.').join('');
  else if (p.plain.test(s)) norm = s;
  else if (decimal === '.' && /^-?\d+(\.\d+)?[eE][-+]?\d+$/.test(s)) norm = s;
  if (norm === null) return { ok: false };
  const value = Number(decimal === ',' ? norm.replace(',', '.') : norm);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** Parses a cell before the file's decimal separator is known: `decimal()` is asked (and
 *  its answer used) only when reading the cell with `.` and with `,` gives different results. */
export function parseNumberEither(raw: string, decimal: () => Decimal): NumberParse {
  if (isSimpleInt(raw)) return { ok: true, value: Number(raw) };
  const dot = parseNumber(raw, '.');
  const comma = parseNumber(raw, ',');
  if (dot.ok && comma.ok ? dot.value === comma.value : dot.ok === comma.ok) return dot;
  return decimal() === '.' ? dot : comma;
}

/** Does this cell look like a number in either convention? */
export function looksNumeric(raw: string): boolean {
  const { s } = cleanNumeric(raw);
  return s !== '' && s.length <= 64 && /^-?[\d.,]*\d[\d.,]*$/.test(s);
}

export interface DecimalDetection {
  decimal: Decimal;
  /** Cells seen that decide for `.` and for `,`. */
  votes: { dot: number; comma: number };
  /** Cells like `1.234` that could be read either way, when nothing decided. */
  ambiguous: { count: number; example: string; row: number; column: string } | null;
}

/** Votes a numeric cell: which separator is the decimal one, or 'ambiguous', or null. */
export function voteDecimal(raw: string): Decimal | 'ambiguous' | null {
  if (raw.indexOf('.') < 0 && raw.indexOf(',') < 0) return null;
  const { s } = cleanNumeric(raw);
  if (!/^-?[\d.,]*\d[\d.,]*$/.test(s)) return null;
  const body = s.replace(/^-/, '');
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return null;
  if (dots > 0 && commas > 0) return body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  const sep = dots > 0 ? '.' : ',';
  const other: Decimal = sep === '.' ? ',' : '.';
  if (dots + commas > 1) return /^\d{1,3}([.,]\d{3})+$/.test(body) ? other : null;
  const [intPart = '', frac = ''] = body.split(sep);
  if (frac.length !== 3 || intPart === '' || intPart === '0' || intPart.length > 3 || intPart.startsWith('0')) return sep;
  return 'ambiguous';
}

export interface CellRef {
  value: string;
  row: number;
  column: string;
}

/** Cells with a `.` or `,` looked at, at most: enough to decide, bounded for big files. */
export const DECIMAL_SAMPLE = 200_000;

/** Votes counted cell by cell, in the order cells are seen (see detectDecimalInRows). */
export class DecimalVotes {
  dot = 0;
  comma = 0;
  seen = 0;
  amb: DecimalDetection['ambiguous'] = null;
  /** Counts one cell; false once DECIMAL_SAMPLE cells voted (later cells are not looked at). */
  add(value: string, row: number, column: string): boolean {
    const v = voteDecimal(value);
    if (v === null) return true;
    this.seen++;
    if (v === '.') this.dot++;
    else if (v === ',') this.comma++;
    else if (this.amb) this.amb.count++;
    else this.amb = { count: 1, example: value, row, column };
    return this.seen < DECIMAL_SAMPLE;
  }
  result(delimiter: string | null): DecimalDetection {
    const votes = { dot: this.dot, comma: this.comma };
    if (this.dot > this.comma) return { decimal: '.', votes, ambiguous: null };
    if (this.comma > this.dot) return { decimal: ',', votes, ambiguous: null };
    return { decimal: delimiter === ';' ? ',' : '.', votes, ambiguous: this.amb };
  }
}

/**
 * Detects the decimal separator from cells. With no deciding cell the default is `,` for
 * semicolon-separated files (the European Excel export) and `.` otherwise, and ambiguous
 * cells are reported so that the user can confirm.
 */
export function detectDecimal(cells: Iterable<CellRef>, delimiter: string | null): DecimalDetection {
  const v = new DecimalVotes();
  for (const c of cells) if (!v.add(c.value, c.row, c.column)) break;
  return v.result(delimiter);
}

/** The same over table rows, without building a cell object per cell. */
export function detectDecimalInRows(rows: readonly { row: number; cells: readonly string[] }[], header: readonly string[], delimiter: string | null): DecimalDetection {
  const v = new DecimalVotes();
  outer: for (const r of rows) {
    for (let i = 0; i < r.cells.length; i++) {
      const value = r.cells[i] ?? '';
      if (value.indexOf('.') < 0 && value.indexOf(',') < 0) continue;
      if (!v.add(value, r.row, header[i] ?? '')) break outer;
    }
  }
  return v.result(delimiter);
}
