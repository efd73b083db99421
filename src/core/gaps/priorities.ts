// Priorities per (region, service, category) by the manual's selection criteria. Every
// component is in [0, 1] and exposed; the score is their weighted mean × 100.
//
//   size          need / largest need among the rows ranked ("problems of large size")
//   unmet         ½ · gap / largest gap + ½ · gap / need ("unmet needs")
//   vulnerability r / (1 + r), r = the region's rate of the category per 1,000 population over
//                 the national rate (0.5 = national level); 0.5 when population or counts are
//                 missing (inputs.vulnerabilityKnown = false)
//   feasibility   ½ · min(1, unused capacities in the region / 2)
//                 + ½ · min(1, surplus / gap), surplus = spare supply (supply − need > 0) for the
//                 same service and category in the region's units and in units next to its
//                 deficit units ("optimal use of existing resources, inter-municipal cooperation")
//   innovation    1 for categories of marginalised / "invisible" groups or the service `other`
import type { DataPackage } from '../model';
import type { Adjacency } from '../geo/adjacency';
import { treeOf, latestCounts } from './tree';
import type { GapResult, GapRow } from './types';

export interface PriorityWeights {
  size: number;
  unmet: number;
  vulnerability: number;
  feasibility: number;
  innovation: number;
}

export const DEFAULT_PRIORITY_WEIGHTS: Readonly<PriorityWeights> = { size: 0.2, unmet: 0.35, vulnerability: 0.2, feasibility: 0.15, innovation: 0.1 };

export const INNOVATION_CATEGORIES: readonly string[] = ['marginalised', 'roma_egyptian', 'homeless', 'addictions', 'lgbtiq', 'trafficking_victims'];

export interface PriorityOptions {
  weights?: Partial<PriorityWeights>;
  /** Rank only this region's rows (normalisation is then within the region). */
  regionId?: string;
  /** Neighbours of the leaf units, for neighbouring surplus. */
  adjacency?: Adjacency | ReadonlyMap<string, readonly string[]>;
}

export interface Priority {
  rank: number;
  regionId: string;
  regionName: string;
  service: string;
  category: string;
  /** 0–100. */
  score: number;
  components: PriorityWeights;
  inputs: {
    need: number;
    gap: number;
    coverage: number | null;
    desertUnits: number;
    count: number | null;
    population: number | null;
    ratePer1000: number | null;
    nationalRatePer1000: number | null;
    vulnerabilityKnown: boolean;
    capacities: number;
    surplus: number;
  };
}

const neighboursOf = (adj: PriorityOptions['adjacency'], id: string): readonly string[] => {
  if (!adj) return [];
  if ('neighbours' in adj && adj.neighbours instanceof Map) return adj.neighbours.get(id) ?? [];
  return (adj as ReadonlyMap<string, readonly string[]>).get(id) ?? [];
};

