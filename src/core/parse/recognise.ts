// Which resource a table is, from its columns (contract section 1), and which column holds the
// unit key. Headers are compared in normalised form (normKey): `Unit ID` = `unit_id`.
import { normKey } from './props';
import type { ResourceName } from './types';

/** Header names accepted for the unit key when `unit_id` / `unit_name` are absent. */
export const UNIT_ID_SYNONYMS = ['unit_id', 'id', 'code', 'kod', 'kodi', 'lau_code', 'unit_code', 'municipality_id', 'municipality_code'];
export const UNIT_NAME_SYNONYMS = [
  'unit_name', 'name', 'unit', 'municipality', 'municipality_name', 'komuna', 'bashkia', 'bashkia_e', 'opstina', 'opština',
  'општина', 'emri', 'naziv', 'назив', 'име', 'ime', 'njesia', 'njësia', 'region', 'qarku', 'qark',
];
const UNIT_PROPS = new Set(['unit_id', 'name', 'level', 'parent_id', 'name_alt', 'name_sq', 'name_mk', 'name_en']);
const META_COLUMNS = new Set(['year', 'source', 'note', 'unit', 'level']);

const KEY_COLUMNS = new Set([...UNIT_ID_SYNONYMS, ...UNIT_NAME_SYNONYMS]);

/** In a wide table: does this (normalised) column hold an indicator? */
export const isIndicatorColumn = (c: string): boolean => !META_COLUMNS.has(c) && !UNIT_PROPS.has(c) && !KEY_COLUMNS.has(c);

/** A second column naming the unit, tried when the key column does not match (e.g. `name`
 *  next to `unit_id`). */
export function fallbackNameColumn(cols: string[], keyIndex: number): number {
  for (const n of UNIT_NAME_SYNONYMS) {
    const i = cols.indexOf(n);
    if (i >= 0 && i !== keyIndex) return i;
  }
  return -1;
}

export interface Recognised {
  resource: ResourceName | null;
  form: 'long' | 'wide' | null;
  /** Index of the column holding the unit key, and whether it holds ids or names. */
  unitColumn: { index: number; by: 'id' | 'name' } | null;
}

function indexOfAny(cols: string[], names: readonly string[]): number {
  for (const n of names) {
    const i = cols.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

export function unitColumnOf(cols: string[]): Recognised['unitColumn'] {
  let i = cols.indexOf('unit_id');
  if (i >= 0) return { index: i, by: 'id' };
  i = cols.indexOf('unit_name');
  if (i >= 0) return { index: i, by: 'name' };
  i = indexOfAny(cols, UNIT_NAME_SYNONYMS);
  if (i >= 0) return { index: i, by: 'name' };
  i = indexOfAny(cols, UNIT_ID_SYNONYMS);
  if (i >= 0) return { index: i, by: 'id' };
  return null;
}

/** Recognises a table by its (normalised) columns; `hint` is the descriptor's or user's word. */
export function recognise(header: string[], hint: ResourceName | null): Recognised {
  const cols = header.map(normKey);
  const has = (c: string): boolean => cols.includes(c);
  const unitColumn = unitColumnOf(cols);
  const indicatorsForm = (): Recognised => {
    // an `indicator` column means the long form, even if `value` is missing (reported later)
    if (has('indicator')) return { resource: 'indicators', form: 'long', unitColumn };
    const others = cols.filter((c, i) => i !== unitColumn?.index && isIndicatorColumn(c));
    if (unitColumn && others.length > 0) return { resource: 'indicators', form: 'wide', unitColumn };
    return { resource: null, form: null, unitColumn };
  };
  if (hint === 'indicators') {
    const r = indicatorsForm();
    return r.resource ? r : { resource: 'indicators', form: 'long', unitColumn };
  }
  if (hint) return { resource: hint, form: null, unitColumn };
  if (has('places_per_1000')) return { resource: 'norms', form: null, unitColumn: null };
  if (has('capacity_id') || (has('kind') && has('size') && has('description'))) return { resource: 'capacities', form: null, unitColumn };
  if (has('service_id') || (has('service') && (has('provider') || has('provider_type') || has('capacity') || has('lat')))) {
    return { resource: 'services', form: null, unitColumn };
  }
  if (has('indicator') && (has('value') || unitColumn)) return { resource: 'indicators', form: 'long', unitColumn };
  if (has('unit_id') && has('name') && has('level') && cols.every((c) => UNIT_PROPS.has(c))) {
    return { resource: 'units', form: null, unitColumn };
  }
  return indicatorsForm();
}
