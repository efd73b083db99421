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

/** How wide (px) the median unit must be on screen before the units' outlines are drawn. */
export const OUTLINE_MIN_PX = 12;

/**
 * The zoom from which unit outlines are drawn: where the median unit's width reaches
 * OUTLINE_MIN_PX (web mercator, 512 px for 360° at zoom 0; a longitude span has the same
 * width at every latitude). Below it a border takes a large share of each unit's ink, and with
 * 10,000 units its vertices take most of a frame under software WebGL. 0 when there is no width.
 */
export function outlineMinZoom(geoms: readonly (UnitGeometry | null)[]): number {
  const widths: number[] = [];
  for (const g of geoms) {
    if (!g) continue;
    const [w, , e] = turfBbox(g);
    if (e !== undefined && w !== undefined && e > w) widths.push(e - w);
  }
  if (widths.length === 0) return 0;
  widths.sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)] ?? 0;
  const z = Math.log2((OUTLINE_MIN_PX * 360) / (512 * median));
  return Math.min(22, Math.max(0, Math.round(z * 10) / 10));
}
