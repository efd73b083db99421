// Seeded points inside a municipality, checked against both the full-detail and the
// simplified (published) polygon, after rounding to 5 decimals.
import { bbox, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { AreaGeometry } from './geometry';
import type { Rng } from './prng';

export interface Place {
  lat: number;
  lon: number;
}

const r5 = (x: number): number => Math.round(x * 1e5) / 1e5;

export function inside(p: Place, g: AreaGeometry): boolean {
  return booleanPointInPolygon([p.lon, p.lat], g, { ignoreBoundary: true });
}

/**
 * A point near the polygon's centre (services cluster in the municipal seat) that lies
 * strictly inside both geometries. Falls back to uniform sampling over the bounding box.
 */
export function samplePlace(rng: Rng, full: AreaGeometry, published: AreaGeometry): Place {
  const [minX, minY, maxX, maxY] = bbox(full);
  let [cx, cy] = centerOfMass(full).geometry.coordinates as [number, number];
  if (!inside({ lon: cx, lat: cy }, full))
    [cx, cy] = pointOnFeature(full).geometry.coordinates as [number, number];
  const sx = (maxX - minX) * 0.12;
  const sy = (maxY - minY) * 0.12;
  for (let i = 0; i < 2000; i++) {
    const near = i < 200;
    const p: Place = near
      ? { lon: r5(cx + rng.normal() * sx), lat: r5(cy + rng.normal() * sy) }
      : { lon: r5(minX + rng.next() * (maxX - minX)), lat: r5(minY + rng.next() * (maxY - minY)) };
    if (inside(p, full) && inside(p, published)) return p;
  }
  throw new Error('could not place a point inside the polygon');
}
