// Roll-up of leaf results to every ancestor, and the GapResult facade with rows built lazily
// from typed arrays (so the engine itself stays allocation-light).
import type { UnitTree, CountTable } from './tree';
import type { DistanceOptions, GapResult, GapRow, GapWarning, NormPair, RowLevel, ServiceLoad } from './types';

export interface EngineData {
  tree: UnitTree;
  leaves: number[];
  aggs: number[];
  pairs: NormPair[];
  cats: string[];
  catOfPair: Int32Array;
  keyOfPair: Int32Array;
  keys: string[];
  defaultNorms: boolean;
  aggStart: Int32Array;
  aggList: Int32Array;
  leaf: {
    count: Float64Array;
    has: Uint8Array;
    need: Float64Array;
    supply: Float64Array;
    active: Int32Array;
    planned: Int32Array;
    unknown: Uint8Array;
    nearest: Float64Array | null;
  };
  agg: { active: Int32Array; planned: Int32Array };
  loads: () => Map<string, ServiceLoad>;
  warnings: GapWarning[];
  distance: DistanceOptions | null;
}

/** Gap of one unit row: need − supply, with float noise below 1e-9 (relative) treated as 0. */
export const unitGap = (need: number, supply: number): number => {
  const g = need - supply;
  return g > 1e-9 * Math.max(1, need) ? g : 0;
};