export function prioritise(pkg: DataPackage, result: GapResult, opts: PriorityOptions = {}): Priority[] {
  const w: PriorityWeights = { ...DEFAULT_PRIORITY_WEIGHTS, ...opts.weights };
  const wSum = w.size + w.unmet + w.vulnerability + w.feasibility + w.innovation;
  let rows = result.regionRows().filter((r) => r.need > 0);
  if (opts.regionId) rows = rows.filter((r) => r.unitId === opts.regionId);
  if (rows.length === 0) return [];

  // population per leaf; counts per leaf and category from the unit rows
  const tree = treeOf(pkg.units);
  const pop = latestCounts(tree, pkg.observations, new Set(['population']), []).get('population');
  const unitRows = result.unitRows();
  const byPair = new Map<string, GapRow[]>();
  const byRegionPair = new Map<string, GapRow[]>();
  const rate = new Map<string, { count: number; pop: number }>(); // `${region}\0${cat}` and `\0${cat}` for national
  const seenCat = new Set<string>();
  for (const r of unitRows) {
    const pk = `${r.service}\u0000${r.category}`;
    const list = byPair.get(pk);
    if (list) list.push(r);
    else byPair.set(pk, [r]);
    const rk = `${r.regionId ?? ''}\u0000${pk}`;
    const rl = byRegionPair.get(rk);
    if (rl) rl.push(r);
    else byRegionPair.set(rk, [r]);
    const ck = `${r.unitId}\u0000${r.category}`;
    if (seenCat.has(ck)) continue;
    seenCat.add(ck);
    const i = tree.index.get(r.unitId);
    const p = i !== undefined && pop?.has[i] ? (pop.value[i] ?? 0) : null;
    if (r.count === null || p === null || p <= 0) continue;
    for (const key of [`${r.regionId ?? ''}\u0000${r.category}`, `\u0000${r.category}`]) {
      const acc = rate.get(key) ?? { count: 0, pop: 0 };
      acc.count += r.count;
      acc.pop += p;
      rate.set(key, acc);
    }
  }
  const capsByRegion = new Map<string, number>();
  for (const c of pkg.capacities) {
    const reg = result.regionOf(c.unitId);
    if (reg) capsByRegion.set(reg, (capsByRegion.get(reg) ?? 0) + 1);
  }

  const maxNeed = rows.reduce((m, r) => Math.max(m, r.need), 0);
  const maxGap = rows.reduce((m, r) => Math.max(m, r.gap), 0);
  const rowIndex = new Map<string, Map<string, GapRow>>();
  const rowsOfPair = (pk: string): Map<string, GapRow> => {
    let m = rowIndex.get(pk);
    if (!m) rowIndex.set(pk, (m = new Map((byPair.get(pk) ?? []).map((u) => [u.unitId, u]))));
    return m;
  };
  const out: Priority[] = rows.map((r) => {
    const pk = `${r.service}\u0000${r.category}`;
    const members = byRegionPair.get(`${r.unitId}\u0000${pk}`) ?? [];
    const spare = (u: GapRow) => (u.supply > u.need ? u.supply - u.need : 0);
    let surplus = 0;
    const counted = new Set<string>();
    for (const u of members) {
      surplus += spare(u);
      counted.add(u.unitId);
    }
    if (opts.adjacency) {
      const rowOf = rowsOfPair(pk);
      for (const u of members) {
        if (u.gap <= 0) continue;
        for (const nb of neighboursOf(opts.adjacency, u.unitId)) {
          if (counted.has(nb)) continue;
          counted.add(nb);
          const v = rowOf.get(nb);
          if (v) surplus += spare(v);
        }
      }
    }
    const reg = rate.get(`${r.unitId}\u0000${r.category}`);
    const nat = rate.get(`\u0000${r.category}`);
    const regRate = reg && reg.pop > 0 ? (reg.count / reg.pop) * 1000 : null;
    const natRate = nat && nat.pop > 0 ? (nat.count / nat.pop) * 1000 : null;
    const known = regRate !== null && natRate !== null && natRate > 0;
    const ratio = known ? regRate / natRate : 1;
    const capacities = capsByRegion.get(r.unitId) ?? 0;
    const components: PriorityWeights = {
      size: maxNeed > 0 ? r.need / maxNeed : 0,
      unmet: 0.5 * (maxGap > 0 ? r.gap / maxGap : 0) + 0.5 * (r.need > 0 ? r.gap / r.need : 0),
      vulnerability: ratio / (1 + ratio),
      feasibility: 0.5 * Math.min(1, capacities / 2) + 0.5 * (r.gap > 0 ? Math.min(1, surplus / r.gap) : 0),
      innovation: INNOVATION_CATEGORIES.includes(r.category) || r.service === 'other' ? 1 : 0,
    };
    const score =
      wSum > 0
        ? (100 *
            (w.size * components.size +
              w.unmet * components.unmet +
              w.vulnerability * components.vulnerability +
              w.feasibility * components.feasibility +
              w.innovation * components.innovation)) /
          wSum
        : 0;
    return {
      rank: 0,
      regionId: r.unitId,
      regionName: r.unitName,
      service: r.service,
      category: r.category,
      score,
      components,
      inputs: {
        need: r.need,
        gap: r.gap,
        coverage: r.coverage,
        desertUnits: r.desertUnits,
        count: r.count,
        population: reg ? reg.pop : null,
        ratePer1000: regRate,
        nationalRatePer1000: natRate,
        vulnerabilityKnown: known,
        capacities,
        surplus,
      },
    };
  });
  out.sort(
    (a, b) =>
      b.score - a.score ||
      b.inputs.gap - a.inputs.gap ||
      a.regionId.localeCompare(b.regionId) ||
      a.service.localeCompare(b.service) ||
      a.category.localeCompare(b.category),
  );
  out.forEach((p, i) => (p.rank = i + 1));
  return out;
}
