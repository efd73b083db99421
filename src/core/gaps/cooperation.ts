// Inter-municipal cooperation suggestions from adjacency (shared borders) and the gap rows.
//
// (a) spare_neighbour → co_financing: a unit with a gap next to a unit with spare supply
//     (supply > need) for the same service and category: the deficit unit co-finances places in
//     its neighbour's service. `transferable` = min(gap, surplus); one surplus may be offered to
//     several neighbours (each suggestion says how much it could take at most).
// (b) joint_service → inter_municipal: adjacent units, each with a gap below the threshold (too
//     small for a service of its own), whose combined gap reaches it. Threshold: the median
//     known capacity of active services of that kind in the package, else 10 places (or the
//     option). Groups grow greedily from the largest gap through shared borders.
// (c) unused_capacity: an unused capacity (Form 1, 4.2) in a unit with a gap or next to one;
//     the `perCapacity` largest gaps (default 3), its own unit first on equal gaps.
import type { DataPackage } from '../model';
import type { Adjacency } from '../geo/adjacency';
import { makeResolver } from './catchment';
import { treeOf } from './tree';
import { isActiveStatus, type GapResult, type GapRow } from './types';

export type CooperationMode = 'inter_municipal' | 'co_financing' | 'unused_capacity';
export type CooperationKind = 'spare_neighbour' | 'joint_service' | 'unused_capacity';

export interface CooperationSuggestion {
  kind: CooperationKind;
  mode: CooperationMode;
  /** Deficit unit(s) first; for spare_neighbour the provider unit last. */
  units: string[];
  regionIds: string[];
  crossRegion: boolean;
  service: string;
  category: string;
  /** Total gap of the deficit unit(s). */
  gap: number;
  surplus?: number;
  transferable?: number;
  threshold?: number;
  capacityId?: string;
  capacityKind?: string;
  capacityDescription?: string;
}

export interface CooperationOptions {
  /** Places that justify one joint service: a number, or per service key. */
  jointThreshold?: number | ((service: string) => number);
  /** Suggestions per unused capacity (default 3). */
  perCapacity?: number;
  /** Keep suggestions touching this region only. */
  regionId?: string;
}

type Neighbours = Adjacency | ReadonlyMap<string, readonly string[]>;
const nbOf = (adj: Neighbours, id: string): readonly string[] =>
  'neighbours' in adj && adj.neighbours instanceof Map ? (adj.neighbours.get(id) ?? []) : ((adj as ReadonlyMap<string, readonly string[]>).get(id) ?? []);

const EPS = 1e-9;

/** Median known capacity of active services of each kind. */
export function typicalCapacities(pkg: DataPackage): Map<string, number> {
  const by = new Map<string, number[]>();
  for (const s of pkg.services) {
    if (!isActiveStatus(s.status) || s.capacity === null || !(s.capacity > 0)) continue;
    const l = by.get(s.service);
    if (l) l.push(s.capacity);
    else by.set(s.service, [s.capacity]);
  }
  const out = new Map<string, number>();
  for (const [k, l] of by) {
    l.sort((a, b) => a - b);
    const m = l.length >> 1;
    out.set(k, l.length % 2 ? (l[m] ?? 0) : ((l[m - 1] ?? 0) + (l[m] ?? 0)) / 2);
  }
  return out;
}

