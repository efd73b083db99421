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

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

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
  const header = headerRec.slice(0, width).map((c, i) => {
    const name = c.replace(/^\uFEFF/, '').trim();
    if (name !== '') return name;
    issues.push(issue('header_empty', h + firstRow, null, { index: i + 1 }));
    return `column_${i + 1}`;
  });
  const rows: TableRow[] = [];
  let mismatch = 0;
  for (let i = h + 1; i < records.length; i++) {
    const rec = records[i] ?? [];
    if (isBlank(rec)) continue;
    const row = i + firstRow;
    let n = rec.length;
    while (n > width && (rec[n - 1] ?? '').trim() === '') n--;
    if (n !== width) {
      mismatch++;
      if (mismatch <= 20) issues.push(issue('row_field_count', row, null, { found: n, expected: width }));
    }
    // reuse the parser's array (no copy per row): cut or pad it to the header's width
    const cells = rec;
    if (cells.length > width) cells.length = width;
    while (cells.length < width) cells.push('');
    for (let c = 0; c < width; c++) {
      const v = cells[c] ?? '';
      if (v.length > limits.maxCellChars) {
        issues.push(issue('cell_too_long', row, header[c] ?? null, { length: v.length, limit: limits.maxCellChars }));
        cells[c] = v.slice(0, limits.maxCellChars);
      }
    }
    rows.push({ row, cells });
  }
  if (mismatch > 20) issues.push(issue('rows_field_count', null, null, { count: mismatch, expected: width }));
  return { table: { header, headerRow: h + firstRow, rows }, issues };
}

/** Parses CSV text. `delimiter` overrides detection. Never throws. */
export function parseCsv(text: string, limits: Limits, delimiter?: string | null): CsvResult {
  const d = delimiter && delimiter.length > 0 ? delimiter : detectDelimiter(text);
  const issues: ImportIssue[] = [];
  let data: string[][];
  try {
    const res = Papa.parse<string[]>(text, { delimiter: d, skipEmptyLines: false });
    data = res.data.filter((r): r is string[] => Array.isArray(r));
    const seen = new Set<string>();
    for (const e of res.errors) {
      if (e.type !== 'Quotes') continue;
      const key = `${e.code}:${e.row ?? ''}`;
      if (seen.has(key) || seen.size >= 20) continue;
      seen.add(key);
      issues.push(issue('csv_quotes', typeof e.row === 'number' ? e.row + 1 : null, null, { detail: e.code }));
    }
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
