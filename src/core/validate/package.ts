// Checks across tables, after the rows are read and joined. (Filled in step by step.)
import type { Table } from '../parse/csv';
import type { DataPackage } from '../model';
import type { FileReport } from '../parse/types';

export interface TableRef {
  path: string;
  table: Table;
  report: FileReport;
}

export function validatePackage(_pkg: DataPackage, _reports: FileReport[], _tables: TableRef[]): void {
  // cross-table checks: see step 5
}
