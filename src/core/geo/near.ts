// The basemap keeps the land around the data: every polygon part whose bounding box meets the
// data's extent grown by a margin. Deciding per part, not per country, matters: a country's
// bounding box can span the world (France has overseas departments, the United States and
// Russia cross the antimeridian), which kept their whole outlines for a map of the Balkans.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from './labels';

/** `extent` grown on every side by `margin` times its width (left, right) and height. */
export function grownExtent(extent: BBox, margin: number): BBox {
  const [w, s, e, n] = extent;
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  return [w - dx, s - dy, e + dx, n + dy];
}

function ringBox(ring: readonly Position[]): BBox {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x = NaN, y = NaN] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

const meets = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * Whether a ring's box meets `box`. A ring wider than half the world crosses the antimeridian
 * (Russia's mainland runs from 27° E to 169° W, drawn with points at both ±180°): its box is
 * taken over longitudes 0…360 instead, where it is narrow.
 */
function ringMeets(ring: readonly Position[], box: BBox): boolean {
  const b = ringBox(ring);
  if (b[2] - b[0] <= 180) return meets(b, box);
  const east = ringBox(ring.map(([x = NaN, y = NaN]) => [x < 0 ? x + 360 : x, y]));
  return meets(east, box) || meets(east, [box[0] + 360, box[1], box[2] + 360, box[3]]);
}

/** Indices of the polygons of a (Multi)Polygon whose outer ring's box meets `box`. */
export function partsMeeting(geometry: Polygon | MultiPolygon, box: BBox): number[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: number[] = [];
  polygons.forEach((rings, i) => {
    const outer = rings[0];
    if (outer && outer.length > 0 && ringMeets(outer, box)) out.push(i);
  });
  return out;
}

/**
 * The polygon parts of `fc` near `extent` (their box meets the extent grown by `margin`); a
 * feature keeps its properties and id and only the parts near, and is dropped when none is.
 * Other geometry types are dropped.
 */
export function partsNear(fc: FeatureCollection, extent: BBox, margin: number): FeatureCollection<Polygon | MultiPolygon> {
  const box = grownExtent(extent, margin);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const keep = partsMeeting(g, box);
    if (keep.length === 0) continue;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon' ? g : keep.length === g.coordinates.length ? g : { type: 'MultiPolygon', coordinates: keep.map((i) => g.coordinates[i] ?? []) };
    features.push({ ...f, geometry });
  }
  return { type: 'FeatureCollection', features };
}
