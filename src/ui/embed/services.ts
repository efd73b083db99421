// Service locations for the embed's services layer, pure: the point given in the data, else the
// label point of the unit it stands in, coloured by service group as in the services view.
// Closed and planned services are left out.
import type { Dataset } from '../../core/dataset';
import type { ServiceGroup } from '../../core/keys';
import { GROUP_COLORS, groupOf } from '../../core/views/services';
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
    const group = groupOf(s.service);
    if (p) out.push({ id: s.id, x: Math.round(p[0] * 10) / 10, y: Math.round(p[1] * 10) / 10, group, color: GROUP_COLORS[group] });
  }
  return out;
}

/** Groups present among the points, with counts, in the contract's order. */
export function groupCounts(points: readonly ServicePoint[]): { group: ServiceGroup; color: string; count: number }[] {
  const counts = new Map<ServiceGroup, number>();
  for (const p of points) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
  return (Object.keys(GROUP_COLORS) as ServiceGroup[]).filter((g) => counts.has(g)).map((g) => ({ group: g, color: GROUP_COLORS[g], count: counts.get(g) ?? 0 }));
}
