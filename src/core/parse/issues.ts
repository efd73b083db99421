// Every issue the import can raise, with its default severity. The message is the i18n key
// `import.issue.<code>` (src/core/i18n/messages/import.ts), filled with the issue's params.
import type { ImportIssue, Severity } from './types';

export const ISSUE_SEVERITY = {
  // reading the file
  file_too_large: 'error',
  file_empty: 'error',
  file_binary: 'error',
  format_unknown: 'error',
  encoding_uncertain: 'warning',
  encoding_override_invalid: 'warning',
  json_invalid: 'error',
  json_too_deep: 'error',
  xlsx_unreadable: 'error',
  xlsx_needs_async: 'error',
  too_many_columns: 'error',
  cell_too_long: 'error',
  csv_quotes: 'warning',
  row_field_count: 'warning',
  rows_field_count: 'warning',
  header_empty: 'warning',
  header_duplicate: 'error',
  decimal_ambiguous: 'warning',
  // the package
  internal_error: 'error',
  descriptor_invalid: 'error',
  resource_file_missing: 'error',
  resource_unknown: 'error',
  resource_required_missing: 'error',
  no_units: 'warning',
  column_missing: 'error',
  // values
  value_required: 'error',
  value_not_number: 'error',
  value_negative: 'error',
  value_above_population: 'error',
  share_above_100: 'error',
  year_invalid: 'error',
  lat_lon_invalid: 'error',
  service_unknown: 'warning',
  category_unknown: 'warning',
  provider_type_unknown: 'warning',
  status_unknown: 'warning',
  kind_unknown: 'warning',
  users_above_capacity: 'warning',
  service_no_location: 'warning',
  service_not_located: 'warning',
  service_outside_unit: 'warning',
  row_outside_region: 'warning',
  // join
  unit_unmatched: 'error',
  unit_ambiguous: 'error',
  row_duplicate: 'warning',
  // units and geometry
  unit_id_missing: 'error',
  unit_id_duplicate: 'error',
  unit_name_missing: 'error',
  unit_level_invalid: 'error',
  parent_unknown: 'warning',
  properties_mapped: 'warning',
  region_derived: 'warning',
  geojson_invalid: 'error',
  topojson_invalid: 'error',
  geometry_missing: 'warning',
  geometry_type: 'error',
  geometry_invalid: 'error',
  winding_repaired: 'warning',
  ring_closed: 'warning',
  self_intersection: 'warning',
  coordinates_projected: 'error',
  crs_unsupported: 'error',
  reprojected: 'warning',
  too_many_vertices: 'error',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_SEVERITY;
export const ISSUE_CODES = Object.keys(ISSUE_SEVERITY) as IssueCode[];

export const issueKey = (code: IssueCode): string => `import.issue.${code}`;

export function issue(
  code: IssueCode,
  row: number | null = null,
  column: string | null = null,
  params: Record<string, string | number> = {},
  severity: Severity = ISSUE_SEVERITY[code],
): ImportIssue {
  return { severity, code, row, column, messageKey: issueKey(code), params };
}
