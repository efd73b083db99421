// The table behind every chart: one model for the accessible table, its sorting and the CSV.
import { toCsv } from '../csv';
export type CellValue = string | number | null;

export interface TableColumn {
  key: string;
  /** i18n key of the header. */
  labelKey: string;
  /** Header already resolved (e.g. an indicator's label); wins over labelKey. */
  label?: string;
  numeric: boolean;
}

export interface TableModel {
  columns: TableColumn[];
  rows: CellValue[][];
}

export type SortDir = 'asc' | 'desc';

/** Rows sorted by column `key`; empty cells always last, ties keep their order. */
export function sortTable(table: TableModel, key: string, dir: SortDir): TableModel {
  const i = table.columns.findIndex((c) => c.key === key);
  if (i < 0) return table;
  const sign = dir === 'asc' ? 1 : -1;
  const rows = table.rows
    .map((r, n) => ({ r, n }))
    .sort((a, b) => {
      const x = a.r[i] ?? null;
      const y = b.r[i] ?? null;
      if (x === null || y === null) return x === y ? a.n - b.n : x === null ? 1 : -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return c === 0 ? a.n - b.n : sign * c;
    })
    .map((x) => x.r);
  return { ...table, rows };
}

/**
 * The table as CSV (formula-safe, numbers unformatted, empty cells for missing values), with a
 * byte-order mark so spreadsheet programs read Cyrillic and Albanian letters right.
 */
export function tableCsv(table: TableModel, header: (c: TableColumn) => string): string {
  return toCsv(table.columns.map(header), table.rows, { bom: true });
}
