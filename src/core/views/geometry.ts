// Geometry for the map, built once per data set: the mapped units, region outlines (a region
// without geometry is the union of its children), label points and extents.
import { union } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../dataset';
import { bboxOf, labelPoint, outlineMinZoom, type BBox } from '../geo/labels';
import { coverageOutline } from '../geo/outline';
import type { Unit, UnitGeometry } from '../model';

export interface MapGeometryModel {
  units: FeatureCollection<Geometry, { unit_id: string }>;
  regions: FeatureCollection<Geometry, { unit_id: string }>;
  labelPoints: Map<string, [number, number]>;
  regionLabels: { id: string; point: [number, number] }[];
  bounds: BBox | null;
  regionBounds: Map<string, BBox>;
  /** The zoom from which unit outlines are drawn (see outlineMinZoom). */
  outlineMinZoom: number;
}

function dissolve(geoms: UnitGeometry[]): UnitGeometry | null {
  if (geoms.length === 0) return null;
  if (geoms.length === 1) return geoms[0] ?? null;
  try {
    const fc: FeatureCollection<Polygon | MultiPolygon> = {
      type: 'FeatureCollection',
      features: geoms.map((g) => ({ type: 'Feature', geometry: g, properties: {} })),
    };
    return union(fc)?.geometry ?? null;
  } catch {
    return null;
  }
}

/** The label point of the member closest to the mean of the members' label points. */
function middleMember(members: readonly Unit[], points: ReadonlyMap<string, [number, number]>): [number, number] | null {
  const pts = members.map((m) => points.get(m.id)).filter((p): p is [number, number] => p !== undefined);
  if (pts.length === 0) return null;
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let best = pts[0] ?? null;
  let d = Infinity;
  for (const p of pts) {
    const dd = (p[0] - mx) ** 2 + (p[1] - my) ** 2;
    if (dd < d) [best, d] = [p, dd];
  }
  return best;
}

// Geometry depends on the units only: a dataset that keeps its units (an import of indicator
// rows keeps the base's hierarchy) keeps its map geometry, and the map is not rebuilt.
const built = new WeakMap<Dataset['hierarchy'], { ds: Pick<Dataset, 'mapLevel' | 'regions'>; g: MapGeometryModel }>();

/** The map geometry of `ds`, built once per hierarchy (and map level and regions). */
export function buildMapGeometry(ds: Dataset): MapGeometryModel {
  const hit = built.get(ds.hierarchy);
  if (hit && hit.ds.mapLevel === ds.mapLevel && hit.ds.regions === ds.regions) return hit.g;
  const g = computeMapGeometry(ds);
  built.set(ds.hierarchy, { ds: { mapLevel: ds.mapLevel, regions: ds.regions }, g });
  return g;
}

function computeMapGeometry(ds: Dataset): MapGeometryModel {
  const h = ds.hierarchy;
  const mapped = ds.mapLevel ? h.atLevel(ds.mapLevel).filter((u) => u.geometry) : [];
  const labelPoints = new Map<string, [number, number]>();
  const unitFeatures: Feature<Geometry, { unit_id: string }>[] = mapped.map((u) => {
    labelPoints.set(u.id, labelPoint(u.geometry as UnitGeometry));
    return { type: 'Feature', geometry: u.geometry as UnitGeometry, properties: { unit_id: u.id } };
  });
  const regionFeatures: Feature<Geometry, { unit_id: string }>[] = [];
  const regionLabels: { id: string; point: [number, number] }[] = [];
  const regionBounds = new Map<string, BBox>();
  const byRegion = new Map<string, Unit[]>();
  for (const u of mapped) {
    const rid = h.ancestorAt(u.id, 'region')?.id;
    if (rid === undefined) continue;
    const list = byRegion.get(rid);
    if (list) list.push(u);
    else byRegion.set(rid, [u]);
  }
  for (const r of ds.regions) {
    const members = byRegion.get(r.id) ?? [];
    const b = bboxOf(members.length ? members.map((m) => m.geometry) : [r.geometry]);
    if (b) regionBounds.set(r.id, b);
    // a region without its own shape is drawn as the outline of its members: edges shared by
    // two members cancel (fast); a polygon union only where borders do not match vertex-wise
    const geoms = members.map((m) => m.geometry as UnitGeometry);
    const outline = r.geometry || geoms.length < 2 ? null : coverageOutline(geoms);
    const geom: Geometry | null = r.geometry ?? outline ?? dissolve(geoms);
    if (!geom) continue;
    regionFeatures.push({ type: 'Feature', geometry: geom, properties: { unit_id: r.id } });
    const point = geom.type === 'Polygon' || geom.type === 'MultiPolygon' ? labelPoint(geom) : middleMember(members, labelPoints);
    if (point) regionLabels.push({ id: r.id, point });
  }
  return {
    units: { type: 'FeatureCollection', features: unitFeatures },
    regions: { type: 'FeatureCollection', features: regionFeatures },
    labelPoints,
    regionLabels,
    bounds: bboxOf(mapped.map((u) => u.geometry)),
    regionBounds,
    outlineMinZoom: outlineMinZoom(mapped.map((u) => u.geometry)),
  };
}
