// Workspace choices → readPackage options: per-file overrides (encoding, delimiter, decimal,
// resource, CRS, column mapping) and the user's aliases.
import { normKey } from '../parse/props';
import type { FileOverride } from '../parse/types';
import type { ColumnMapping, FileOptions } from './schema';

/** Columns a wide mapping keeps even when not chosen as indicators. */
const KEPT_META = new Set(['year', 'source', 'note']);

/** The renames (and resource) that make the core read a table as the mapping says. */
export function mappingOverride(m: ColumnMapping, columns: readonly string[]): FileOverride {
  const rename = new Map<string, string>();
  rename.set(m.unitColumn, m.unitBy === 'id' ? 'unit_id' : 'unit_name');
  if (m.form === 'long') {
    if (m.indicatorColumn) rename.set(m.indicatorColumn, 'indicator');
    if (m.valueColumn) rename.set(m.valueColumn, 'value');
    // other columns that would compete for the unit key are dropped
    for (const c of columns) {
      if (rename.has(c)) continue;
      const k = normKey(c);
      if (k === 'unit_id' || k === 'unit_name' || k === 'indicator' || k === 'value') rename.set(c, '');
    }
  } else {
    const keep = new Set(m.indicatorColumns);
    for (const c of columns) {
      if (c === m.unitColumn || keep.has(c)) continue;
      if (!KEPT_META.has(normKey(c))) rename.set(c, '');
    }
  }
  return { resource: 'indicators', rename };
}

/** FileOptions (+ a mapping, when one applies) → the core's FileOverride; null when nothing is set. */
export function fileOverride(o: FileOptions, mapping: { m: ColumnMapping; columns: readonly string[] } | null): FileOverride | null {
  const out: FileOverride = mapping ? mappingOverride(mapping.m, mapping.columns) : {};
  if (o.encoding) out.encoding = o.encoding;
  if (o.delimiter) out.delimiter = o.delimiter;
  if (o.decimal) out.decimal = o.decimal;
  if (o.resource && !mapping) out.resource = o.resource;
  if (o.crs !== null) out.crs = o.crs;
  return Object.keys(out).length > 0 ? out : null;
}
