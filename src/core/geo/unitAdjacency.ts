// Adjacency of a set of units, computed once per units array and set of ids: the gaps view, the
// documents and the command line ask for the same (finest-level) units, and at national scale
// (10,000 units) each computation costs about a second.
import type { Unit } from '../model';
import { computeAdjacency, type Adjacency } from './adjacency';

const cache = new WeakMap<readonly Unit[], Map<string, Adjacency>>();

/** Adjacency of the units of `units` whose id is in `ids` (every one gets an entry). */
export function unitAdjacency(units: readonly Unit[], ids: Iterable<string>): Adjacency {
  const want = new Set(ids);
  const key = [...want].sort().join('\u0000');
  let byKey = cache.get(units);
  if (!byKey) cache.set(units, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const adjacency = computeAdjacency(units.filter((u) => want.has(u.id)).map((u) => ({ id: u.id, geometry: u.geometry })));
  byKey.set(key, adjacency);
  return adjacency;
}
