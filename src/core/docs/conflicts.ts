// The import issues that are data conflicts (a figure that contradicts another, a row given
// twice, a name that fits two units, a row whose unit is not found) as Form 1, chapter 3 lists
// them: per file and kind, the first few with their row, then one line counting the rest, so a
// file with 5,000 unmatched rows does not become a 5,000-line chapter. Format trouble (encoding,
// delimiter, header) is not a data conflict and stays in the import report.
import type { ImportReport } from '../parse/types';
import type { DocIssue } from './context';

export const CONFLICT_CODES: ReadonlySet<string> = new Set([
  'row_duplicate',
  'value_above_population',
  'share_above_100',
  'users_above_capacity',
  'unit_ambiguous',
  'unit_unmatched',
  'service_outside_unit',
]);

/** Issues listed one by one per file and kind; the rest are counted. */
export const CONFLICTS_SHOWN = 5;

export function importConflicts(report: ImportReport | null | undefined, shown = CONFLICTS_SHOWN): DocIssue[] {
  const out: DocIssue[] = [];
  for (const f of report?.files ?? []) {
    const seen = new Map<string, number>();
    for (const i of f.issues) {
      if (!CONFLICT_CODES.has(i.code)) continue;
      const n = (seen.get(i.code) ?? 0) + 1;
      seen.set(i.code, n);
      if (n <= shown) out.push({ severity: i.severity, code: i.code, messageKey: i.messageKey, params: i.params, path: f.path, row: i.row });
    }
    for (const [code, n] of seen) {
      if (n > shown) out.push({ severity: 'warning', code, messageKey: 'docs.conflict.more', params: { n: n - shown, path: f.path }, row: null });
    }
  }
  return out;
}
