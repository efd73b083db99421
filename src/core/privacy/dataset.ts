// Suppression applied to a prepared data set: which unit's count of an indicator must not be
// shown. Relations follow the unit hierarchy (every unit = the sum of its children), so a region
// total never reveals a hidden municipality. Computed once per data set, indicator and threshold.
import type { Dataset } from '../dataset';
import { computeCells, type Cell } from '../indicators';
import type { PrivacyConfig } from './config';
import { suppressCounts, type Relation, type Suppression } from './suppress';

/** Only counts of people in a user category are protected (populations are public). */
export function isPeopleCount(ds: Dataset, indicator: string | null): boolean {
  if (!indicator) return false;
  const info = ds.indicators.find((i) => i.key === indicator);
  return !!info && info.kind === 'category' && info.additive;
}

const cache = new WeakMap<Dataset, Map<string, ReadonlyMap<string, Suppression>>>();
const EMPTY: ReadonlyMap<string, Suppression> = new Map();

/** Suppressed units (every level) for one indicator's counts. Empty when nothing is protected. */
export function suppressionFor(ds: Dataset, indicator: string | null, privacy: PrivacyConfig): ReadonlyMap<string, Suppression> {
  if (!privacy.enabled || !indicator || !isPeopleCount(ds, indicator)) return EMPTY;
  let byKey = cache.get(ds);
  if (!byKey) cache.set(ds, (byKey = new Map()));
  const key = `${indicator}\u0000${privacy.threshold}`;
  const hit = byKey.get(key);
  if (hit) return hit;

  const h = ds.hierarchy;
  const ids = h.units.map((u) => u.id);
  const cells = computeCells(ids, { indicator, measure: 'count' }, h, ds.index);
  const values = new Map<string, number | null>();
  for (const id of ids) {
    const c = cells.get(id);
    values.set(id, c?.ok ? c.value : null);
  }
  const relations: Relation[] = [];
  for (const u of h.units) {
    const parts = h.children(u.id).map((c) => c.id);
    if (parts.length > 0) relations.push({ total: u.id, parts });
  }
  const out = suppressCounts(values, relations, privacy.threshold);
  byKey.set(key, out);
  return out;
}

/** A cell as it may be shown: the value removed when its count is suppressed. */
export function maskCell(cell: Cell, suppressed: Suppression | null | undefined): Cell {
  return suppressed ? { ok: false, reason: 'no_data' } : cell;
}

/** Small-number protection in force on a data set: what it hides, per indicator, and its threshold. */
export interface Protection {
  hidden(indicator: string): ReadonlyMap<string, Suppression>;
  threshold: number;
}

/** The protection `privacy` asks for on `ds` (compare charts, documents); undefined when off. */
export function protectionOf(ds: Dataset, privacy: PrivacyConfig): Protection | undefined {
  if (!privacy.enabled) return undefined;
  return { hidden: (indicator) => suppressionFor(ds, indicator, privacy), threshold: privacy.threshold };
}
