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

/** Parses one cell. Empty → `{ ok: true, value: null }`; unreadable → `{ ok: false }`. */
export function parseNumber(raw: string, decimal: Decimal): NumberParse {
  if (raw.trim() === '') return { ok: true, value: null };
  const { s } = cleanNumeric(raw);
  if (s === '' || s.length > 64) return { ok: false };
  const thousands = decimal === '.' ? ',' : '.';
  const t = thousands === '.' ? '\\.' : ',';
  const d = decimal === '.' ? '\\.' : ',';
  const grouped = new RegExp(`^-?\\d{1,3}(${t}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^-?(\\d+(${d}\\d*)?|${d}\\d+)$`);
  let norm: string | null = null;
  if (grouped.test(s)) norm = s.split(thousands).join('');
  else if (plain.test(s)) norm = s;
  else if (decimal === '.' && /^-?\d+(\.\d+)?[eE][-+]?\d+$/.test(s)) norm = s;
  if (norm === null) return { ok: false };
  const value = Number(decimal === ',' ? norm.replace(',', '.') : norm);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
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

/**
 * Detects the decimal separator from cells. With no deciding cell the default is `,` for
 * semicolon-separated files (the European Excel export) and `.` otherwise, and ambiguous
 * cells are reported so that the user can confirm.
 */
export function detectDecimal(cells: Iterable<CellRef>, delimiter: string | null): DecimalDetection {
  let dot = 0;
  let comma = 0;
  let amb: DecimalDetection['ambiguous'] = null;
  for (const c of cells) {
    const v = voteDecimal(c.value);
    if (v === '.') dot++;
    else if (v === ',') comma++;
    else if (v === 'ambiguous') {
      if (amb) amb.count++;
      else amb = { count: 1, example: c.value, row: c.row, column: c.column };
    }
  }
  const votes = { dot, comma };
  if (dot > comma) return { decimal: '.', votes, ambiguous: null };
  if (comma > dot) return { decimal: ',', votes, ambiguous: null };
  const decimal: Decimal = delimiter === ';' ? ',' : '.';
  return { decimal, votes, ambiguous: amb };
}
