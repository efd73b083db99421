// Geometry for the map, built once per data set: the mapped units, region outlines (a region
// without geometry is the union of its children), label points and extents.
import { union } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../dataset';
import { bboxOf, labelPoint, type BBox } from '../geo/labels';
import type { UnitGeometry } from '../model';

export interface MapGeometryModel {
  units: FeatureCollection<Geometry, { unit_id: string }>;
  regions: FeatureCollection<Geometry, { unit_id: string }>;
  labelPoints: Map<string, [number, number]>;
  regionLabels: { id: string; point: [number, number] }[];
  bounds: BBox | null;
  regionBounds: Map<string, BBox>;
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

export function buildMapGeometry(ds: Dataset): MapGeometryModel {
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
  for (const r of ds.regions) {
    const members = mapped.filter((u) => h.ancestorAt(u.id, 'region')?.id === r.id);
    const geom = r.geometry ?? dissolve(members.map((m) => m.geometry as UnitGeometry));
    const b = bboxOf(members.length ? members.map((m) => m.geometry) : [r.geometry]);
    if (b) regionBounds.set(r.id, b);
    if (!geom) continue;
    regionFeatures.push({ type: 'Feature', geometry: geom, properties: { unit_id: r.id } });
    regionLabels.push({ id: r.id, point: labelPoint(geom) });
  }
  return {
    units: { type: 'FeatureCollection', features: unitFeatures },
    regions: { type: 'FeatureCollection', features: regionFeatures },
    labelPoints,
    regionLabels,
    bounds: bboxOf(mapped.map((u) => u.geometry)),
    regionBounds,
  };
}
