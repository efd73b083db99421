// Service locations for the embed's services layer, pure: the point given in the data, else the
// label point of the unit it stands in. Closed and planned services are left out.
import type { Dataset } from '../../core/dataset';
import type { Projected } from './project';
import type { ServicePoint } from './SvgMap';

export function servicePoints(ds: Dataset, projected: Projected, regionId: string | null): ServicePoint[] {
  const out: ServicePoint[] = [];
  for (const s of ds.pkg.services) {
    if (s.status === 'closed' || s.status === 'planned') continue;
    if (regionId && (!s.unitId || ds.hierarchy.ancestorAt(s.unitId, 'region')?.id !== regionId)) continue;
    let p: [number, number] | undefined;
    if (s.lat !== null && s.lon !== null) p = projected.project(s.lon, s.lat);
    else if (s.unitId) p = projected.points.get(s.unitId);
    if (p) out.push({ id: s.id, x: Math.round(p[0] * 10) / 10, y: Math.round(p[1] * 10) / 10 });
  }
  return out;
}
