// CSV writing shared by every export (RFC 4180 quoting, "\n" line ends, no BOM by default).
//
// Formula injection: a text cell that begins with = + - @ tab or carriage return would be run
// as a formula by spreadsheet programs; such cells get a leading single quote ('). Cells that
// are real numbers (typed as number) are written as numbers, negative ones included.
// Missing values (null, undefined, NaN, ±Infinity) are written as empty cells.

export type CsvCell = string | number | null | boolean | undefined;

const DANGEROUS_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as CSV text. */
export function csvCell(value: CsvCell, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = String(value);
  if (DANGEROUS_START.test(s)) s = `'${s}`;
  if (NEEDS_QUOTES.test(s) || s.includes(delimiter) || s !== s.trim()) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export interface CsvOptions {
  /** Field delimiter (default ","). */
  delimiter?: string;
  /** Prepend a UTF-8 byte-order mark (helps Excel open Cyrillic text). Default false. */
  bom?: boolean;
}

/** A whole CSV document: header line, then one line per row, each ending with "\n". */
export function toCsv(header: string[], rows: CsvCell[][], opts: CsvOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const lines: string[] = [header.map((h) => csvCell(h, d)).join(d)];
  for (const row of rows) lines.push(row.map((c) => csvCell(c, d)).join(d));
  return (opts.bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
