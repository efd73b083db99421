// Small CSV helpers for the data build: read with PapaParse (header row, strings), write with
// a fixed column order, "\n" line ends and minimal RFC 4180 quoting, so output is byte-stable.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export type Row = Record<string, string>;

export function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`${path}: CSV error at row ${e?.row ?? '?'}: ${e?.message ?? ''}`);
  }
  return parsed.data;
}

/** A required, non-empty field. */
export function field(row: Row, name: string): string {
  const v = row[name];
  if (v === undefined || v === '')
    throw new Error(`missing ${name} in ${JSON.stringify(row).slice(0, 120)}`);
  return v;
}

export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number in CSV output: ${v}`);
    return String(v);
  }
  return /[",\n\r]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return lines.join('\n') + '\n';
}
