// Where a service's capacity goes: the leaf units of its `serves` list (default: the unit it
// stands in), and in distance mode also the leaf units within reach, with decay weights.
import Flatbush from 'flatbush';
import { haversineKm, localProjection, type LocalProjection } from '../geo/distance';
import { flattenPolygon, representativePoint } from '../geo/flat';
import { buildPolygonIndex, type PolygonIndex } from '../geo/points';
import type { Decay } from './types';
import type { UnitTree } from './tree';

const EMPTY: readonly number[] = [];

/** Resolve a unit id to leaf positions: itself, its leaf ancestor, or all leaves below it. */
export function makeResolver(tree: UnitTree, leafPos: Int32Array): (unitId: string) => readonly number[] | null {
  const cache = new Map<string, readonly number[] | null>();
  return (unitId) => {
    const hit = cache.get(unitId);
    if (hit !== undefined) return hit;
    const i = tree.index.get(unitId);
    let out: readonly number[] | null = null;
    if (i !== undefined) {
      const own = leafPos[i] ?? -1;
      if (own >= 0) out = [own];
      else {
        const up = tree.ancestors(i).find((a) => (leafPos[a] ?? -1) >= 0);
        if (up !== undefined) out = [leafPos[up] ?? -1];
        else {
          const found: number[] = [];
          const stack = [...(tree.children[i] ?? EMPTY)];
          const seen = new Set<number>();
          while (stack.length) {
            const c = stack.pop() ?? -1;
            if (c < 0 || seen.has(c)) continue;
            seen.add(c);
            const lp = leafPos[c] ?? -1;
            if (lp >= 0) found.push(lp);
            else stack.push(...(tree.children[c] ?? EMPTY));
          }
          out = found.sort((a, b) => a - b);
        }
      }
    }
    cache.set(unitId, out);
    return out;
  };
}

const locators = new WeakMap<UnitTree, (lon: number, lat: number) => string | null>();

/** Locates service points in units, deepest level first (built on first use, cached per tree). */
export function makeLocator(tree: UnitTree): (lon: number, lat: number) => string | null {
  let hit = locators.get(tree);
  if (!hit) locators.set(tree, (hit = buildLocator(tree)));
  return hit;
}

function buildLocator(tree: UnitTree): (lon: number, lat: number) => string | null {
  let index: PolygonIndex | null = null;
  let ordered: string[] = [];
  return (lon, lat) => {
    if (!index) {
      const depth = (i: number) => tree.ancestors(i).length;
      const order = tree.units.map((_, i) => i).filter((i) => tree.units[i]?.geometry);
      order.sort((a, b) => depth(b) - depth(a));
      ordered = order.map((i) => tree.ids[i] ?? '');
      index = buildPolygonIndex(order.map((i) => ({ id: tree.ids[i] ?? '', geometry: tree.units[i]?.geometry ?? null })));
    }
    const k = index.locate(lon, lat);
    return k >= 0 ? (ordered[k] ?? null) : null;
  };
}

/**
 * A point per leaf for distances: the representative point of its geometry, else the mean of
 * its descendants' points; NaN when there is none.
 */
export function leafPoints(tree: UnitTree, leaves: readonly number[]): { lon: Float64Array; lat: Float64Array } {
  const lon = new Float64Array(leaves.length).fill(Number.NaN);
  const lat = new Float64Array(leaves.length).fill(Number.NaN);
  const pointOf = (i: number): [number, number] | null => {
    const f = flattenPolygon(tree.units[i]?.geometry);
    if (f) return representativePoint(f);
    let sx = 0;
    let sy = 0;
    let k = 0;
    const stack = [...(tree.children[i] ?? EMPTY)];
    const seen = new Set<number>();
    while (stack.length) {
      const c = stack.pop() ?? -1;
      if (c < 0 || seen.has(c)) continue;
      seen.add(c);
      const cf = flattenPolygon(tree.units[c]?.geometry);
      if (cf) {
        const [x, y] = representativePoint(cf);
        sx += x;
        sy += y;
        k++;
      } else stack.push(...(tree.children[c] ?? EMPTY));
    }
    return k > 0 ? [sx / k, sy / k] : null;
  };
  leaves.forEach((i, p) => {
    const pt = pointOf(i);
    if (pt) {
      lon[p] = pt[0];
      lat[p] = pt[1];
    }
  });
  return { lon, lat };
}

const GAUSS_FLOOR = Math.exp(-0.5);
/** Luo & Qi (2009) three-zone weights, zones at a third of the reach each. */
const DEFAULT_ZONES = [
  { upTo: 1 / 3, weight: 1 },
  { upTo: 2 / 3, weight: 0.68 },
  { upTo: 1, weight: 0.22 },
];

