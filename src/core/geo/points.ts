// Point-in-polygon assignment accelerated with a Flatbush index over polygon bounding boxes:
// each point is tested only against the few polygons whose box contains it.
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { flattenPolygon, pointInFlat, type FlatPolygon } from './flat';

export interface PolygonInput {
  id: string;
  geometry: Polygon | MultiPolygon | null;
}

export interface PointInput {
  lon: number;
  lat: number;
}

export interface PolygonIndex {
  /** Input position of the polygon containing (lon, lat), the lowest such position, or -1. */
  locate(lon: number, lat: number): number;
  readonly ids: readonly string[];
  readonly flats: readonly (FlatPolygon | null)[];
}

export function buildPolygonIndex(polygons: readonly PolygonInput[]): PolygonIndex {
  const flats = polygons.map((p) => flattenPolygon(p.geometry));
  const usable: number[] = [];
  flats.forEach((f, i) => {
    if (f) usable.push(i);
  });
  const ids = polygons.map((p) => p.id);
  if (usable.length === 0) return { locate: () => -1, ids, flats };
  const index = new Flatbush(usable.length);
  for (const i of usable) {
    const f = flats[i];
    if (f) index.add(f.minX, f.minY, f.maxX, f.maxY);
  }
  index.finish();
  const locate = (lon: number, lat: number): number => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
    const hits = index.search(lon, lat, lon, lat);
    let best = -1;
    for (const h of hits) {
      const i = usable[h] ?? -1;
      if (i < 0 || (best >= 0 && i > best)) continue;
      const f = flats[i];
      if (f && pointInFlat(f, lon, lat)) best = i;
    }
    return best;
  };
  return { locate, ids, flats };
}

/**
 * The id of the polygon that contains each point (null when none does, or the point has no
 * finite coordinates). Where polygons overlap, the one given first wins.
 */
export function assignPoints(points: readonly PointInput[], polygons: readonly PolygonInput[]): (string | null)[] {
  const idx = buildPolygonIndex(polygons);
  const out: (string | null)[] = new Array<string | null>(points.length);
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const k = p ? idx.locate(p.lon, p.lat) : -1;
    out[i] = k >= 0 ? (idx.ids[k] ?? null) : null;
  }
  return out;
}
