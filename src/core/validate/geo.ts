// Rules that need the geometry: services (and unused capacities) whose coordinates lie outside
// the unit they name, and services given only by coordinates, located in the finest unit that
// contains them. A cheap bounding-box test runs before turf's point-in-polygon.
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Service, Unit, UnitGeometry, UnusedCapacity } from '../model';
import { buildPolygonIndex } from '../geo/points';
import type { UnitLevel } from '../keys';
import type { Finding } from './rules';

const LEVEL_RANK: Record<UnitLevel, number> = { settlement: 0, admin_unit: 1, municipality: 2, region: 3, country: 4 };

function makeContains(): (g: UnitGeometry, lon: number, lat: number) => boolean {
  const boxes = new WeakMap<UnitGeometry, number[]>();
  return (g, lon, lat) => {
    let b = boxes.get(g);
    if (!b) {
      b = turfBbox(g);
      boxes.set(g, b);
    }
    const [minX = 0, minY = 0, maxX = 0, maxY = 0] = b;
    if (lon < minX || lon > maxX || lat < minY || lat > maxY) return false;
    return booleanPointInPolygon([lon, lat], g);
  };
}

export interface Located {
  obj: Service;
  unitId: string;
}

export function checkPlaces(
  services: readonly Service[],
  capacities: readonly UnusedCapacity[],
  units: readonly Unit[],
): { findings: Finding[]; located: Located[]; unlocated: Service[] } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const contains = makeContains();
  const findings: Finding[] = [];
  const located: Located[] = [];
  const unlocated: Service[] = [];
  const check = (obj: Service | UnusedCapacity): void => {
    if (obj.lat === null || obj.lon === null || obj.unitId === null) return;
    const g = byId.get(obj.unitId)?.geometry;
    if (g && !contains(g, obj.lon, obj.lat)) findings.push({ obj, code: 'service_outside_unit', params: { unit: obj.unitId } });
  };
  services.forEach(check);
  capacities.forEach(check);

  const toLocate = services.filter((s) => s.unitId === null && s.lat !== null && s.lon !== null);
  if (toLocate.length > 0) {
    const shaped = units.filter((u) => u.geometry !== null).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
    const idx = buildPolygonIndex(shaped.map((u) => ({ id: u.id, geometry: u.geometry })));
    for (const s of toLocate) {
      const k = idx.locate(s.lon ?? NaN, s.lat ?? NaN);
      const id = k >= 0 ? idx.ids[k] : undefined;
      if (id !== undefined) located.push({ obj: s, unitId: id });
      else unlocated.push(s);
    }
  }
  return { findings, located, unlocated };
}