/** Weight of a unit at distance d (km) from a service with reach maxKm; 0 beyond it. */
export function decayWeight(d: number, maxKm: number, decay: Decay = { kind: 'gaussian' }): number {
  if (!(d <= maxKm) || maxKm <= 0) return 0;
  if (decay.kind === 'none') return 1;
  if (decay.kind === 'gaussian') return (Math.exp(-0.5 * (d / maxKm) ** 2) - GAUSS_FLOOR) / (1 - GAUSS_FLOOR);
  if (decay.zones && decay.zones.length > 0) {
    const zones = [...decay.zones].sort((a, b) => a.upToKm - b.upToKm);
    for (const z of zones) if (d <= z.upToKm) return Math.max(0, z.weight);
    return 0;
  }
  for (const z of DEFAULT_ZONES) if (d <= z.upTo * maxKm) return z.weight;
  return 0;
}

export interface PointIndex {
  index: Flatbush | null;
  proj: LocalProjection;
  lon: Float64Array;
  lat: Float64Array;
  /** Original positions of the indexed points. */
  ids: Int32Array;
}

/** Flatbush over the finite points (projected to km). */
export function indexPoints(lon: Float64Array, lat: Float64Array, proj: LocalProjection): PointIndex {
  const keep: number[] = [];
  for (let i = 0; i < lon.length; i++) if (Number.isFinite(lon[i]) && Number.isFinite(lat[i])) keep.push(i);
  if (keep.length === 0) return { index: null, proj, lon, lat, ids: new Int32Array(0) };
  const index = new Flatbush(keep.length);
  for (const i of keep) {
    const x = proj.x(lon[i] ?? 0);
    const y = proj.y(lat[i] ?? 0);
    index.add(x, y, x, y);
  }
  index.finish();
  return { index, proj, lon, lat, ids: Int32Array.from(keep) };
}

/** Calls visit(position, km) for each indexed point within maxKm (haversine) of (lon, lat). */
export function withinKm(pi: PointIndex, lon: number, lat: number, maxKm: number, visit: (i: number, km: number) => void): void {
  if (!pi.index) return;
  const r = maxKm * pi.proj.slack;
  const x = pi.proj.x(lon);
  const y = pi.proj.y(lat);
  for (const h of pi.index.search(x - r, y - r, x + r, y + r)) {
    const i = pi.ids[h] ?? -1;
    const d = haversineKm(lat, lon, pi.lat[i] ?? 0, pi.lon[i] ?? 0);
    if (d <= maxKm) visit(i, d);
  }
}

/**
 * Haversine km to the nearest indexed point. First a box search of radius `hintKm` (about the
 * typical spacing of the points): if the best hit is closer than hintKm / slack, no point outside
 * the box can be nearer. Otherwise: the nearest in the projection, then every point within that
 * planar distance × slack², checked with haversine.
 */
export function nearestKm(pi: PointIndex, lon: number, lat: number, hintKm = 0): number | null {
  if (!pi.index || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const x = pi.proj.x(lon);
  const y = pi.proj.y(lat);
  const slack = pi.proj.slack;
  let best = Infinity;
  const scan = (r: number): void => {
    for (const h of pi.index?.search(x - r, y - r, x + r, y + r) ?? []) {
      const i = pi.ids[h] ?? -1;
      const d = haversineKm(lat, lon, pi.lat[i] ?? 0, pi.lon[i] ?? 0);
      if (d < best) best = d;
    }
  };
  if (hintKm > 0) {
    scan(hintKm);
    if (best * slack <= hintKm) return best;
  }
  const first = pi.index.neighbors(x, y, 1)[0];
  if (first === undefined) return null;
  const i0 = pi.ids[first] ?? -1;
  const px = pi.proj.x(pi.lon[i0] ?? 0) - x;
  const py = pi.proj.y(pi.lat[i0] ?? 0) - y;
  scan(Math.sqrt(px * px + py * py) * slack * slack + 1e-9);
  return Number.isFinite(best) ? best : null;
}

/** About twice the typical spacing of the indexed points (km), for nearestKm's first search. */
export function spacingHint(pi: PointIndex): number {
  const n = pi.ids.length;
  if (!pi.index || n === 0) return 0;
  const area = Math.max(1e-6, (pi.index.maxX - pi.index.minX) * (pi.index.maxY - pi.index.minY));
  return 2 * Math.sqrt(area / n) + 1e-6;
}

export { localProjection };
