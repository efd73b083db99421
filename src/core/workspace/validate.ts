// Small readers for values that come back from storage or from an imported workspace file:
// each returns the typed value or null, never throws.
import { isResourceName, type Decimal, type ResourceName } from '../parse/types';
import type { ColumnMapping } from './schema';

export const isResourceNameLike = (v: unknown): v is ResourceName => isResourceName(v);
export const isDecimalLike = (v: unknown): v is Decimal => v === '.' || v === ',';

const own = (o: unknown, k: string): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined;
const col = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= 500 ? v : null);

export function readMapping(raw: unknown): ColumnMapping | null {
  const unitColumn = col(own(raw, 'unitColumn'));
  const unitBy = own(raw, 'unitBy');
  const form = own(raw, 'form');
  if (!unitColumn || (unitBy !== 'id' && unitBy !== 'name') || (form !== 'wide' && form !== 'long')) return null;
  const list = own(raw, 'indicatorColumns');
  const indicatorColumns = Array.isArray(list) ? list.map(col).filter((c): c is string => c !== null).slice(0, 10_000) : [];
  const indicatorColumn = col(own(raw, 'indicatorColumn'));
  const valueColumn = col(own(raw, 'valueColumn'));
  if (form === 'long' && (!indicatorColumn || !valueColumn)) return null;
  if (form === 'wide' && indicatorColumns.length === 0) return null;
  return { unitColumn, unitBy, form, indicatorColumns, indicatorColumn, valueColumn };
}
