// Text → table. PapaParse does the CSV grammar (quotes, embedded newlines and delimiters);
// this file picks the delimiter by consistent field counts, keeps spreadsheet row numbers
// (header = row 1, blank lines counted as a spreadsheet shows them), drops trailing empty
// columns from trailing delimiters, and enforces the column and cell limits.
import Papa from 'papaparse';
import { issue } from './issues';
import type { Cell, ImportIssue, Limits } from './types';

export interface TableRow {
  /** 1-based row as a spreadsheet shows it. */
  row: number;
  cells: string[];
}

export interface Table {
  /** Header cells as written (trimmed, BOM removed). */
  header: string[];
  headerRow: number;
  /** Non-blank data rows, each padded or cut to the header's width. */
  rows: TableRow[];
}

export interface CsvResult {
  table: Table | null;
  delimiter: string;
  issues: ImportIssue[];
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

const SAMPLE_CHARS = 64 * 1024;

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
}

/** Share of non-blank sample rows having the most common field count, and that count. */
function consistency(sample: string, delimiter: string): { share: number; fields: number } {
  const res = Papa.parse<string[]>(sample, { delimiter, preview: 60, skipEmptyLines: 'greedy' });
  const counts = new Map<number, number>();
  let total = 0;
  for (const r of res.data) {
    if (!Array.isArray(r)) continue;
    // trailing delimiters give an extra empty field; count fields up to the last non-empty one
    let n = r.length;
    while (n > 1 && (r[n - 1] ?? '').trim() === '') n--;
    counts.set(n, (counts.get(n) ?? 0) + 1);
    total++;
  }
  let best = 0;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount || (c === bestCount && n > best)) [best, bestCount] = [n, c];
  if (total === 0 || best <= 1) return { share: 0, fields: best };
  return { share: bestCount / total, fields: best };
}

/** Picks the delimiter whose field counts are most consistent (ties: more fields, then `;`, tab, `,`, `|`). */
export function detectDelimiter(text: string): string {
  const sample = sampleOf(text);
  const order = [';', '\t', ',', '|'];
  let best = ',';
  let bestShare = 0;
  let bestFields = 0;
  for (const d of order) {
    const { share, fields } = consistency(sample, d);
    const s = Math.round(share * 100);
    if (s > bestShare || (s === bestShare && s > 0 && fields > bestFields)) {
      best = d;
      bestShare = s;
      bestFields = fields;
    }
  }
  return best;
}

export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Cuts or pads a record to the header's width and enforces the cell limit, with the issues
 *  of that (the first 20 field-count mismatches one by one, then a count in finish()). Shared
 *  by the whole-table build and the row stream (csv-stream.ts), so both give the same rows. */
export class RowShape {
  private mismatch = 0;
  constructor(
    private readonly header: readonly string[],
    private readonly width: number,
    private readonly limits: Limits,
    /** Where issues go; null: none are made (re-reading a row already reported). */
    private readonly issues: ImportIssue[] | null,
  ) {}

  /** The row's cells (reusing the parser's array, no copy per row). */
  cells(rec: string[], row: number): string[] {
    const width = this.width;
    let n = rec.length;
    while (n > width && (rec[n - 1] ?? '').trim() === '') n--;
    if (n !== width) {
      this.mismatch++;
      if (this.mismatch <= 20) this.issues?.push(issue('row_field_count', row, null, { found: n, expected: width }));
    }
    const cells = rec;
    if (cells.length > width) cells.length = width;
    while (cells.length < width) cells.push('');
    for (let c = 0; c < width; c++) {
      const v = cells[c] ?? '';
      if (v.length > this.limits.maxCellChars) {
        this.issues?.push(issue('cell_too_long', row, this.header[c] ?? null, { length: v.length, limit: this.limits.maxCellChars }));
        cells[c] = v.slice(0, this.limits.maxCellChars);
      }
    }
    return cells;
  }

  finish(): void {
    if (this.mismatch > 20) this.issues?.push(issue('rows_field_count', null, null, { count: this.mismatch, expected: this.width }));
  }
}

/** Header cells as written (BOM removed, trimmed); an empty one is named `column_<n>`. */
export function headerOf(rec: readonly string[], width: number, row: number, issues: ImportIssue[]): string[] {
  return rec.slice(0, width).map((c, i) => {
    const name = c.replace(/^\uFEFF/, '').trim();
    if (name !== '') return name;
    issues.push(issue('header_empty', row, null, { index: i + 1 }));
    return `column_${i + 1}`;
  });
}

/** PapaParse's quote errors → `csv_quotes` issues (the first 20 distinct code × record). */
export class QuoteIssues {
  readonly issues: ImportIssue[] = [];
  private readonly seen = new Set<string>();
  /** `record`: 0-based index of the record the error is in. */
  add(e: { type: string; code: string }, record: number | null): void {
    if (e.type !== 'Quotes') return;
    const key = `${e.code}:${record ?? ''}`;
    if (this.seen.has(key) || this.seen.size >= 20) return;
    this.seen.add(key);
    this.issues.push(issue('csv_quotes', record === null ? null : record + 1, null, { detail: e.code }));
  }
}

/** Builds a table from raw records (CSV or spreadsheet), numbering rows from `firstRow`. */
export function tableFromRecords(records: string[][], limits: Limits, firstRow = 1): { table: Table | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let h = 0;
  while (h < records.length && isBlank(records[h] ?? [])) h++;
  const headerRec = records[h];
  if (!headerRec) return { table: null, issues: [issue('file_empty')] };
  if (headerRec.length > limits.maxColumns) {
    return { table: null, issues: [issue('too_many_columns', h + firstRow, null, { count: headerRec.length, limit: limits.maxColumns })] };
  }
  // drop trailing empty header cells whose columns are empty everywhere (trailing delimiters)
  let width = headerRec.length;
  while (width > 1 && (headerRec[width - 1] ?? '').trim() === '') {
    const col = width - 1;
    if (records.some((r, i) => i > h && (r[col] ?? '').trim() !== '')) break;
    width--;
  }
  const header = headerOf(headerRec, width, h + firstRow, issues);
  const rows: TableRow[] = [];
  const shape = new RowShape(header, width, limits, issues);
  for (let i = h + 1; i < records.length; i++) {
    const rec = records[i] ?? [];
    if (isBlank(rec)) continue;
    rows.push({ row: i + firstRow, cells: shape.cells(rec, i + firstRow) });
  }
  shape.finish();
  return { table: { header, headerRow: h + firstRow, rows }, issues };
}

/** Parses CSV text. `delimiter` overrides detection. Never throws. */
export function parseCsv(text: string, limits: Limits, delimiter?: string | null): CsvResult {
  const d = delimiter && delimiter.length > 0 ? delimiter : detectDelimiter(text);
  const quotes = new QuoteIssues();
  const issues = quotes.issues;
  let data: string[][];
  try {
    const res = Papa.parse<string[]>(text, { delimiter: d, skipEmptyLines: false });
    data = res.data.filter((r): r is string[] => Array.isArray(r));
    for (const e of res.errors) quotes.add(e, typeof e.row === 'number' ? e.row : null);
  } catch (err) {
    issues.push(issue('format_unknown', null, null, { detail: String(err).slice(0, 200) }));
    return { table: null, delimiter: d, issues };
  }
  const built = tableFromRecords(data, limits);
  return { table: built.table, delimiter: d, issues: [...issues, ...built.issues] };
}

/** Spreadsheet cells → text the same way a CSV would hold them (numbers with `.`). */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
}
