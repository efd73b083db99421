// Topology-preserving geometry for the units: the source polygons become one TopoJSON topology
// (shared borders = shared arcs), are simplified on the arcs (Visvalingam, topojson-simplify),
// then groups of source polygons are merged on those arcs (topojson-client merge) into
// municipalities, regions and the country. Neighbours therefore keep identical borders: no gaps
// and no overlaps, whatever the tolerance. Output: 5-decimal WGS84, RFC 7946 winding.
import { rewind } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { merge, neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';
import type { NeFeature } from './source';

export type AreaGeometry = Polygon | MultiPolygon;

type Topo = Topology<Objects<Record<string, unknown>>>;

export interface SourceTopology {
  topo: Topo;
  geometries: GeometryObject[];
}

export function toTopology(features: readonly NeFeature[]): SourceTopology {
  const fc: FeatureCollection<AreaGeometry> = {
    type: 'FeatureCollection',
    features: [...features],
  };
  const topo = topology({ src: fc }) as Topo;
  const src = topo.objects['src'] as GeometryCollection;
  return { topo, geometries: src.geometries };
}

/** Visvalingam simplification on the shared arcs; minWeight is a triangle area in degrees². */
export function simplifyTopology(st: SourceTopology, minWeight: number): SourceTopology {
  const topo = simplify(presimplify(st.topo), minWeight);
  const src = topo.objects['src'] as GeometryCollection;
  return { topo, geometries: src.geometries };
}

/** Union of some source polygons, by index, merged on their shared arcs. */
export function mergeParts(st: SourceTopology, indexes: readonly number[]): MultiPolygon {
  const parts = indexes.map((i) => {
    const g = st.geometries[i];
    if (g === undefined) throw new Error(`no source geometry #${i}`);
    return g;
  });
  return merge(st.topo, parts as never[]);
}

/** For each source polygon, the indexes of the polygons it shares a border with. */
export function sourceNeighbours(st: SourceTopology): number[][] {
  return neighbors(st.geometries as never[]);
}

const round5 = (x: number): number => {
  const r = Math.round(x * 1e5) / 1e5;
  return Object.is(r, -0) ? 0 : r;
};

function roundRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [round5(p[0] ?? NaN), round5(p[1] ?? NaN)];
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length < 4)
    throw new Error(`ring collapsed to ${out.length} positions after rounding/simplification`);
  return out;
}

/**
 * Final form of a merged geometry: coordinates rounded to 5 decimals (repeated points dropped),
 * Polygon when there is one part, exterior rings counter-clockwise and holes clockwise (RFC 7946).
 */
export function finish(g: MultiPolygon): AreaGeometry {
  const polys = g.coordinates.map((poly) => poly.map(roundRing));
  const geom: AreaGeometry =
    polys.length === 1 && polys[0] !== undefined
      ? { type: 'Polygon', coordinates: polys[0] }
      : { type: 'MultiPolygon', coordinates: polys };
  return rewind(geom, { reverse: false }) as AreaGeometry;
}

/** Unrounded union in plain GeoJSON (for areas and point-in-polygon checks on full detail). */
export function plain(g: MultiPolygon): AreaGeometry {
  if (g.coordinates.length === 1 && g.coordinates[0] !== undefined)
    return { type: 'Polygon', coordinates: g.coordinates[0] };
  return g;
}

/** Count positions of a geometry (for reporting). */
export function countPositions(g: AreaGeometry | null): number {
  if (g === null) return 0;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
}
