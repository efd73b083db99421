// Where to put a unit's label or tooltip, and the extent of a set of units.
import { bbox as turfBbox, centerOfMass, pointOnFeature, booleanPointInPolygon } from '@turf/turf';
import type { UnitGeometry } from '../model';

export type BBox = [number, number, number, number];

/** A point inside the polygon near its centre of mass (centroids can fall outside). */
export function labelPoint(g: UnitGeometry): [number, number] {
  const f = { type: 'Feature' as const, geometry: g, properties: {} };
  const c = centerOfMass(f).geometry.coordinates as [number, number];
  if (booleanPointInPolygon(c, f)) return c;
  return pointOnFeature(f).geometry.coordinates as [number, number];
}

export function bboxOf(geoms: readonly (UnitGeometry | null)[]): BBox | null {
  let out: BBox | null = null;
  for (const g of geoms) {
    if (!g) continue;
    const [w, s, e, n] = turfBbox(g) as BBox;
    out = out ? [Math.min(out[0], w), Math.min(out[1], s), Math.max(out[2], e), Math.max(out[3], n)] : [w, s, e, n];
  }
  return out;
}