export function suggestCooperation(pkg: DataPackage, result: GapResult, adjacency: Neighbours, opts: CooperationOptions = {}): CooperationSuggestion[] {
  const byPair = new Map<string, Map<string, GapRow>>();
  for (const r of result.unitRows()) {
    const k = `${r.service}\u0000${r.category}`;
    let m = byPair.get(k);
    if (!m) byPair.set(k, (m = new Map()));
    m.set(r.unitId, r);
  }
  const typical = typicalCapacities(pkg);
  const thresholdOf = (service: string): number => {
    const t = opts.jointThreshold;
    if (typeof t === 'number') return t;
    if (typeof t === 'function') return t(service);
    return typical.get(service) ?? 10;
  };
  const regions = (units: string[]) => [...new Set(units.map((u) => result.regionOf(u) ?? ''))].filter(Boolean);
  const make = (s: Omit<CooperationSuggestion, 'regionIds' | 'crossRegion'>): CooperationSuggestion => {
    const regionIds = regions(s.units);
    return { ...s, regionIds, crossRegion: regionIds.length > 1 };
  };
  const spare: CooperationSuggestion[] = [];
  const joint: CooperationSuggestion[] = [];

  for (const rows of byPair.values()) {
    // (a)
    for (const u of rows.values()) {
      if (u.gap <= EPS) continue;
      for (const nb of nbOf(adjacency, u.unitId)) {
        const v = rows.get(nb);
        const surplus = v ? v.supply - v.need : 0;
        if (!v || surplus <= EPS) continue;
        spare.push(make({ kind: 'spare_neighbour', mode: 'co_financing', units: [u.unitId, v.unitId], service: u.service, category: u.category, gap: u.gap, surplus, transferable: Math.min(u.gap, surplus) }));
      }
    }
    // (b)
    const first = rows.values().next().value;
    if (!first) continue;
    const threshold = thresholdOf(first.service);
    const small = [...rows.values()].filter((r) => r.gap > EPS && r.gap < threshold).sort((a, b) => b.gap - a.gap || a.unitId.localeCompare(b.unitId));
    const used = new Set<string>();
    const isSmall = new Set(small.map((r) => r.unitId));
    for (const seed of small) {
      if (used.has(seed.unitId)) continue;
      const group = [seed];
      const inGroup = new Set([seed.unitId]);
      let total = seed.gap;
      while (total < threshold) {
        let best: GapRow | null = null;
        for (const g of group)
          for (const nb of nbOf(adjacency, g.unitId)) {
            if (inGroup.has(nb) || used.has(nb) || !isSmall.has(nb)) continue;
            const r = rows.get(nb);
            if (r && (!best || r.gap > best.gap || (r.gap === best.gap && r.unitId < best.unitId))) best = r;
          }
        if (!best) break;
        group.push(best);
        inGroup.add(best.unitId);
        total += best.gap;
      }
      if (group.length > 1 && total >= threshold) {
        for (const g of group) used.add(g.unitId);
        joint.push(make({ kind: 'joint_service', mode: 'inter_municipal', units: group.map((g) => g.unitId), service: seed.service, category: seed.category, gap: total, threshold }));
      }
    }
  }

  // (c)
  const unused: CooperationSuggestion[] = [];
  const tree = treeOf(pkg.units);
  const leafPos = new Int32Array(tree.ids.length).fill(-1);
  result.unitIds.forEach((id, p) => {
    const i = tree.index.get(id);
    if (i !== undefined) leafPos[i] = p;
  });
  const resolve = makeResolver(tree, leafPos);
  const per = opts.perCapacity ?? 3;
  for (const c of pkg.capacities) {
    const own = (resolve(c.unitId) ?? []).map((p) => result.unitIds[p] ?? '');
    const ownSet = new Set(own);
    const near = new Set<string>();
    for (const u of own) for (const nb of nbOf(adjacency, u)) if (!ownSet.has(nb)) near.add(nb);
    const cands: GapRow[] = [];
    for (const rows of byPair.values())
      for (const u of [...own, ...near]) {
        const r = rows.get(u);
        if (r && r.gap > EPS) cands.push(r);
      }
    cands.sort((a, b) => b.gap - a.gap || Number(ownSet.has(b.unitId)) - Number(ownSet.has(a.unitId)) || a.unitId.localeCompare(b.unitId));
    for (const r of cands.slice(0, per))
      unused.push(
        make({
          kind: 'unused_capacity', mode: 'unused_capacity', units: ownSet.has(r.unitId) ? [r.unitId] : [r.unitId, ...own],
          service: r.service, category: r.category, gap: r.gap, capacityId: c.id, capacityKind: c.kind, capacityDescription: c.description,
        }),
      );
  }

  const byGap = (a: CooperationSuggestion, b: CooperationSuggestion) =>
    b.gap - a.gap || a.service.localeCompare(b.service) || a.category.localeCompare(b.category) || a.units.join().localeCompare(b.units.join());
  spare.sort((a, b) => (b.transferable ?? 0) - (a.transferable ?? 0) || byGap(a, b));
  joint.sort(byGap);
  let all = [...spare, ...joint, ...unused];
  if (opts.regionId) all = all.filter((s) => s.regionIds.includes(opts.regionId ?? ''));
  return all;
}