export function makeResult(d: EngineData, counts: Map<string, CountTable>): GapResult {
  const { tree, leaves, aggs, pairs, cats } = d;
  const L = leaves.length;
  const A = aggs.length;
  const P = pairs.length;
  const C = cats.length;
  const lf = d.leaf;

  // roll-up
  const aNeed = new Float64Array(A * P);
  const aSupply = new Float64Array(A * P);
  const aGap = new Float64Array(A * P);
  const aDesert = new Int32Array(A * P);
  const aUnknown = new Uint8Array(A * P);
  const aCount = new Float64Array(A * C);
  const aMissing = new Int32Array(A * C);
  const aMembers = new Int32Array(A);
  const { aggStart, aggList } = d;
  for (let lp = 0; lp < L; lp++) {
    const a0 = aggStart[lp] ?? 0;
    const a1 = aggStart[lp + 1] ?? 0;
    for (let ai = a0; ai < a1; ai++) {
      const a = aggList[ai] ?? 0;
      aMembers[a] = (aMembers[a] ?? 0) + 1;
    }
    for (let p = 0; p < P; p++) {
      const k = lp * P + p;
      const need = lf.need[k] ?? 0;
      const supply = lf.supply[k] ?? 0;
      const gap = unitGap(need, supply);
      const desert = need > 0 && (lf.active[k] ?? 0) === 0 ? 1 : 0;
      const unk = lf.unknown[k] ?? 0;
      for (let ai = a0; ai < a1; ai++) {
        const ak = (aggList[ai] ?? 0) * P + p;
        aNeed[ak] = (aNeed[ak] ?? 0) + need;
        aSupply[ak] = (aSupply[ak] ?? 0) + supply;
        aGap[ak] = (aGap[ak] ?? 0) + gap;
        aDesert[ak] = (aDesert[ak] ?? 0) + desert;
        if (unk) aUnknown[ak] = 1;
      }
    }
    for (let c = 0; c < C; c++) {
      const known = lf.has[lp * C + c] ?? 0;
      const v = lf.count[lp * C + c] ?? 0;
      for (let ai = a0; ai < a1; ai++) {
        const ac = (aggList[ai] ?? 0) * C + c;
        if (known) aCount[ac] = (aCount[ac] ?? 0) + v;
        else aMissing[ac] = (aMissing[ac] ?? 0) + 1;
      }
    }
  }
  // an ancestor's own figure that disagrees with the sum of its units is shown, not hidden
  aggs.forEach((i, a) => {
    cats.forEach((c, ci) => {
      const own = counts.get(c);
      if (!own?.has[i] || aMissing[a * C + ci]) return;
      const ov = own.value[i] ?? 0;
      const sum = aCount[a * C + ci] ?? 0;
      if (Math.abs(ov - sum) > Math.max(1, 0.01 * Math.abs(ov)))
        d.warnings.push({ code: 'count_mismatch', unitId: tree.ids[i], indicator: c, detail: `${c} for ${tree.ids[i]}: own figure ${ov}, sum of its units ${sum}` });
    });
  });

  const leafOf = new Map<string, number>();
  leaves.forEach((i, lp) => leafOf.set(tree.ids[i] ?? '', lp));
  const aggOf = new Map<string, number>();
  aggs.forEach((i, a) => aggOf.set(tree.ids[i] ?? '', a));
  const pairOf = new Map<string, number>();
  pairs.forEach((p, i) => pairOf.set(`${p.service}\u0000${p.category}`, i));
  const K = d.keys.length;
  const regionId = (i: number): string | null => {
    const r = tree.regionOf[i] ?? -1;
    return r >= 0 ? (tree.ids[r] ?? null) : null;
  };

  const leafRow = (lp: number, p: number): GapRow => {
    const i = leaves[lp] ?? 0;
    const u = tree.units[i];
    const pair = pairs[p];
    const k = lp * P + p;
    const ck = lp * C + (d.catOfPair[p] ?? 0);
    const need = lf.need[k] ?? 0;
    const supply = lf.supply[k] ?? 0;
    const known = (lf.has[ck] ?? 0) === 1;
    const act = lf.active[k] ?? 0;
    const near = lf.nearest ? (lf.nearest[lp * K + (d.keyOfPair[p] ?? 0)] ?? Number.NaN) : Number.NaN;
    const desert = need > 0 && act === 0;
    return {
      regionId: regionId(i),
      unitId: tree.ids[i] ?? '',
      unitName: u?.name ?? '',
      level: 'unit',
      unitLevel: u?.level ?? 'municipality',
      service: pair?.service ?? '',
      category: pair?.category ?? '',
      count: known ? (lf.count[ck] ?? 0) : null,
      needKnown: known,
      missingUnits: known ? 0 : 1,
      need,
      supply,
      coverage: need > 0 ? supply / need : null,
      gap: unitGap(need, supply),
      desert,
      desertUnits: desert ? 1 : 0,
      capacityUnknown: (lf.unknown[k] ?? 0) === 1,
      active: act,
      planned: lf.planned[k] ?? 0,
      nearestKm: Number.isFinite(near) ? near : null,
    };
  };
  const aggRow = (a: number, p: number): GapRow => {
    const i = aggs[a] ?? 0;
    const u = tree.units[i];
    const pair = pairs[p];
    const k = a * P + p;
    const ck = a * C + (d.catOfPair[p] ?? 0);
    const need = aNeed[k] ?? 0;
    const supply = aSupply[k] ?? 0;
    const missing = aMissing[ck] ?? 0;
    const level: RowLevel = u?.level === 'region' ? 'region' : 'aggregate';
    const allMissing = missing > 0 && missing === (aMembers[a] ?? 0);
    return {
      regionId: regionId(i),
      unitId: tree.ids[i] ?? '',
      unitName: u?.name ?? '',
      level,
      unitLevel: u?.level ?? 'region',
      service: pair?.service ?? '',
      category: pair?.category ?? '',
      count: allMissing ? null : (aCount[ck] ?? 0),
      needKnown: missing === 0,
      missingUnits: missing,
      need,
      supply,
      coverage: need > 0 ? supply / need : null,
      gap: aGap[k] ?? 0,
      desert: need > 0 && (d.agg.active[k] ?? 0) === 0,
      desertUnits: aDesert[k] ?? 0,
      capacityUnknown: (aUnknown[k] ?? 0) === 1,
      active: d.agg.active[k] ?? 0,
      planned: d.agg.planned[k] ?? 0,
      nearestKm: null,
    };
  };

  let unitRows: GapRow[] | null = null;
  let aggRows: GapRow[] | null = null;
  const getUnitRows = (): GapRow[] => {
    if (!unitRows) {
      unitRows = new Array<GapRow>(L * P);
      for (let lp = 0; lp < L; lp++) for (let p = 0; p < P; p++) unitRows[lp * P + p] = leafRow(lp, p);
    }
    return unitRows;
  };
  const getAggRows = (): GapRow[] => {
    if (!aggRows) {
      aggRows = new Array<GapRow>(A * P);
      for (let a = 0; a < A; a++) for (let p = 0; p < P; p++) aggRows[a * P + p] = aggRow(a, p);
    }
    return aggRows;
  };

  return {
    pairs,
    defaultNorms: d.defaultNorms,
    unitIds: leaves.map((i) => tree.ids[i] ?? ''),
    aggregateIds: aggs.map((i) => tree.ids[i] ?? ''),
    rows: () => [...getUnitRows(), ...getAggRows()],
    unitRows: () => getUnitRows(),
    regionRows: () => getAggRows().filter((r) => r.level === 'region'),
    get(unitId, service, category) {
      const p = pairOf.get(`${service}\u0000${category}`);
      if (p === undefined) return undefined;
      const lp = leafOf.get(unitId);
      if (lp !== undefined) return unitRows ? unitRows[lp * P + p] : leafRow(lp, p);
      const a = aggOf.get(unitId);
      if (a !== undefined) return aggRows ? aggRows[a * P + p] : aggRow(a, p);
      return undefined;
    },
    forPair(service, category) {
      const p = pairOf.get(`${service}\u0000${category}`);
      if (p === undefined) return [];
      const out: GapRow[] = [];
      for (let lp = 0; lp < L; lp++) out.push(leafRow(lp, p));
      for (let a = 0; a < A; a++) out.push(aggRow(a, p));
      return out;
    },
    get loads() {
      return d.loads();
    },
    warnings: d.warnings,
    distance: d.distance,
    regionOf(unitId) {
      const i = tree.index.get(unitId);
      return i === undefined ? null : regionId(i);
    },
  };
}
