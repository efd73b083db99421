// Rules on typed objects that need more than one row: counts against population, shares,
// negative counts. Each finding names the object; the driver (package.ts) turns it into an
// issue at the object's row and sets error rows aside.
import { CATEGORY_KEYS } from '../keys';
import type { Observation } from '../model';
import type { IssueCode } from '../parse/issues';

export interface Finding {
  obj: object;
  code: IssueCode;
  params: Record<string, string | number>;
}

/** Indicators that count people (or households) and so cannot exceed the population. */
export const PEOPLE_COUNTS: ReadonlySet<string> = new Set<string>([...CATEGORY_KEYS, 'population_0_17', 'population_65_plus', 'households']);
const NON_NEGATIVE_UNITS = new Set(['count', 'percent', 'rate_per_1000', 'km2']);

/** unitId → population by year (the latest year stands in when the row's year is missing). */
export function populationIndex(observations: Iterable<Observation>): Map<string, Map<number | null, number>> {
  const idx = new Map<string, Map<number | null, number>>();
  for (const o of observations) {
    if (o.indicator !== 'population' || o.unit !== 'count') continue;
    let m = idx.get(o.unitId);
    if (!m) {
      m = new Map();
      idx.set(o.unitId, m);
    }
    m.set(o.year, o.value);
  }
  return idx;
}

function populationFor(m: Map<number | null, number> | undefined, year: number | null): number | null {
  if (!m) return null;
  const same = m.get(year);
  if (same !== undefined) return same;
  // nearest year
  let best: number | null = null;
  let dist = Infinity;
  for (const [y, v] of m) {
    const d = y === null || year === null ? 1000 : Math.abs(y - year);
    if (d < dist) [best, dist] = [v, d];
  }
  return best;
}

export function checkObservations(observations: readonly Observation[], reference: readonly Observation[] = []): Finding[] {
  const out: Finding[] = [];
  const pop = populationIndex([...reference, ...observations]);
  // rows of one unit mostly come together: look its populations up once per run of rows
  let unitId: string | null = null;
  let unitPop: Map<number | null, number> | undefined;
  for (const o of observations) {
    if (o.value < 0 && NON_NEGATIVE_UNITS.has(o.unit)) {
      out.push({ obj: o, code: 'value_negative', params: { value: o.value } });
      continue;
    }
    if (o.unit === 'percent' && o.value > 100) {
      out.push({ obj: o, code: 'share_above_100', params: { value: o.value } });
      continue;
    }
    if (o.unit === 'count' && PEOPLE_COUNTS.has(o.indicator)) {
      if (o.unitId !== unitId) {
        unitId = o.unitId;
        unitPop = pop.get(unitId);
      }
      const p = populationFor(unitPop, o.year);
      if (p !== null && o.value > p) out.push({ obj: o, code: 'value_above_population', params: { value: o.value, population: p } });
    }
  }
  return out;
}
