// The import report as the join-report panel shows it: per file, how its rows were joined
// (exactly, by which fuzzy method, unmatched, duplicate, ambiguous), the keys the user can
// assign to a unit, and every issue as CSV rows (written with toCsv: formula-safe).
import { t } from '../i18n';
import type { Lang } from '../keys';
import type { FileReport, ImportIssue, ImportReport, MatchMethod } from '../parse/types';
import { foldName } from '../text/fold';

export interface FileJoin {
  /** Rows joined by id or by the name as written (derived: joined rows minus the others). */
  exact: number;
  fuzzy: { method: MatchMethod; rows: number }[];
  unmatched: number;
  duplicates: number;
  ambiguous: number;
}

export interface OpenKey {
  /** The key as written in the file. */
  key: string;
  /** foldName(key): what an alias is saved under. */
  folded: string;
  rows: number[];
  kind: 'unmatched' | 'ambiguous';
  /** Unit ids to offer first (closest names, or the ambiguous candidates). */
  suggestions: string[];
}

export interface FileSummary {
  report: FileReport;
  errors: number;
  warnings: number;
  /** null for files that are not joined to units (units, norms, unread files). */
  join: FileJoin | null;
  open: OpenKey[];
}

const JOINED = new Set(['indicators', 'services', 'capacities']);
const NOT_JOINED_CODES = new Set(['service_no_location', 'service_not_located']);

export function summariseFiles(report: ImportReport): FileSummary[] {
  return report.files.map((f) => {
    const errors = f.issues.filter((i) => i.severity === 'error').length;
    const warnings = f.issues.length - errors;
    const open = openKeys(report, f.path);
    if (!f.resource || !JOINED.has(f.resource)) return { report: f, errors, warnings, join: null, open };
    const byMethod = new Map<MatchMethod, number>();
    for (const z of report.join.fuzzy) if (z.path === f.path) byMethod.set(z.method, (byMethod.get(z.method) ?? 0) + z.count);
    const fuzzy = [...byMethod].map(([method, rows]) => ({ method, rows }));
    const unmatched = report.join.unmatched.filter((u) => u.path === f.path).length;
    const ambiguous = report.join.ambiguous.filter((u) => u.path === f.path).length;
    const duplicates = report.join.duplicates.filter((u) => u.path === f.path).length;
    const notJoined = new Set(f.issues.filter((i) => NOT_JOINED_CODES.has(i.code) && i.row !== null).map((i) => i.row)).size;
    const fuzzyRows = fuzzy.reduce((s, x) => s + x.rows, 0);
    const exact = Math.max(0, f.rows - fuzzyRows - unmatched - ambiguous - notJoined);
    return { report: f, errors, warnings, join: { exact, fuzzy, unmatched, duplicates, ambiguous }, open };
  });
}

/** Unmatched and ambiguous keys of one file, grouped by folded key, in file order. */
export function openKeys(report: ImportReport, path: string): OpenKey[] {
  const out = new Map<string, OpenKey>();
  const add = (key: string, row: number, kind: OpenKey['kind'], suggestions: string[]) => {
    const folded = foldName(key);
    if (folded === '') return;
    const id = `${kind}\u0000${folded}`;
    const k = out.get(id);
    if (k) k.rows.push(row);
    else out.set(id, { key, folded, rows: [row], kind, suggestions });
  };
  for (const u of report.join.unmatched) if (u.path === path) add(u.key, u.row, 'unmatched', u.suggestions);
  for (const a of report.join.ambiguous) if (a.path === path) add(a.key, a.row, 'ambiguous', a.candidates);
  return [...out.values()];
}

export const issueMessage = (lang: Lang, i: ImportIssue): string => t(lang, i.messageKey, i.params);

export const ISSUE_CSV_HEADER = ['file', 'row', 'column', 'severity', 'code', 'message', 'row_cells'];

/** Every issue of every file, in the UI language, with the raw cells of rows set aside. */
export function issueCsvRows(report: ImportReport, lang: Lang): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const f of report.files) {
    const cells = new Map<number, string>();
    for (const s of f.setAside) cells.set(s.row, s.cells.join(' | '));
    for (const i of f.issues) {
      rows.push([f.path, i.row, i.column, i.severity, i.code, issueMessage(lang, i), i.row === null ? null : (cells.get(i.row) ?? null)]);
    }
  }
  return rows;
}

/** Set-aside rows of a file with the messages of their issues (for the panel's table). */
export function setAsideView(f: FileReport, lang: Lang): { row: number; cells: string[]; messages: { column: string | null; text: string }[] }[] {
  const byRow = new Map<number, ImportIssue[]>();
  for (const i of f.issues) {
    if (i.row === null) continue;
    const list = byRow.get(i.row);
    if (list) list.push(i);
    else byRow.set(i.row, [i]);
  }
  return f.setAside.map((s) => ({
    row: s.row,
    cells: s.cells,
    messages: (byRow.get(s.row) ?? []).map((i) => ({ column: i.column, text: issueMessage(lang, i) })),
  }));
}
